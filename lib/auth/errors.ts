import 'server-only';

/** A JSON error in the API's shape: `{ error: { code, message } }`. */
export function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** 503 `UNAVAILABLE`: the database does not answer; the detail goes to the server log, not the caller. */
export function unavailableResponse(error: unknown): Response {
  console.error(`auth: database unavailable: ${(error as Error)?.message ?? String(error)}`);
  return errorResponse(503, 'UNAVAILABLE', 'the database is unavailable; try again shortly', { 'retry-after': '5' });
}
