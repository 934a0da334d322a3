import { MemoryRateLimitStore } from '../rate-limit/memory-store';
import { parseRateLimit, type RateLimitRule } from '../rate-limit/rule';
import type { RateLimitStore } from '../rate-limit/store';
import { stdoutAudit, type AuditSink } from './audit';
import { hasBearerToken } from './auth';
import { clientAddressOf } from './client-address';
import { createConcurrencyGate, type ConcurrencyGate } from './concurrency';
import { contextFromEnv, type ProbeContext } from './context';
import { TargetForbiddenError } from './errors';
import { errorResponse, jsonResponse, readBodyCapped } from './http-json';
import { parseProbeRequest } from './request-schema';
import { runProbe } from './run-probe';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** Everything the handler depends on; each part defaults from the environment. */
export interface ProbeHandlerOptions {
  context?: ProbeContext;
  /** Bearer token required when set (PROBE_TOKEN). */
  token?: string;
  /** Per-client limit (PROBE_RATE_LIMIT, default 30/60s); null turns it off. */
  rateLimit?: RateLimitRule | null;
  rateLimitStore?: RateLimitStore;
  /** Probes running at once (PROBE_MAX_CONCURRENT, default 16) and waiting (4x that). */
  gate?: ConcurrencyGate;
  audit?: AuditSink;
  clientAddress?: (request: Request) => string;
}

/** A framework-free request handler: standard Request in, Response out. */
export type ProbeHandler = (request: Request) => Promise<Response>;

function gateFromEnv(env: Record<string, string | undefined>): ConcurrencyGate {
  const maxRunning = Number(env.PROBE_MAX_CONCURRENT ?? 16);
  if (!Number.isInteger(maxRunning) || maxRunning < 1) {
    throw new Error(`PROBE_MAX_CONCURRENT "${env.PROBE_MAX_CONCURRENT}" is not a positive whole number`);
  }
  return createConcurrencyGate(maxRunning, maxRunning * 4);
}

/**
 * Fills every option not given from the environment: PROBE_ALLOW, PROBE_DENY,
 * PROBE_TOKEN, PROBE_RATE_LIMIT, PROBE_MAX_CONCURRENT. An option given as
 * undefined (token) or null (rateLimit) stays off.
 */
export function resolveHandlerOptions(
  options: ProbeHandlerOptions = {},
  env: Record<string, string | undefined> = process.env,
): Required<ProbeHandlerOptions> {
  return {
    context: options.context ?? contextFromEnv(env),
    token: ('token' in options ? options.token : env.PROBE_TOKEN) ?? '',
    rateLimit: 'rateLimit' in options ? (options.rateLimit ?? null) : parseRateLimit(env.PROBE_RATE_LIMIT),
    rateLimitStore: options.rateLimitStore ?? new MemoryRateLimitStore(),
    gate: options.gate ?? gateFromEnv(env),
    audit: options.audit ?? stdoutAudit,
    clientAddress: options.clientAddress ?? clientAddressOf,
  };
}

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

let defaultHandler: ProbeHandler | undefined;

/** The handler configured from the environment, built on first use (so a build never reads probe settings). */
export async function handleProbeRequest(request: Request): Promise<Response> {
  try {
    defaultHandler ??= createProbeHandler();
  } catch (error) {
    // The setting's name and value go to the server log, not to the caller.
    console.error(`probe API misconfigured: ${(error as Error).message}`);
    return errorResponse(500, 'PROBE_MISCONFIGURED', 'the probe service is misconfigured; see the server log');
  }
  return defaultHandler(request);
}
