/** A loop started by startPolling. */
export interface Poller {
  /** Ends the loop after the pass in progress; resolves when it has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` in a loop until stopped: the queue workers of every instance (webhook deliveries,
 * scheduled verifications) are this loop over a table. A pass that says more work is waiting
 * goes straight on to the next; otherwise the loop waits `pollMs`. A pass that throws (a
 * database that is down) is reported through `failed` once per distinct message and retried
 * after `5 × pollMs`; it never ends the loop or the process. The waits do not keep the
 * process alive.
 */
export function startPolling(options: { pass: () => Promise<boolean>; pollMs: number; failed: (message: string) => void }): Poller {
  let stopped = false;
  let wake: (() => void) | undefined;
  let lastError = '';
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      try {
        const more = await options.pass();
        lastError = '';
        if (!more) await pause(options.pollMs);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) options.failed(message);
        lastError = message;
        await pause(options.pollMs * 5);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
