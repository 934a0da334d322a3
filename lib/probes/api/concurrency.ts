import 'server-only';
/** Limits how many probes run at once; a few more may wait, the rest are turned away. */
export interface ConcurrencyGate {
  /** Resolves with a release function, or with null when the queue is full too. */
  acquire(): Promise<(() => void) | null>;
  readonly running: number;
  readonly waiting: number;
  /** Every slot taken and the queue full: acquire would answer null now. */
  readonly full: boolean;
}

/** A gate with `maxRunning` slots and at most `maxWaiting` callers queued for one. */
export function createConcurrencyGate(maxRunning: number, maxWaiting: number): ConcurrencyGate {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };
  const once = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    get full() {
      return running >= maxRunning && queue.length >= maxWaiting;
    },
    acquire() {
      if (running < maxRunning) {
        running += 1;
        return Promise.resolve(once());
      }
      if (queue.length >= maxWaiting) return Promise.resolve(null);
      // The slot passes straight from the releasing probe to the next in line.
      return new Promise((resolve) => queue.push(() => resolve(once())));
    },
  };
}
