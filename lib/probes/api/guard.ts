import 'server-only';
import type { RequestAddresses } from '@/lib/net';
import type { ProbeRequest } from '../contract/request';
import type { ProbeResult } from '../contract/result';
import { LookupBusyError } from '../dns/lookup-guard';
import { resolverAddress } from '../dns/resolver';
import { FieldRefusedError, TargetForbiddenError } from '../policy/forbidden';
import { probeTarget, runProbe } from '../run/run-probe';
import type { ProbeCaller } from './caller';
import { errorResponse } from './json';
import type { ResolvedProbeOptions } from './options';

/** One probe to run for a caller: what, for whom, from where, and which field names its target. */
interface GuardedProbe {
  request: ProbeRequest;
  caller: ProbeCaller;
  from: RequestAddresses;
  /** The field a 403 TARGET_FORBIDDEN names: `url` or `host` (a refused resolver names `resolver`). */
  targetField: 'url' | 'host';
  /** The case it runs for, recorded in the audit. */
  caseId?: string;
}

/** The probe's result, or the error response to send (429, 503, 403, 400, 500); 503 BUSY also when the caller has its cap of name lookups in flight. */
export type GuardedOutcome = { ok: true; result: ProbeResult } | { ok: false; response: Response };

/**
 * The one gate every probe passes, whichever endpoint asked for it (`/api/probe`,
 * `/api/cases/:id/probes`): the caller's rate limit, the caller's concurrency share, the
 * process's concurrency gate, the probe, and its audit line.
 */
export interface ProbeGuard {
  /** Counts one request against `key`'s rate limit: the 429 to send, or null. */
  limit(key: string): Promise<Response | null>;
  /** Rate limit, share and gate for the caller, then the probe and its audit. */
  run(probe: GuardedProbe): Promise<GuardedOutcome>;
}

const busy = (message: string) => errorResponse(503, 'BUSY', message, undefined, { 'retry-after': '1' });

/** Where a dns probe's traffic went when it never connected anywhere else: the DNS server it asked. */
function resolverIp(request: ProbeRequest): string | null {
  return request.type === 'dns' && request.resolver !== undefined ? resolverAddress(request.resolver).ip : null;
}

/** Builds the guard over resolved options (see resolveHandlerOptions). */
export function createProbeGuard(config: ResolvedProbeOptions): ProbeGuard {
  async function limit(key: string): Promise<Response | null> {
    if (!config.rateLimit) return null;
    const decision = await config.rateLimitStore.consume(key, config.rateLimit);
    if (decision.allowed) return null;
    return errorResponse(429, 'RATE_LIMITED', `too many probes; retry in ${decision.retryAfterSeconds} s`, undefined, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }

  async function probe({ request, caller, from, targetField, caseId }: GuardedProbe): Promise<GuardedOutcome> {
    const start = performance.now();
    const audit = (code: string, status: number, resolvedIp: string | null) =>
      config.audit({
        time: new Date().toISOString(),
        user: caller.userId,
        via: caller.via,
        ...(caseId ? { caseId } : {}),
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
      // The caller's key goes with the probe: name lookups are capped per caller (red-team H2).
      const result = await runProbe(request, { ...config.context, caller: caller.key });
      const address = result.details.address;
      await audit(result.code, 200, typeof address === 'string' ? address : resolverIp(request));
      return { ok: true, result };
    } catch (error) {
      if (error instanceof TargetForbiddenError) {
        await audit('TARGET_FORBIDDEN', 403, error.address);
        return { ok: false, response: errorResponse(403, 'TARGET_FORBIDDEN', error.message, error.subject === 'resolver' ? 'resolver' : targetField) };
      }
      if (error instanceof LookupBusyError) {
        await audit('BUSY', 503, null);
        return { ok: false, response: busy(error.message) };
      }
      if (error instanceof FieldRefusedError) {
        await audit('INVALID_INPUT', 400, null);
        return { ok: false, response: errorResponse(400, 'INVALID_INPUT', error.message, error.field) };
      }
      await audit('PROBE_FAILED', 500, null);
      return { ok: false, response: errorResponse(500, 'PROBE_FAILED', `the probe failed unexpectedly: ${(error as Error).message}`) };
    }
  }

  async function run(guarded: GuardedProbe): Promise<GuardedOutcome> {
    const limited = await limit(guarded.caller.key);
    if (limited) return { ok: false, response: limited };
    // A full instance turns the probe away before the share is taken: that is a transaction
    // and a delete in the database, which under embedded PGlite run on this event loop, and
    // 120 clients bouncing off a full gate every second spent it on nothing (bench:probe --pages).
    if (config.gate.full) return { ok: false, response: busy('too many probes are running; retry shortly') };
    // The caller's share first: one caller must not fill the process's queue (red-team M3).
    const share = await config.shareStore.acquire(guarded.caller.key, config.maxPerCaller);
    if (!share) return { ok: false, response: busy(`you already have ${config.maxPerCaller} probes running; retry shortly`) };
    try {
      const release = await config.gate.acquire();
      if (!release) return { ok: false, response: busy('too many probes are running; retry shortly') };
      try {
        return await probe(guarded);
      } finally {
        release();
      }
    } finally {
      await share();
    }
  }

  return { limit, run };
}
