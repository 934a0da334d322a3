import 'server-only';

/**
 * c-ares outcomes worth remembering: a definite "no" (NXDOMAIN, no data), a server failure and
 * silence. A refused connection is not: nothing was waited for, asking again costs nothing.
 */
const REMEMBERED = new Set(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'ETIMEOUT']);

/** A negative answer kept for reuse: the same name at the same DNS server gets it without a query. */
export interface NegativeAnswer {
  /** The c-ares code that decided: ENOTFOUND, ENODATA, ESERVFAIL or ETIMEOUT. */
  error: string;
  /** When the answer (or the silence) was seen, ms since the epoch. */
  at: number;
  /** Until when it is reused, ms since the epoch. */
  expiresAt: number;
  /** The probe budget it was asked with: a timeout answers only probes no more patient than that. */
  budgetMs: number;
}

/** Thrown when a caller already has its share of name lookups in flight: the API answers 503 BUSY. */
export class LookupBusyError extends Error {
  constructor(readonly max: number) {
    super(`you already have ${max} name lookups in flight; retry shortly`);
    this.name = 'LookupBusyError';
  }
}

/** One name lookup: who asks, which DNS server (`system` or `ip:port`), which name, with which probe budget. */
interface LookupJob {
  caller?: string;
  resolver: string;
  name: string;
  budgetMs: number;
}

/** A lookup's own answer, or a remembered negative one (no query was sent). */
type GuardedLookup<T> = { fresh: T } | { cached: NegativeAnswer };

/** Per-caller cap on lookups in flight, a negative cache, and one query for a burst of the same lookup. */
export interface LookupGuard {
  /**
   * Answers `job` from the negative cache, by joining the same lookup already in flight, or by
   * `ask`ing; `failure` tells which answers are negative (their c-ares code). Throws
   * LookupBusyError when the caller already has its cap of lookups in flight.
   */
  run<T>(job: LookupJob, ask: () => Promise<T>, failure: (answer: T) => string | undefined): Promise<GuardedLookup<T>>;
}

/** How the guard is sized; `now` is for tests. */
interface LookupGuardOptions {
  /** Lookups one caller may have in flight in this process. */
  maxPerCaller: number;
  /** How long a negative answer is reused; 0 keeps none. */
  ttlMs: number;
  /** Most negative answers kept; the oldest goes first. */
  maxEntries?: number;
  now?: () => number;
}

/** A lookup in flight that others may join: when it started, how patient it is, its answer. */
interface InFlight {
  endsAt: number;
  budgetMs: number;
  answer: Promise<unknown>;
}

/**
 * Builds the guard one process shares (red-team H2). Without it, a burst of probes for a name
 * whose DNS server never answers sends one query per probe and waits out every one; with it
 * the burst costs one query, and the next probes within the TTL answer at once, saying so.
 */
export function createLookupGuard({ maxPerCaller, ttlMs, maxEntries = 1000, now = Date.now }: LookupGuardOptions): LookupGuard {
  const cache = new Map<string, NegativeAnswer>();
  const inFlight = new Map<string, InFlight>();
  const perCaller = new Map<string, number>();

  function remembered(key: string, budgetMs: number): NegativeAnswer | undefined {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      cache.delete(key);
      return undefined;
    }
    // A timeout proves only that the server was silent for that long; a more patient probe asks again.
    return entry.error !== 'ETIMEOUT' || entry.budgetMs >= budgetMs ? entry : undefined;
  }

  function remember(key: string, error: string | undefined, job: LookupJob, at: number): void {
    cache.delete(key);
    if (ttlMs <= 0 || !error || !REMEMBERED.has(error)) return;
    cache.set(key, { error, at, expiresAt: now() + ttlMs, budgetMs: job.budgetMs });
    for (const oldest of cache.keys()) {
      if (cache.size <= maxEntries) break;
      cache.delete(oldest);
    }
  }

  /** Counts one lookup in flight for the caller, or throws when it has its cap already. */
  function take(caller: string | undefined): () => void {
    if (caller === undefined) return () => {};
    const count = perCaller.get(caller) ?? 0;
    if (count >= maxPerCaller) throw new LookupBusyError(maxPerCaller);
    perCaller.set(caller, count + 1);
    return () => {
      const left = (perCaller.get(caller) ?? 1) - 1;
      if (left > 0) perCaller.set(caller, left);
      else perCaller.delete(caller);
    };
  }

  async function run<T>(job: LookupJob, ask: () => Promise<T>, failure: (answer: T) => string | undefined): Promise<GuardedLookup<T>> {
    const key = `${job.resolver} ${job.name.toLowerCase()}`;
    const hit = remembered(key, job.budgetMs);
    if (hit) return { cached: hit };
    const release = take(job.caller);
    try {
      const running = inFlight.get(key);
      // Join a lookup that is at least as patient and ends within this probe's budget: its answer is this one's.
      if (running && running.budgetMs >= job.budgetMs && running.endsAt <= now() + job.budgetMs) {
        const answer = (await running.answer) as T;
        const joined = failure(answer) === undefined ? undefined : remembered(key, job.budgetMs);
        return joined ? { cached: joined } : { fresh: answer };
      }
      const at = now();
      const answer = ask();
      const entry = { endsAt: at + job.budgetMs, budgetMs: job.budgetMs, answer };
      inFlight.set(key, entry);
      try {
        const value = await answer;
        remember(key, failure(value), job, at);
        return { fresh: value };
      } finally {
        if (inFlight.get(key) === entry) inFlight.delete(key);
      }
    } finally {
      release();
    }
  }

  return { run };
}

/** What a result says about a remembered answer: `details.cached` and a sentence for the summary. */
export function cachedNote(entry: NegativeAnswer): { cached: { at: string; expiresAt: string }; sentence: string } {
  const at = new Date(entry.at).toISOString();
  const expiresAt = new Date(entry.expiresAt).toISOString();
  return { cached: { at, expiresAt }, sentence: `From the negative cache: the same lookup failed at ${at}; DNS is asked again after ${expiresAt}.` };
}
