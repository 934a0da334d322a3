import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import { rangeOf, type InsightFilters } from './filters';
import { eventRows, rolledThrough } from './rollup';

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

/** Drop-off per flow step: a visit left with no outcome is someone leaving the page there. */
export async function flowSteps(db: FixpathDb, filters: InsightFilters): Promise<FlowStepRow[]> {
  return queryRows<FlowStepRow>(
    db,
    sql`select flow_id as "flowId", state_id as "stateId", sum(events)::int as visits, sum(dropped)::int as dropped,
               round(sum(duration_ms)::numeric / sum(events))::int as "meanMs"
        from (${eventRows(filters, ['step'], await rolledThrough(db), true)}) t
        group by flow_id, state_id
        order by flow_id, visits desc, state_id`,
  );
}

/** The endings reached, most common first. */
export async function endings(db: FixpathDb, filters: InsightFilters): Promise<EndingRow[]> {
  return queryRows<EndingRow>(
    db,
    sql`select flow_id as "flowId", state_id as "stateId", outcome as kind, sum(events)::int as count
        from (${eventRows(filters, ['ending'], await rolledThrough(db), true)}) t
        group by flow_id, state_id, outcome
        order by count desc, flow_id, state_id`,
  );
}

/**
 * Cases created in the range by time from creation to their first `resolved` status (kept per
 * case in `insight_case_facts` by a trigger on the timelines).
 */
export async function resolutionTime(db: FixpathDb, filters: InsightFilters): Promise<ResolutionRow[]> {
  const { start, end } = rangeOf(filters);
  const parts = [sql`c.created_at >= ${start.toISOString()}::timestamptz`, sql`c.created_at < ${end.toISOString()}::timestamptz`];
  if (filters.lang) parts.push(sql`c.lang = ${filters.lang}`);
  if (filters.agent) parts.push(sql`c.assignee = ${filters.agent}`);
  const rows = await queryRows<{ bucket: string; cases: number }>(
    db,
    sql`select case
                 when r.resolved_at is null then 'unresolved'
                 when r.resolved_at - c.created_at < interval '1 hour' then 'lt-1h'
                 when r.resolved_at - c.created_at < interval '4 hours' then '1h-4h'
                 when r.resolved_at - c.created_at < interval '24 hours' then '4h-24h'
                 when r.resolved_at - c.created_at < interval '3 days' then '1d-3d'
                 when r.resolved_at - c.created_at < interval '7 days' then '3d-7d'
                 else 'gt-7d' end as bucket,
               count(*)::int as cases
        from cases c left join insight_case_facts r on r.case_id = c.id
        where ${sql.join(parts, sql` and `)}
        group by 1`,
  );
  const counts = new Map(rows.map((row) => [row.bucket, row.cases]));
  return RESOLUTION_BUCKETS.map((bucket) => ({ bucket, cases: counts.get(bucket) ?? 0 }));
}

/**
 * Per fix, over the links sent in the range: opened at least once; the customer's latest
 * answer on that link; the latest verification on the case after the link went out. One row
 * per link in `insight_link_facts`, kept from the timelines by a trigger (migration 0009).
 */
export function fixSuccess(db: FixpathDb, filters: InsightFilters): Promise<FixSuccessRow[]> {
  const { start, end } = rangeOf(filters);
  const parts = [sql`sent_at >= ${start.toISOString()}::timestamptz`, sql`sent_at < ${end.toISOString()}::timestamptz`];
  if (filters.lang) parts.push(sql`lang = ${filters.lang}`);
  if (filters.agent) parts.push(sql`sent_by = ${filters.agent}`);
  return queryRows<FixSuccessRow>(
    db,
    sql`select slug, fix_id as "fixId", count(*)::int as sent,
               count(*) filter (where opened)::int as opened,
               count(*) filter (where outcome = 'fixed')::int as fixed,
               count(*) filter (where outcome = 'not-fixed')::int as "notFixed",
               count(*) filter (where outcome = 'not-yet')::int as "notYet",
               count(*) filter (where verified)::int as verified,
               count(*) filter (where not verified)::int as "notVerified"
        from insight_link_facts
        where ${sql.join(parts, sql` and `)}
        group by slug, fix_id
        order by sent desc, slug, fix_id`,
  );
}

/** Queries (lower-cased, trimmed) that found nothing or got no click, worst first, and the range's totals. */
export async function searchGaps(db: FixpathDb, filters: InsightFilters): Promise<{ rows: SearchGapRow[]; totals: SearchTotals }> {
  const searches = eventRows(filters, ['search'], await rolledThrough(db), false);
  // One pass over the searches: the gaps (worst first) and, as a row of its own, the totals.
  const grouped = await queryRows<SearchGapRow & { total: boolean }>(
    db,
    sql`with g as (
          select query, lang, sum(events) as searches, sum(no_result) as no_result, sum(no_click) as no_click
          from (${searches}) t group by query, lang)
        select '' as query, '' as lang, coalesce(sum(searches), 0)::int as searches, coalesce(sum(no_result), 0)::int as "noResult",
               coalesce(sum(no_click), 0)::int as "noClick", true as total from g
        union all
        (select query, lang, searches::int, no_result::int, no_click::int, false from g
         where no_result + no_click > 0
         order by no_result + no_click desc, searches desc, query
         limit ${GAP_LIMIT})`,
  );
  const rollupParts = [sql`day >= ${filters.from}::date`, sql`day <= ${filters.to}::date`];
  if (filters.lang) rollupParts.push(sql`lang = ${filters.lang}`);
  if (filters.agent) rollupParts.push(sql`actor = ${filters.agent}`);
  const [past] = await queryRows<SearchTotals>(
    db,
    sql`select coalesce(sum(searches), 0)::int as searches, coalesce(sum(no_result), 0)::int as "noResult", coalesce(sum(no_click), 0)::int as "noClick"
        from insight_search_daily where ${sql.join(rollupParts, sql` and `)}`,
  );
  const live = grouped.find((row) => row.total)!;
  const rows = grouped.filter((row) => !row.total).map(({ query, lang, searches: n, noResult, noClick }) => ({ query, lang, searches: n, noResult, noClick }));
  const totals = { searches: live.searches + past.searches, noResult: live.noResult + past.noResult, noClick: live.noClick + past.noClick };
  return { rows, totals };
}

/** Articles by views, with the flow endings at their fixes and the customer answers to links to them. */
export async function articles(db: FixpathDb, filters: InsightFilters, fixes?: FixSuccessRow[]): Promise<ArticleRow[]> {
  const counted = await queryRows<{ slug: string; views: number; endings: number }>(
    db,
    sql`select slug, coalesce(sum(events) filter (where kind = 'view'), 0)::int as views, coalesce(sum(events) filter (where kind = 'ending'), 0)::int as endings
        from (${eventRows(filters, ['view', 'ending'], await rolledThrough(db), false)}) t
        where slug <> ''
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
