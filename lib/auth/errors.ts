import 'server-only';
import { errorResponse as httpErrorResponse } from '@/lib/http/server';

/** A JSON error in the API's shape, `{ error: { code, message } }`, with response headers. */
export function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return httpErrorResponse(status, code, message, {}, headers);
}

/** 503 `UNAVAILABLE`: the database does not answer; the detail goes to the server log, not the caller. */
export function unavailableResponse(error: unknown): Response {
  console.error(`auth: database unavailable: ${(error as Error)?.message ?? String(error)}`);
  return errorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', { 'retry-after': '5' });
}
