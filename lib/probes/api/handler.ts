import 'server-only';
import { rateLimitKey } from '@/lib/net';
import { parseProbeRequest } from '../contract/request';
import { hasBearerToken } from './auth';
import type { ProbeCallerCheck } from './caller';
import { createProbeGuard, type ProbeGuard } from './guard';
import { errorResponse, jsonResponse, readBodyCapped } from './json';
import { resolveHandlerOptions, type ProbeHandlerOptions, type ResolvedProbeOptions } from './options';
import { isCrossSiteWithCookies, isJsonContentType } from './request-checks';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** A framework-free request handler: standard Request in, Response out. */
export type ProbeHandler = (request: Request) => Promise<Response>;

/**
 * Who is calling: the service token (PROBE_TOKEN, compared in constant time), else whoever
 * `authorize` proves (a session, a personal token). A request with no valid credential is
 * counted against its address (IPv6 by /64), so guessing tokens is throttled too, and then
 * refused with authorize's answer (401, or 403 for a session from another origin).
 */
async function callerOf(request: Request, client: string, config: ResolvedProbeOptions, guard: ProbeGuard): Promise<ProbeCallerCheck> {
  if (config.token && hasBearerToken(request, config.token)) return { ok: true, caller: { key: 'service:probe-token', userId: null, via: 'service' } };
  const check = await config.authorize(request);
  if (check.ok || (check.response.status !== 401 && check.response.status !== 403)) return check;
  const limited = await guard.limit(`addr:${rateLimitKey(client)}`);
  return { ok: false, response: limited ?? check.response };
}

/** The body as JSON, or the 415 (not declared JSON), 413 (over MAX_BODY_BYTES), 408 (too slow) or 400 (not JSON) for it. */
async function readJson(request: Request, timeoutMs: number): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  if (!isJsonContentType(request)) {
    // Also what keeps a cross-site <form> or text/plain fetch out: those cannot send application/json without a CORS preflight.
    return { ok: false, response: errorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'body must be sent as Content-Type: application/json', 'body') };
  }
  const body = await readBodyCapped(request, MAX_BODY_BYTES, timeoutMs);
  if (!body.ok && body.reason === 'too-slow') {
    return { ok: false, response: errorResponse(408, 'REQUEST_TIMEOUT', `body did not arrive within ${timeoutMs} ms`, 'body', { connection: 'close' }) };
  }
  if (!body.ok) return { ok: false, response: errorResponse(413, 'INVALID_INPUT', `body is larger than ${MAX_BODY_BYTES} bytes`, 'body') };
  try {
    return { ok: true, json: JSON.parse(body.text) };
  } catch (error) {
    return { ok: false, response: errorResponse(400, 'INVALID_INPUT', `body is not valid JSON (${(error as Error).message})`, 'body') };
  }
}

/** The field a 403 names: the one the caller used for the target (an http probe takes `url` or `host`). */
function targetField(json: unknown): 'url' | 'host' {
  return typeof json === 'object' && json !== null && 'url' in json ? 'url' : 'host';
}

/** OPTIONS and every method but POST: what this endpoint takes, and nothing else. */
function notPost(method: string): Response {
  // OPTIONS asks which methods the resource supports (RFC 9110 9.3.7): 204 with Allow says so.
  // No Access-Control-* header is sent, so a cross-site preflight still fails.
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: 'POST', 'cache-control': 'no-store' } });
  return errorResponse(405, 'METHOD_NOT_ALLOWED', `${method} is not supported; use POST`, undefined, { allow: 'POST' });
}

/**
 * Builds the `POST /api/probe` handler: 405 for other methods (204 + Allow for
 * OPTIONS), 403 for a cross-site request carrying cookies, the caller (401; anonymous
 * calls are rate limited per address first, 429), Content-Type (415), body cap (413) and
 * deadline (408), JSON and request validation (400 naming the field), then the guard: the
 * caller's rate limit (429 + Retry-After), the caller's concurrency share and the process's
 * gate (503), target policy (403), the probe (200) and one audit line.
 */
export function createProbeHandler(options: ProbeHandlerOptions = {}): ProbeHandler {
  return createProbeService(options).handle;
}

/**
 * The `POST /api/probe` handler and the guard it runs probes through, for other endpoints
 * (a case's probes) to share: one rate limit, one concurrency share, one audit.
 */
export function createProbeService(options: ProbeHandlerOptions = {}, env: Record<string, string | undefined> = process.env): { handle: ProbeHandler; guard: ProbeGuard } {
  const config = resolveHandlerOptions(options, env);
  const guard = createProbeGuard(config);
  const handle: ProbeHandler = async (request) => {
    if (request.method !== 'POST') return notPost(request.method);
    if (isCrossSiteWithCookies(request)) {
      return errorResponse(403, 'CROSS_SITE', 'cross-site requests that carry cookies are refused; call the API from this site or without cookies');
    }
    const from = config.addresses(request);
    const who = await callerOf(request, from.client, config, guard);
    if (!who.ok) return who.response;
    const body = await readJson(request, config.bodyTimeoutMs);
    if (!body.ok) return body.response;
    const parsed = parseProbeRequest(body.json);
    if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
    const outcome = await guard.run({ request: parsed.request, caller: who.caller, from, targetField: targetField(body.json) });
    return outcome.ok ? jsonResponse(200, outcome.result) : outcome.response;
  };
  return { handle, guard };
}
