import 'server-only';
/** A point in time every phase of one probe shares, so phase timeouts add up to the caller's budget. */
export class Deadline {
  private readonly end: number;

  /** Starts a budget of `budgetMs` from now. */
  constructor(readonly budgetMs: number) {
    this.end = performance.now() + budgetMs;
  }

  /** Milliseconds left, never below 1 so a timer still fires. */
  remaining(): number {
    return Math.max(1, Math.round(this.end - performance.now()));
  }

  /** Milliseconds left, but at most `capMs` for one phase. */
  phase(capMs: number): number {
    return Math.min(capMs, this.remaining());
  }
}

/** Milliseconds elapsed since `start` (a `performance.now()` value), to 0.1 ms. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
