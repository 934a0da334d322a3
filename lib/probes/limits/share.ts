import 'server-only';

/** Gives back a caller's place; safe to call more than once. */
type ShareRelease = () => Promise<void>;

/**
 * How many probes one caller may have running at once (PROBE_MAX_CONCURRENT_PER_CALLER),
 * counted wherever the store counts: this process, or every instance on one database.
 */
export interface ConcurrencyShareStore {
  /** A place for `key` when it has fewer than `max` probes running, else null. */
  acquire(key: string, max: number): Promise<ShareRelease | null>;
}

/** Places counted in this process's memory: for the CLI and tests; one instance only. */
export function createMemoryShareStore(): ConcurrencyShareStore {
  const running = new Map<string, number>();
  return {
    async acquire(key, max) {
      const count = running.get(key) ?? 0;
      if (count >= max) return null;
      running.set(key, count + 1);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        const left = (running.get(key) ?? 1) - 1;
        if (left > 0) running.set(key, left);
        else running.delete(key);
      };
    },
  };
}
