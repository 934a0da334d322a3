import { doublePrecision, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Probe rate limits, one token bucket per caller (`user:<id>`, `service:probe-token`,
 * `addr:<address or /64>`), shared by every instance on the database. Updated by one
 * INSERT … ON CONFLICT DO UPDATE per request (lib/access).
 */
export const probeRateBuckets = pgTable(
  'probe_rate_buckets',
  {
    key: text('key').primaryKey(),
    /** Tokens left after the last request (fractions refill over the window). */
    tokens: doublePrecision('tokens').notNull(),
    /** Whether the last request was let through: the verdict the same statement returns. */
    allowed: boolean('allowed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('probe_rate_buckets_updated_at').on(table.updatedAt)],
);

/**
 * Probes running now, one row each, so a caller's concurrency share holds across instances.
 * A row expires on its own, so a killed process cannot hold a caller's places for ever.
 */
export const probeLeases = pgTable(
  'probe_leases',
  {
    id: text('id').primaryKey(),
    callerKey: text('caller_key').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('probe_leases_caller').on(table.callerKey)],
);
