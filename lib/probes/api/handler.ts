import 'server-only';
import { hasBearerToken } from './auth';
import { resolveHandlerOptions, type ProbeHandlerOptions } from './options';
import { TargetForbiddenError } from '../policy/forbidden';
import { errorResponse, jsonResponse, readBodyCapped } from './json';
import { parseProbeRequest } from '../contract/request';
import { runProbe } from '../run/run-probe';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** A framework-free request handler: standard Request in, Response out. */
export type ProbeHandler = (request: Request) => Promise<Response>;

/**
 * Builds the `POST /api/probe` handler: 405 for other methods, rate limit
 * (429 + Retry-After), bearer token (401), body cap (413), JSON and schema
 * validation (400 naming the field), target policy (403), a cap on probes
 * running at once (503), then the probe (200) and one audit line.
 */
export function createProbeHandler(options: ProbeHandlerOptions = {}): ProbeHandler {
  const config = resolveHandlerOptions(options);

  return async (request) => {
    if (request.method !== 'POST') {
      return errorResponse(405, 'METHOD_NOT_ALLOWED', `${request.method} is not supported; use POST`, undefined, { allow: 'POST' });
    }
    const client = config.clientAddress(request);
    if (config.rateLimit) {
      const decision = await config.rateLimitStore.consume(client, config.rateLimit);
      if (!decision.allowed) {
        return errorResponse(429, 'RATE_LIMITED', `too many probes; retry in ${decision.retryAfterSeconds} s`, undefined, {
          'retry-after': String(decision.retryAfterSeconds),
        });
      }
    }
    if (config.token && !hasBearerToken(request, config.token)) {
      return errorResponse(401, 'UNAUTHORIZED', 'a valid Authorization: Bearer token is required', undefined, { 'www-authenticate': 'Bearer' });
    }
    const body = await readBodyCapped(request, MAX_BODY_BYTES);
    if (!body.ok) return errorResponse(413, 'INVALID_INPUT', `body is larger than ${MAX_BODY_BYTES} bytes`, 'body');
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch (error) {
      return errorResponse(400, 'INVALID_INPUT', `body is not valid JSON (${(error as Error).message})`, 'body');
    }
    const parsed = parseProbeRequest(json);
    if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
    const { plan } = parsed;

    const release = await config.gate.acquire();
    if (!release) return errorResponse(503, 'BUSY', 'too many probes are running; retry shortly', undefined, { 'retry-after': '1' });
    const start = performance.now();
    const audit = (code: string, status: number, resolvedIp: string | null) =>
      config.audit({
        time: new Date().toISOString(),
        client,
        type: plan.type,
        target: plan.target,
        resolvedIp,
        code,
        status,
        durationMs: Math.round((performance.now() - start) * 10) / 10,
      });
    try {
      const result = await runProbe(plan, config.context);
      // Where the traffic went: the connected address, or the DNS server a dns probe asked.
      const address = result.details.address;
      audit(result.code, 200, typeof address === 'string' ? address : (plan.resolver?.ip ?? null));
      return jsonResponse(200, result);
    } catch (error) {
      if (error instanceof TargetForbiddenError) {
        audit('TARGET_FORBIDDEN', 403, error.address);
        const field = error.subject === 'resolver' ? 'resolver' : plan.targetField;
        return errorResponse(403, 'TARGET_FORBIDDEN', error.message, field);
      }
      audit('PROBE_FAILED', 500, null);
      return errorResponse(500, 'PROBE_FAILED', `the probe failed unexpectedly: ${(error as Error).message}`);
    } finally {
      release();
    }
  };
}
