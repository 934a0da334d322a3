import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import { rollUp } from './rollup';

/** Days search queries and their results are kept when FIXPATH_RETENTION_DAYS is unset. */
const DEFAULT_RETENTION_DAYS = 180;
/** An arbitrary constant: the advisory lock that lets one instance at a time roll up and delete. */
const RETENTION_LOCK = 0x66787269;

/** FIXPATH_RETENTION_DAYS as a whole number of days from 1 to 3650; anything else is an error naming the variable. */
export function retentionDaysFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.FIXPATH_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 3650) {
    throw new Error(`FIXPATH_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "${env.FIXPATH_RETENTION_DAYS}"`);
  }
  return Number(raw);
}

/**
 * The hourly upkeep, in one transaction: counts the events of closed days into the daily
 * rollup, then counts the searches of days older than `days` into `insight_search_daily`
 * (per UTC day, language and agent) and deletes them, queries and results with them, from the
 * events and from the rollup. Instances running this at once take turns through a
 * transaction-scoped advisory lock: one that finds it taken skips (null), so nothing is
 * counted twice. Returns how many searches were deleted.
 */
export async function maintainInsights(db: FixpathDb, days: number, now = new Date()): Promise<number | null> {
  const cutoffDay = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const cutoff = `${cutoffDay}T00:00:00Z`;
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`);
    if (!lock.locked) return null;
    // A background job, not a request: the first rollup of a large table may take longer than the 15 s a request may.
    await tx.execute(sql`set local statement_timeout = '10min'`);
    await rollUp(tx, now);
    await tx.execute(sql`
      insert into insight_search_daily as d (day, lang, actor, searches, no_result, no_click)
      select (at at time zone 'UTC')::date, lang, actor, count(*),
             count(*) filter (where result_count = 0), count(*) filter (where result_count > 0 and clicked_rank is null)
      from insight_events where kind = 'search' and at < ${cutoff}::timestamptz
      group by 1, 2, 3
      on conflict (day, lang, actor) do update set
        searches = d.searches + excluded.searches, no_result = d.no_result + excluded.no_result, no_click = d.no_click + excluded.no_click`);
    await tx.execute(sql`delete from insight_daily where kind = 'search' and day < ${cutoffDay}::date`);
    const deleted = await queryRows<{ id: number }>(tx, sql`delete from insight_events where kind = 'search' and at < ${cutoff}::timestamptz returning id`);
    return deleted.length;
  });
}
