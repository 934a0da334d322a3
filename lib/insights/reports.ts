import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import { rangeOf, type InsightFilters } from './filters';

/** The six reports, by the name their CSV has. */
export const REPORTS = ['flow-steps', 'endings', 'resolution-time', 'fix-success', 'search-gaps', 'articles'] as const;
/** One report's name. */
export type ReportName = (typeof REPORTS)[number];

/** Per flow step: visits, how many left the page there (drop-off), mean time on the step. */
export interface FlowStepRow {
  flowId: string;
  stateId: string;
  visits: number;
  dropped: number;
  meanMs: number | null;
}
/** How often each final state was reached. */
export interface EndingRow {
  flowId: string;
  stateId: string;
  kind: string;
  count: number;
}
/** Cases created in the range by time to their first `resolved` status. */
export interface ResolutionRow {
  bucket: (typeof RESOLUTION_BUCKETS)[number];
  cases: number;
}
/** Per fix: links sent, opened, the customer's latest answer per link, the last verification after each link. */
export interface FixSuccessRow {
  slug: string;
  fixId: string;
  sent: number;
  opened: number;
  fixed: number;
  notFixed: number;
  notYet: number;
  verified: number;
  notVerified: number;
}
/** A query that found nothing or whose results nobody chose. */
export interface SearchGapRow {
  query: string;
  lang: string;
  searches: number;
  noResult: number;
  noClick: number;
}
/** All searches of the range, including days past retention (counted in the daily rollup). */
export interface SearchTotals {
  searches: number;
  noResult: number;
  noClick: number;
}
/** Per article: views, flow endings at its fixes, links sent, customer answers. */
export interface ArticleRow {
  slug: string;
  views: number;
  endings: number;
  sent: number;
  fixed: number;
  notFixed: number;
}

/** Time-to-resolution buckets, shortest first; `unresolved` counts cases not resolved yet. */
const RESOLUTION_BUCKETS = ['lt-1h', '1h-4h', '4h-24h', '1d-3d', '3d-7d', 'gt-7d', 'unresolved'] as const;

/** Rows shown of the search gaps, worst first. */
const GAP_LIMIT = 50;

/** `where` conditions on insight_events for the filters (flow only when `withFlow`). */
function eventWhere(filters: InsightFilters, kind: string, withFlow: boolean): SQL {
  const { start, end } = rangeOf(filters);
  const parts = [sql`kind = ${kind}`, sql`at >= ${start.toISOString()}::timestamptz`, sql`at < ${end.toISOString()}::timestamptz`];
  if (filters.lang) parts.push(sql`lang = ${filters.lang}`);
  if (filters.agent) parts.push(sql`actor = ${filters.agent}`);
  if (withFlow && filters.flow) parts.push(sql`flow_id = ${filters.flow}`);
  return sql.join(parts, sql` and `);
}

/** Drop-off per flow step: a visit left with no outcome is someone leaving the page there. */
export function flowSteps(db: FixpathDb, filters: InsightFilters): Promise<FlowStepRow[]> {
  return queryRows<FlowStepRow>(
    db,
    sql`select flow_id as "flowId", state_id as "stateId", count(*)::int as visits,
               count(*) filter (where outcome is null)::int as dropped,
               round(avg(duration_ms))::int as "meanMs"
        from insight_events where ${eventWhere(filters, 'step', true)}
        group by flow_id, state_id
        order by flow_id, visits desc, state_id`,
  );
}

/** The endings reached, most common first per flow. */
export function endings(db: FixpathDb, filters: InsightFilters): Promise<EndingRow[]> {
  return queryRows<EndingRow>(
    db,
    sql`select flow_id as "flowId", state_id as "stateId", outcome as kind, count(*)::int as count
        from insight_events where ${eventWhere(filters, 'ending', true)}
        group by flow_id, state_id, outcome
        order by count desc, flow_id, state_id`,
  );
}

/** Cases created in the range by time from creation to their first `resolved` status. */
export async function resolutionTime(db: FixpathDb, filters: InsightFilters): Promise<ResolutionRow[]> {
  const { start, end } = rangeOf(filters);
  const parts = [sql`c.created_at >= ${start.toISOString()}::timestamptz`, sql`c.created_at < ${end.toISOString()}::timestamptz`];
  if (filters.lang) parts.push(sql`c.lang = ${filters.lang}`);
  if (filters.agent) parts.push(sql`c.assignee = ${filters.agent}`);
  const rows = await queryRows<{ bucket: string; cases: number }>(
    db,
    sql`select case
                 when r.at is null then 'unresolved'
                 when r.at - c.created_at < interval '1 hour' then 'lt-1h'
                 when r.at - c.created_at < interval '4 hours' then '1h-4h'
                 when r.at - c.created_at < interval '24 hours' then '4h-24h'
                 when r.at - c.created_at < interval '3 days' then '1d-3d'
                 when r.at - c.created_at < interval '7 days' then '3d-7d'
                 else 'gt-7d' end as bucket,
               count(*)::int as cases
        from cases c
        left join (
          select case_id, min(at) as at from case_events
          where kind = 'status' and payload->>'to' = 'resolved'
          group by case_id) r on r.case_id = c.id
        where ${sql.join(parts, sql` and `)}
        group by 1`,
  );
  const counts = new Map(rows.map((row) => [row.bucket, row.cases]));
  return RESOLUTION_BUCKETS.map((bucket) => ({ bucket, cases: counts.get(bucket) ?? 0 }));
}

/**
 * Per fix, over the links sent in the range: opened at least once; the customer's latest
 * answer on that link; the latest verification on the case after the link went out.
 */
export function fixSuccess(db: FixpathDb, filters: InsightFilters): Promise<FixSuccessRow[]> {
  const { start, end } = rangeOf(filters);
  const parts = [sql`e.kind = 'link-sent'`, sql`e.at >= ${start.toISOString()}::timestamptz`, sql`e.at < ${end.toISOString()}::timestamptz`];
  if (filters.lang) parts.push(sql`e.payload->>'lang' = ${filters.lang}`);
  if (filters.agent) parts.push(sql`e.actor = ${filters.agent}`);
  return queryRows<FixSuccessRow>(
    db,
    sql`with sent as (
          select e.id, e.case_id, e.at, e.payload->>'linkId' as link_id, e.payload->>'slug' as slug, e.payload->>'fixId' as fix_id
          from case_events e where ${sql.join(parts, sql` and `)}),
        opened as (
          select distinct o.case_id, o.payload->>'linkId' as link_id from case_events o
          where o.kind = 'link-opened' and o.case_id in (select case_id from sent)),
        answered as (
          select distinct on (f.case_id, f.payload->>'linkId') f.case_id, f.payload->>'linkId' as link_id, f.payload->>'outcome' as outcome
          from case_events f where f.kind = 'feedback' and f.case_id in (select case_id from sent)
          order by f.case_id, f.payload->>'linkId', f.at desc, f.id desc),
        verified as (
          select distinct on (s.id) s.id, (v.payload->>'verified')::boolean as verified
          from sent s join case_events v on v.case_id = s.case_id and v.kind = 'verify' and v.at >= s.at
          order by s.id, v.at desc, v.id desc)
        select s.slug, s.fix_id as "fixId", count(*)::int as sent,
               count(o.link_id)::int as opened,
               count(*) filter (where f.outcome = 'fixed')::int as fixed,
               count(*) filter (where f.outcome = 'not-fixed')::int as "notFixed",
               count(*) filter (where f.outcome = 'not-yet')::int as "notYet",
               count(*) filter (where v.verified)::int as verified,
               count(*) filter (where not v.verified)::int as "notVerified"
        from sent s
        left join opened o on o.case_id = s.case_id and o.link_id = s.link_id
        left join answered f on f.case_id = s.case_id and f.link_id = s.link_id
        left join verified v on v.id = s.id
        group by s.slug, s.fix_id
        order by sent desc, s.slug, s.fix_id`,
  );
}

/** Queries (lower-cased, trimmed) that found nothing or got no click, worst first, and the range's totals. */
export async function searchGaps(db: FixpathDb, filters: InsightFilters): Promise<{ rows: SearchGapRow[]; totals: SearchTotals }> {
  const where = eventWhere(filters, 'search', false);
  const rows = await queryRows<SearchGapRow>(
    db,
    sql`select lower(btrim(query)) as query, lang, count(*)::int as searches,
               count(*) filter (where result_count = 0)::int as "noResult",
               count(*) filter (where result_count > 0 and clicked_rank is null)::int as "noClick"
        from insight_events where ${where} and query is not null
        group by 1, 2
        having count(*) filter (where result_count = 0 or clicked_rank is null) > 0
        order by count(*) filter (where result_count = 0 or clicked_rank is null) desc, searches desc, 1
        limit ${GAP_LIMIT}`,
  );
  const rollupParts = [sql`day >= ${filters.from}::date`, sql`day <= ${filters.to}::date`];
  if (filters.lang) rollupParts.push(sql`lang = ${filters.lang}`);
  if (filters.agent) rollupParts.push(sql`actor = ${filters.agent}`);
  const [totals] = await queryRows<SearchTotals>(
    db,
    sql`select coalesce(sum(searches), 0)::int as searches, coalesce(sum("noResult"), 0)::int as "noResult", coalesce(sum("noClick"), 0)::int as "noClick" from (
          select count(*) as searches, count(*) filter (where result_count = 0) as "noResult",
                 count(*) filter (where result_count > 0 and clicked_rank is null) as "noClick"
          from insight_events where ${where}
          union all
          select sum(searches), sum(no_result), sum(no_click) from insight_search_daily where ${sql.join(rollupParts, sql` and `)}) t`,
  );
  return { rows, totals };
}

/** Articles by views, with the flow endings at their fixes and the customer answers to links to them. */
export async function articles(db: FixpathDb, filters: InsightFilters, fixes?: FixSuccessRow[]): Promise<ArticleRow[]> {
  const counted = await queryRows<{ slug: string; views: number; endings: number }>(
    db,
    sql`select slug, count(*) filter (where kind = 'view')::int as views, count(*) filter (where kind = 'ending')::int as endings
        from insight_events
        where ((${eventWhere(filters, 'view', false)}) or (${eventWhere(filters, 'ending', false)})) and slug is not null
        group by slug`,
  );
  const bySlug = new Map<string, ArticleRow>(counted.map((row) => [row.slug, { ...row, sent: 0, fixed: 0, notFixed: 0 }]));
  for (const fix of fixes ?? (await fixSuccess(db, filters))) {
    const row = bySlug.get(fix.slug) ?? { slug: fix.slug, views: 0, endings: 0, sent: 0, fixed: 0, notFixed: 0 };
    row.sent += fix.sent;
    row.fixed += fix.fixed;
    row.notFixed += fix.notFixed;
    bySlug.set(fix.slug, row);
  }
  return [...bySlug.values()].sort((a, b) => b.views - a.views || b.sent - a.sent || a.slug.localeCompare(b.slug));
}

/** Every report for the insights page. */
export async function allReports(db: FixpathDb, filters: InsightFilters) {
  const fixes = await fixSuccess(db, filters);
  const [steps, ends, resolution, gaps, reads] = await Promise.all([
    flowSteps(db, filters),
    endings(db, filters),
    resolutionTime(db, filters),
    searchGaps(db, filters),
    articles(db, filters, fixes),
  ]);
  return { flowSteps: steps, endings: ends, resolutionTime: resolution, fixSuccess: fixes, searchGaps: gaps, articles: reads };
}

/** What the insights page shows. */
export type InsightReports = Awaited<ReturnType<typeof allReports>>;
