import 'server-only';
import type { RateLimitRule } from './rule';
import type { RateLimitDecision, RateLimitStore } from './store';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key, in this process's memory: `limit` requests at once,
 * refilled evenly over `windowMs`. Full buckets are dropped when the map
 * grows, so memory stays bounded by the number of recently active clients.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 10_000) {}

  /** Takes one token from `key`'s bucket if there is one. */
  async consume(key: string, rule: RateLimitRule, now = Date.now()): Promise<RateLimitDecision> {
    const perMs = rule.limit / rule.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: rule.limit, updatedAt: now };
    bucket.tokens = Math.min(rule.limit, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.prune(rule, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  private prune(rule: RateLimitRule, now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * (rule.limit / rule.windowMs) >= rule.limit) this.buckets.delete(key);
    }
    // Still too many active clients: forget the least recently seen (Map keeps insertion order).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
