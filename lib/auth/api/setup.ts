import 'server-only';
import { recordAudit } from '../audit';
import { clientAddressOf } from '../client-address';
import { errorResponse } from '../errors';
import { isSameOrigin } from '../same-origin';
import type { AuthService } from '../service';
import { completeSetup } from '../setup';
import { UserInputError } from '../users';

const FIELDS = ['code', 'email', 'password', 'name'] as const;

/** Reads `{ code, email, password, name? }`, naming the first field that is missing or not a string. */
async function readSetupBody(request: Request): Promise<Record<(typeof FIELDS)[number], string> | { field: string }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { field: 'body' };
  }
  if (!body || typeof body !== 'object') return { field: 'body' };
  const record = body as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = record[field];
    if (field === 'name' && value === undefined) continue;
    if (typeof value !== 'string' || (field !== 'name' && value === '')) return { field };
  }
  return { code: String(record.code), email: String(record.email), password: String(record.password), name: typeof record.name === 'string' ? record.name : '' };
}

/**
 * `POST /api/setup`: creates the first admin with a setup code from the server log and signs
 * them in (201 with the session cookie). 404 once anyone exists, 401 `INVALID_SETUP_CODE`,
 * 400 `INVALID_INPUT` naming the field, 403 from another origin.
 */
export async function handleSetup(service: AuthService, incoming: Request): Promise<Response> {
  if (incoming.method !== 'POST') return errorResponse(405, 'METHOD_NOT_ALLOWED', 'use POST', { allow: 'POST' });
  if (!isSameOrigin(incoming)) return errorResponse(403, 'FORBIDDEN', 'cross-origin request refused');
  let request: Request;
  try {
    request = await service.withClientAddress(incoming);
  } catch {
    return errorResponse(413, 'INVALID_INPUT', 'the request body is too large');
  }
  const address = clientAddressOf(request);
  const body = await readSetupBody(request);
  if ('field' in body) return Response.json({ error: { code: 'INVALID_INPUT', message: `${body.field} is missing or not a string`, field: body.field } }, { status: 400 });
  let outcome: Awaited<ReturnType<typeof completeSetup>>;
  try {
    outcome = await completeSetup(service.db, body.code, { email: body.email, name: body.name, password: body.password });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return Response.json({ error: { code: 'INVALID_INPUT', message: error.message, field: error.field } }, { status: 400 });
  }
  if (!outcome.ok) {
    await recordAudit(service.db, { kind: 'setup-failed', address, detail: { refusal: outcome.refusal } });
    return outcome.refusal === 'done'
      ? errorResponse(404, 'NOT_FOUND', 'Fixpath is already set up; sign in instead')
      : errorResponse(401, 'INVALID_SETUP_CODE', 'the setup code is not valid; take the one the server printed at start');
  }
  await recordAudit(service.db, { kind: 'setup', userId: outcome.user.id, address, detail: { email: outcome.user.email } });
  const auth = await service.authFor(request);
  const signedIn = await auth.api.signInEmail({ body: { email: outcome.user.email, password: body.password }, headers: request.headers, asResponse: true });
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const cookie of signedIn.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return Response.json({ user: outcome.user }, { status: 201, headers });
}
