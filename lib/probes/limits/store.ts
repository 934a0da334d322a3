import 'server-only';
import type { RateLimitRule } from './rule';

/** The verdict on one request. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left right now. */
  remaining: number;
  /** When refused: whole seconds until one request is allowed again. */
  retryAfterSeconds: number;
}

/**
 * Where request counts live. The in-memory store serves one process; a store
 * shared by every instance (e.g. PostgreSQL) implements the same interface.
 */
export interface RateLimitStore {
  /** Counts one request by `key` and says whether it is within `rule`. */
  consume(key: string, rule: RateLimitRule, now?: number): Promise<RateLimitDecision>;
}
