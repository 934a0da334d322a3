import 'server-only';
import { authorize } from '@/lib/auth/server';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { runtimeAccess } from '@/lib/access/server';
import { errorResponse } from '@/lib/http/server';
import { createCasesApi } from './api';

// Case probes go through the one probe guard of /api/probe (limits, shares, audit); built on first use.
const api = createCasesApi({
  db: async () => (await getDatabase()).db,
  authorize,
  probe: (probe) => runtimeAccess().runForCase(probe),
  audit: (change) => runtimeAccess().recordCaseChange(change),
});

/** A database that stops answering mid-call is a 503 `UNAVAILABLE`, never a 500 or a hang. */
function unavailableAsStatus(handler: (request: Request, id?: string) => Promise<Response>) {
  return async (request: Request, id?: string): Promise<Response> => {
    try {
      return await handler(request, id);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      return errorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', {}, { 'retry-after': '5' });
    }
  };
}

/** Route handlers the app binds: `/api/cases`, `/api/cases/[id]`, `/api/cases/[id]/notes`, `/api/cases/[id]/probes`, `/api/cases/[id]/export`. */
export const casesRoutes = {
  list: unavailableAsStatus(api.list),
  create: unavailableAsStatus(api.create),
  read: unavailableAsStatus(api.read),
  patch: unavailableAsStatus(api.patch),
  addNote: unavailableAsStatus(api.addNote),
  probe: unavailableAsStatus(api.probe),
  export: unavailableAsStatus(api.export),
};
