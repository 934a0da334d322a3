import 'server-only';
import { authorize } from '@/lib/auth/server';
import type { Caller } from '@/lib/auth';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { errorResponse } from '@/lib/http/server';
import { createInsightsApi, forCaller } from './api';
import type { InsightFilters } from './filters';
import { allReports, type InsightReports } from './reports';
import { maintainInsights, retentionDaysFromEnv } from './retention';

const api = createInsightsApi({ db: async () => (await getDatabase()).db, authorize });

/** A database that stops answering is a 503 `UNAVAILABLE`, as for the case API. */
function unavailableAsStatus<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      return errorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', {}, { 'retry-after': '5' });
    }
  };
}

/** Route handlers the app binds: `POST /api/insights/events`, `GET /api/insights/[report]` (`<report>.csv`). */
export const insightsRoutes = { events: unavailableAsStatus(api.events), csv: unavailableAsStatus(api.csv) };

/** Every report for the insights page (the page checks the role), search queries as `caller` may see them; `unavailable` when the database does not answer. */
export async function insightsForPage(filters: InsightFilters, caller: Caller): Promise<InsightReports | 'unavailable'> {
  try {
    const reports = await allReports((await getDatabase()).db, filters);
    return { ...reports, searchGaps: { ...reports.searchGaps, rows: forCaller(caller, reports.searchGaps.rows) } };
  } catch (error) {
    if (isUnavailable(error)) return 'unavailable';
    throw error;
  }
}

/** One job per process even if Next loads instrumentation in more than one bundle. */
const STARTED = Symbol.for('fixpath.retentionJob');
/** How often the retention job runs (and once shortly after start). */
const RETENTION_EVERY_MS = 3_600_000;

/**
 * Starts this instance's upkeep job (instrumentation.ts): every hour, closed days are counted
 * into the daily rollup, and searches older than FIXPATH_RETENTION_DAYS into daily totals
 * before they are deleted. Every instance runs one;
 * the advisory lock makes them take turns. A bad value stops the start with a message naming
 * the variable.
 */
export function startRetentionJobOrExit(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  let days: number;
  try {
    days = retentionDaysFromEnv(process.env);
  } catch (error) {
    console.error(`Fixpath cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  const run = () =>
    getDatabase()
      .then(({ db }) => maintainInsights(db, days))
      .catch((error: unknown) => console.error(`Fixpath insights retention: ${(error as Error).message}`));
  setTimeout(run, 10_000).unref();
  setInterval(run, RETENTION_EVERY_MS).unref();
}
