import 'server-only';
import { requestAddresses, trustProxyFromEnv, type RequestAddresses } from '@/lib/net';
import { MemoryRateLimitStore } from '../limits/memory-store';
import { createMemoryShareStore, type ConcurrencyShareStore } from '../limits/share';
import { parseRateLimit, type RateLimitRule } from '../limits/rule';
import type { RateLimitStore } from '../limits/store';
import { contextFromEnv, type ProbeContext } from '../run/context';
import { stdoutAudit, type AuditSink } from './audit';
import type { ProbeAuthorize } from './caller';
import { errorResponse } from './json';
import { createConcurrencyGate, type ConcurrencyGate } from './concurrency';

/** Everything the handler depends on; each part defaults from the environment. */
export interface ProbeHandlerOptions {
  context?: ProbeContext;
  /** The service token for scripts (PROBE_TOKEN): `Authorization: Bearer <it>` is a caller of its own. */
  token?: string;
  /**
   * Who else is calling (a session, a personal token): lib/access wires sign-in in here. The
   * default refuses everyone with 401, so an unwired handler is closed, not open.
   */
  authorize?: ProbeAuthorize;
  /** Per-caller limit (PROBE_RATE_LIMIT, default 30/60s); null turns it off. */
  rateLimit?: RateLimitRule | null;
  /** Where the buckets live (default: this process's memory; lib/access passes PostgreSQL). */
  rateLimitStore?: RateLimitStore;
  /** Probes running at once in this process (PROBE_MAX_CONCURRENT, default 16) and waiting (4x that). */
  gate?: ConcurrencyGate;
  /** Probes one caller may have running at once, across instances (PROBE_MAX_CONCURRENT_PER_CALLER, default 4). */
  maxPerCaller?: number;
  /** Where running probes per caller are counted (default: this process's memory; lib/access passes PostgreSQL). */
  shareStore?: ConcurrencyShareStore;
  audit?: AuditSink;
  /** Who sent a request: client, socket and forwarded chain (default: `@/lib/net` under TRUST_PROXY). */
  addresses?: (request: Request) => RequestAddresses;
  /** How long the body may take to arrive before a 408, in ms (default 10 s). */
  bodyTimeoutMs?: number;
}

/** How long a request body may take to arrive. */
const BODY_TIMEOUT_MS = 10_000;

function gateFromEnv(env: Record<string, string | undefined>): ConcurrencyGate {
  const maxRunning = Number(env.PROBE_MAX_CONCURRENT ?? 16);
  if (!Number.isInteger(maxRunning) || maxRunning < 1) {
    throw new Error(`PROBE_MAX_CONCURRENT "${env.PROBE_MAX_CONCURRENT}" is not a positive whole number`);
  }
  return createConcurrencyGate(maxRunning, maxRunning * 4);
}

function perCallerFromEnv(env: Record<string, string | undefined>): number {
  const max = Number(env.PROBE_MAX_CONCURRENT_PER_CALLER ?? 4);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`PROBE_MAX_CONCURRENT_PER_CALLER "${env.PROBE_MAX_CONCURRENT_PER_CALLER}" is not a positive whole number`);
  }
  return max;
}

/** Nobody is a caller unless something proves it: the default of an unwired handler. */
const refuseEveryone: ProbeAuthorize = async () => ({
  ok: false,
  response: errorResponse(401, 'UNAUTHORIZED', 'sign in, or send Authorization: Bearer <token>', undefined, { 'www-authenticate': 'Bearer' }),
});

/** Every option, filled in. */
export type ResolvedProbeOptions = Required<ProbeHandlerOptions>;

function addressesFromEnv(env: Record<string, string | undefined>): (request: Request) => RequestAddresses {
  const trust = trustProxyFromEnv(env);
  return (request) => requestAddresses(request, trust);
}

/**
 * Fills every option not given from the environment: PROBE_ALLOW, PROBE_DENY,
 * PROBE_TOKEN, PROBE_RATE_LIMIT, PROBE_MAX_CONCURRENT, PROBE_MAX_CONCURRENT_PER_CALLER,
 * TRUST_PROXY. An option given as undefined (token) or null (rateLimit) stays off.
 */
export function resolveHandlerOptions(options: ProbeHandlerOptions = {}, env: Record<string, string | undefined> = process.env): ResolvedProbeOptions {
  return {
    context: options.context ?? contextFromEnv(env),
    token: ('token' in options ? options.token : env.PROBE_TOKEN) ?? '',
    authorize: options.authorize ?? refuseEveryone,
    rateLimit: 'rateLimit' in options ? (options.rateLimit ?? null) : parseRateLimit(env.PROBE_RATE_LIMIT),
    rateLimitStore: options.rateLimitStore ?? new MemoryRateLimitStore(),
    gate: options.gate ?? gateFromEnv(env),
    maxPerCaller: options.maxPerCaller ?? perCallerFromEnv(env),
    shareStore: options.shareStore ?? createMemoryShareStore(),
    audit: options.audit ?? stdoutAudit,
    addresses: options.addresses ?? addressesFromEnv(env),
    bodyTimeoutMs: options.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
  };
}
