import 'server-only';
import type { z } from 'zod';
import type { Authorize, Caller } from '@/lib/auth';
import type { FixpathDb } from '@/lib/db/server';
import { errorResponse, readValidJson } from '@/lib/http/server';

/** Largest JSON body the case API reads. */
export const MAX_BODY_BYTES = 16 * 1024;


/** 400 for one field, the message starting with its name (as `invalid` words it). */
export function fieldError(field: string, message: string): Response {
  return errorResponse(400, 'INVALID_INPUT', `${field} ${message}`, { field });
}

/** 404 for a case (or a run of it) that does not exist. */
export const notFound = (what = 'case') => errorResponse(404, 'NOT_FOUND', `no such ${what}`);

/** What the guard needs: the database and the auth check (the case API's deps satisfy it). */
interface GuardDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
}

/** A handler of the case API after the agent check: the caller, the database and the ids in the path. */
type Work<A extends string[]> = (request: Request, caller: Caller, db: FixpathDb, ...ids: A) => Promise<Response>;

/** Wraps `work` so it runs only for a caller with at least the agent role (401/403 otherwise). */
export function guardedWith(deps: GuardDeps) {
  return <A extends string[]>(work: Work<A>) =>
    async (request: Request, ...ids: A): Promise<Response> => {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      return work(request, auth.caller, await deps.db(), ...ids);
    };
}

/** The JSON body (at most `maxBytes`, by default the case API's limit) checked against `schema`, or the 4xx response. */
export function bodyOf<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_BODY_BYTES) {
  return readValidJson(request, schema, maxBytes);
}
