import 'server-only';
import { authorize } from '@/lib/auth/server';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { runtimeAccess } from '@/lib/access/server';
import { errorResponse } from '@/lib/http/server';
import { createCasesApi, type CasesApiDeps } from './api';
import { createEvidenceApi } from './evidence';
import { linkDaysFromEnv } from './links';
import { createLinksApi } from './links-api';
import { createRunsApi } from './runs';
import { createScheduleApi } from './schedule';
import { startVerifyWorker } from './schedule-worker';
import { createVerifyApi } from './verify';

// Case probes (and verify's re-runs) go through the one probe guard of /api/probe (limits, shares, audit); built on first use.
const deps: CasesApiDeps = {
  db: async () => (await getDatabase()).db,
  authorize,
  probe: (probe) => runtimeAccess().runForCase(probe),
  audit: (change) => runtimeAccess().recordCaseChange(change),
};
const api = createCasesApi(deps);
const runs = createRunsApi(deps);
const { verify } = createVerifyApi(deps);
const schedule = createScheduleApi(deps);
const evidence = createEvidenceApi(deps);
const links = createLinksApi({ db: deps.db, authorize, linkDays: () => linkDaysFromEnv(process.env) });

/** A database that stops answering mid-call is a 503 `UNAVAILABLE`, never a 500 or a hang. */
export function unavailableAsStatus<Ids extends string[]>(handler: (request: Request, ...ids: Ids) => Promise<Response>) {
  return async (request: Request, ...ids: Ids): Promise<Response> => {
    try {
      return await handler(request, ...ids);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      return errorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', {}, { 'retry-after': '5' });
    }
  };
}

/**
 * Route handlers the app binds: `/api/cases`, `/api/cases/[id]`, `/api/cases/[id]/notes`,
 * `/api/cases/[id]/probes`, `/api/cases/[id]/export`, `/api/cases/[id]/links[/linkId]`,
 * `/api/cases/[id]/runs/**`, `/api/cases/[id]/verify`, `/api/cases/[id]/verify/schedule[/scheduleId]`,
 * `/api/cases/[id]/evidence`.
 */
export const casesRoutes = {
  list: unavailableAsStatus(api.list),
  create: unavailableAsStatus(api.create),
  read: unavailableAsStatus(api.read),
  patch: unavailableAsStatus(api.patch),
  addNote: unavailableAsStatus(api.addNote),
  probe: unavailableAsStatus(api.probe),
  export: unavailableAsStatus(api.export),
  startRun: unavailableAsStatus(runs.start),
  readRun: unavailableAsStatus(runs.read),
  runStep: unavailableAsStatus(runs.step),
  endRun: unavailableAsStatus(runs.end),
  verify: unavailableAsStatus(verify),
  scheduleVerify: unavailableAsStatus(schedule.schedule),
  cancelScheduledVerify: unavailableAsStatus(schedule.cancel),
  addEvidence: unavailableAsStatus(evidence.add),
  createLink: unavailableAsStatus(links.create),
  listLinks: unavailableAsStatus(links.list),
  revokeLink: unavailableAsStatus(links.revoke),
};

/** One worker per process even if Next loads instrumentation in more than one bundle. */
const WORKER_STARTED = Symbol.for('fixpath.verifyWorker');

/**
 * Starts this instance's worker for "Verify in N minutes" (instrumentation.ts). Every instance
 * runs one; the claim in the database makes each scheduled verification run once.
 */
export function startVerifyWorkerOnce(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const holder = globalThis as { [WORKER_STARTED]?: boolean };
  if (holder[WORKER_STARTED]) return;
  holder[WORKER_STARTED] = true;
  startVerifyWorker({ db: deps.db, probe: deps.probe, log: (line) => console.error(line) });
}
