import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from '@/lib/probes/server';

/** About one request in this many also drops buckets idle for a whole window (they are full anyway). */
const PRUNE_EVERY = 200;

/**
 * Token buckets in `probe_rate_buckets`, shared by every instance on the database. One
 * statement per request takes the row lock, refills by the time since the last request
 * (the database's clock, so instances need not agree on theirs), takes a token when there
 * is one, and returns the verdict: two instances cannot both spend the last token.
 */
export function createPgRateLimitStore(database: () => Promise<FixpathDb>): RateLimitStore {
  return {
    async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
      const db = await database();
      const perMs = rule.limit / rule.windowMs;
      const refilled = sql`least(${rule.limit}::float8, b.tokens + extract(epoch from (now() - b.updated_at)) * 1000 * ${perMs}::float8)`;
      const [row] = await queryRows<{ tokens: number; allowed: boolean }>(
        db,
        sql`insert into probe_rate_buckets as b (key, tokens, allowed, updated_at)
            values (${key}, ${rule.limit - 1}::float8, true, now())
            on conflict (key) do update set
              tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
              allowed = ${refilled} >= 1,
              updated_at = now()
            returning tokens, allowed`,
      );
      if (Math.random() * PRUNE_EVERY < 1) {
        await db.execute(sql`delete from probe_rate_buckets where updated_at < now() - make_interval(secs => ${rule.windowMs / 1000}::float8)`);
      }
      const tokens = Number(row.tokens);
      if (row.allowed) return { allowed: true, remaining: Math.floor(tokens), retryAfterSeconds: 0 };
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
  };
}
