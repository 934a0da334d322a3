import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import { rangeOf, type InsightFilters } from './filters';

const DAY_MS = 86_400_000;
/** The settings row holding the first day not yet in `insight_daily` (days before it are). */
const MARKER = 'insights.rolled-through';

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first day whose events are not yet counted in `insight_daily`; null before the first rollup. */
export async function rolledThrough(db: FixpathDb): Promise<string | null> {
  const [row] = await queryRows<{ value: string }>(db, sql`select value #>> '{}' as value from settings where key = ${MARKER}`);
  return row?.value ?? null;
}

/**
 * Counts the events of closed days into `insight_daily`. A day is closed once no event can
 * still arrive for it: the server clamps an event's time to the last day, so every day before
 * yesterday. Run inside the maintenance transaction (one instance at a time).
 */
export async function rollUp(tx: FixpathDb, now: Date): Promise<void> {
  const from = await rolledThrough(tx);
  const through = dayOf(now.getTime() - DAY_MS);
  if (from !== null && from >= through) return;
  const since = from === null ? sql`true` : sql`at >= ${`${from}T00:00:00Z`}::timestamptz`;
  await tx.execute(sql`
    insert into insight_daily as d (day, kind, lang, flow_id, state_id, outcome, slug, query, events, dropped, duration_ms, no_result, no_click)
    select (at at time zone 'UTC')::date, kind, lang, coalesce(flow_id, ''), coalesce(state_id, ''),
           case when kind = 'ending' then coalesce(outcome, '') else '' end, coalesce(slug, ''),
           case when kind = 'search' then lower(btrim(query)) else '' end,
           count(*), count(*) filter (where kind = 'step' and outcome is null), coalesce(sum(duration_ms), 0),
           count(*) filter (where result_count = 0), count(*) filter (where result_count > 0 and clicked_rank is null)
    from insight_events where ${since} and at < ${`${through}T00:00:00Z`}::timestamptz
    group by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (kind, day, lang, flow_id, state_id, outcome, slug, query) do update set
      events = d.events + excluded.events, dropped = d.dropped + excluded.dropped, duration_ms = d.duration_ms + excluded.duration_ms,
      no_result = d.no_result + excluded.no_result, no_click = d.no_click + excluded.no_click`);
  await tx.execute(sql`
    insert into settings (key, value, updated_at) values (${MARKER}, to_jsonb(${through}::text), now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`);
}

/**
 * The events of `kinds` the filters select, as rows of one shape: the rollup's rows for the
 * days it covers (when no agent is asked for: it has no agent) and the events since, one row
 * each. Columns: lang, flow_id, state_id, outcome, slug, query, events, dropped, duration_ms,
 * no_result, no_click; a report groups and sums them.
 */
export function eventRows(filters: InsightFilters, kinds: string[], through: string | null, withFlow: boolean): SQL {
  const { start, end } = rangeOf(filters);
  const useRollup = through !== null && !filters.agent && filters.from < through;
  const rawStart = useRollup ? new Date(Math.max(start.getTime(), Date.parse(`${through}T00:00:00Z`))) : start;
  const kindList = sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const common: SQL[] = [];
  if (filters.lang) common.push(sql`lang = ${filters.lang}`);
  if (withFlow && filters.flow) common.push(sql`flow_id = ${filters.flow}`);
  const rawWhere = [sql`kind in (${kindList})`, sql`at >= ${rawStart.toISOString()}::timestamptz`, sql`at < ${end.toISOString()}::timestamptz`, ...common];
  if (filters.agent) rawWhere.push(sql`actor = ${filters.agent}`);
  const raw = sql`select lang, coalesce(flow_id, '') as flow_id, coalesce(state_id, '') as state_id,
                         case when kind = 'ending' then coalesce(outcome, '') else '' end as outcome, coalesce(slug, '') as slug,
                         case when kind = 'search' then lower(btrim(query)) else '' end as query, kind,
                         1 as events, (kind = 'step' and outcome is null)::int as dropped, coalesce(duration_ms, 0)::bigint as duration_ms,
                         (result_count = 0)::int as no_result, (result_count > 0 and clicked_rank is null)::int as no_click
                  from insight_events where ${sql.join(rawWhere, sql` and `)}`;
  if (!useRollup) return raw;
  const lastRolled = dayOf(Math.min(end.getTime(), Date.parse(`${through}T00:00:00Z`)) - DAY_MS);
  const rollupWhere = [sql`kind in (${kindList})`, sql`day >= ${filters.from}::date`, sql`day <= ${lastRolled}::date`, ...common];
  const rolled = sql`select lang, flow_id, state_id, outcome, slug, query, kind, events, dropped, duration_ms, no_result, no_click
                     from insight_daily where ${sql.join(rollupWhere, sql` and `)}`;
  return sql`${rolled} union all ${raw}`;
}
