import 'server-only';
import type { Authorize, Caller } from '@/lib/auth';
import type { FixpathDb } from '@/lib/db/server';
import { errorResponse, jsonResponse, readValidJson } from '@/lib/http/server';
import { insightBatchSchema } from './contract';
import { reportCsv } from './csv';
import { parseFilters, type InsightFilters } from './filters';
import { redactHosts } from './redact';
import { articles, endings, fixSuccess, flowSteps, REPORTS, resolutionTime, searchGaps, type InsightReports, type ReportName } from './reports';
import { recentCount, storeEvents } from './store';

/** Largest batch body: MAX_BATCH events with their longest fields fit; `keepalive` allows 64 KiB in all. */
const MAX_BODY_BYTES = 60 * 1024;
/** Events one caller may store per minute, across instances: far above what a person clicks, low enough to stop a loop. */
const EVENTS_PER_MINUTE = 600;

/** What the insights API needs: the database and the auth check. */
export interface InsightsApiDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
}

/** Search queries as a caller may see them: admins see hosts, everyone else `[host]`. */
export function forCaller<T extends { query: string }>(caller: Caller, rows: T[]): T[] {
  return caller.user.role === 'admin' ? rows : rows.map((row) => ({ ...row, query: redactHosts(row.query) }));
}

/** Runs the one report a CSV needs. */
async function oneReport(db: FixpathDb, name: ReportName, filters: InsightFilters): Promise<Partial<InsightReports>> {
  switch (name) {
    case 'flow-steps':
      return { flowSteps: await flowSteps(db, filters) };
    case 'endings':
      return { endings: await endings(db, filters) };
    case 'resolution-time':
      return { resolutionTime: await resolutionTime(db, filters) };
    case 'fix-success':
      return { fixSuccess: await fixSuccess(db, filters) };
    case 'search-gaps':
      return { searchGaps: await searchGaps(db, filters) };
    case 'articles':
      return { articles: await articles(db, filters) };
  }
}

/** `POST /api/insights/events` and `GET /api/insights/<report>.csv`. */
export function createInsightsApi(deps: InsightsApiDeps) {
  return {
    /** Stores a batch from a signed-in caller: 202 `{ stored }`; 400 naming the field; 401; 413; 429 past the rate. */
    async events(request: Request): Promise<Response> {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      const body = await readValidJson(request, insightBatchSchema, MAX_BODY_BYTES);
      if (!body.ok) return body.response;
      const db = await deps.db();
      const { events } = body.value;
      if ((await recentCount(db, auth.caller.user.id)) + events.length > EVENTS_PER_MINUTE) {
        return errorResponse(429, 'RATE_LIMITED', `at most ${EVENTS_PER_MINUTE} events a minute`, {}, { 'retry-after': '60' });
      }
      await storeEvents(db, auth.caller.user.id, events);
      return jsonResponse(202, { stored: events.length });
    },

    /** One report as CSV for an editor or admin; `report` is the file name without `.csv`. */
    async csv(request: Request, report: string): Promise<Response> {
      const auth = await deps.authorize(request, 'editor');
      if (!auth.ok) return auth.response;
      const name = report.replace(/\.csv$/, '');
      if (!(REPORTS as readonly string[]).includes(name)) return errorResponse(404, 'NOT_FOUND', `no report ${name}; one of ${REPORTS.join(', ')}`);
      const parsed = parseFilters(new URL(request.url).searchParams);
      if (parsed.error) return errorResponse(400, 'INVALID_INPUT', parsed.error.message, { field: parsed.error.field });
      const reports = await oneReport(await deps.db(), name as ReportName, parsed.filters);
      if (reports.searchGaps) reports.searchGaps = { ...reports.searchGaps, rows: forCaller(auth.caller, reports.searchGaps.rows) };
      const { from, to } = parsed.filters;
      return new Response(reportCsv(name as ReportName, reports), {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="fixpath-${name}-${from}-${to}.csv"`,
          'cache-control': 'no-store',
        },
      });
    },
  };
}
