import 'server-only';
import { parseProbeRequest, type ProbeRequest } from '../contract/request';
import { resolverAddress } from '../dns/resolver';
import { FieldRefusedError, TargetForbiddenError } from '../policy/forbidden';
import { probeTarget, runProbe } from '../run/run-probe';
import { hasBearerToken } from './auth';
import { errorResponse, jsonResponse, readBodyCapped } from './json';
import { resolveHandlerOptions, type ProbeHandlerOptions } from './options';
import { isCrossSiteWithCookies, isJsonContentType } from './request-checks';
import { rateLimitKey, type RequestAddresses } from '@/lib/net';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** A framework-free request handler: standard Request in, Response out. */
export type ProbeHandler = (request: Request) => Promise<Response>;

type Config = Required<ProbeHandlerOptions>;

/** Rate limit (429 + Retry-After), then the bearer token (401); null when the caller may go on. */
async function refusal(request: Request, client: string, config: Config): Promise<Response | null> {
  if (config.rateLimit) {
    const decision = await config.rateLimitStore.consume(rateLimitKey(client), config.rateLimit);
    if (!decision.allowed) {
      return errorResponse(429, 'RATE_LIMITED', `too many probes; retry in ${decision.retryAfterSeconds} s`, undefined, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
  }
  if (config.token && !hasBearerToken(request, config.token)) {
    return errorResponse(401, 'UNAUTHORIZED', 'a valid Authorization: Bearer token is required', undefined, { 'www-authenticate': 'Bearer' });
  }
  return null;
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

/** Where a dns probe's traffic went when it never connected anywhere else: the DNS server it asked. */
function resolverIp(request: ProbeRequest): string | null {
  return request.type === 'dns' && request.resolver !== undefined ? resolverAddress(request.resolver).ip : null;
}

/** Runs a validated probe under the concurrency gate (503 when full) and writes its audit line. */
async function answer(request: ProbeRequest, field: 'url' | 'host', from: RequestAddresses, config: Config): Promise<Response> {
  const release = await config.gate.acquire();
  if (!release) return errorResponse(503, 'BUSY', 'too many probes are running; retry shortly', undefined, { 'retry-after': '1' });
  const start = performance.now();
  const audit = (code: string, status: number, resolvedIp: string | null) =>
    config.audit({
      time: new Date().toISOString(),
      client: from.client,
      socket: from.socket,
      forwarded: from.forwarded,
      type: request.type,
      target: probeTarget(request),
      resolvedIp,
      code,
      status,
      durationMs: Math.round((performance.now() - start) * 10) / 10,
    });
  try {
    const result = await runProbe(request, config.context);
    const address = result.details.address;
    audit(result.code, 200, typeof address === 'string' ? address : resolverIp(request));
    return jsonResponse(200, result);
  } catch (error) {
    if (error instanceof TargetForbiddenError) {
      audit('TARGET_FORBIDDEN', 403, error.address);
      return errorResponse(403, 'TARGET_FORBIDDEN', error.message, error.subject === 'resolver' ? 'resolver' : field);
    }
    if (error instanceof FieldRefusedError) {
      audit('INVALID_INPUT', 400, null);
      return errorResponse(400, 'INVALID_INPUT', error.message, error.field);
    }
    audit('PROBE_FAILED', 500, null);
    return errorResponse(500, 'PROBE_FAILED', `the probe failed unexpectedly: ${(error as Error).message}`);
  } finally {
    release();
  }
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
 * OPTIONS), 403 for a cross-site request carrying cookies, rate limit (429 +
 * Retry-After, IPv6 clients by /64), bearer token (401), Content-Type (415),
 * body cap (413) and deadline (408), JSON and request validation (400 naming
 * the field), target policy (403), a cap on probes running at once (503), then
 * the probe (200) and one audit line.
 */
export function createProbeHandler(options: ProbeHandlerOptions = {}): ProbeHandler {
  const config = resolveHandlerOptions(options);
  return async (request) => {
    if (request.method !== 'POST') return notPost(request.method);
    if (isCrossSiteWithCookies(request)) {
      return errorResponse(403, 'CROSS_SITE', 'cross-site requests that carry cookies are refused; call the API from this site or without cookies');
    }
    const from = config.addresses(request);
    const refused = await refusal(request, from.client, config);
    if (refused) return refused;
    const body = await readJson(request, config.bodyTimeoutMs);
    if (!body.ok) return body.response;
    const parsed = parseProbeRequest(body.json);
    if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
    return answer(parsed.request, targetField(body.json), from, config);
  };
}
