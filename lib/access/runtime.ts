import 'server-only';
import { authorize } from '@/lib/auth/server';
import { getDatabase, isUnavailable } from '@/lib/db/server';
import { probeErrorResponse } from '@/lib/probes/server';
import { createAccess, type Access } from './access';

let access: Access | undefined;

/**
 * The process-wide access over the process-wide database, built on first use so a build
 * never reads probe settings; throws when a PROBE_* setting cannot be read.
 */
export function runtimeAccess(): Access {
  access ??= createAccess({ db: async () => (await getDatabase()).db, authorize });
  return access;
}

/**
 * `POST /api/probe` (every method): the probe handler behind sign-in. A misread setting is a
 * 500 whose detail goes to the server log; a database that does not answer is a 503.
 */
export async function handleProbeRequest(request: Request): Promise<Response> {
  let current: Access;
  try {
    current = runtimeAccess();
  } catch (error) {
    // The setting's name and value go to the server log, not to the caller.
    console.error(`probe API misconfigured: ${(error as Error).message}`);
    return probeErrorResponse(500, 'PROBE_MISCONFIGURED', 'the probe service is misconfigured; see the server log');
  }
  try {
    return await current.handle(request);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    console.error(`probe API: database unavailable: ${(error as Error).message}`);
    return probeErrorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', undefined, { 'retry-after': '5' });
  }
}
