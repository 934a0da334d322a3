import 'server-only';
import { requestAddresses, trustProxyFromEnv, type RequestAddresses } from '@/lib/net';
import { MemoryRateLimitStore } from '../limits/memory-store';
import { parseRateLimit, type RateLimitRule } from '../limits/rule';
import type { RateLimitStore } from '../limits/store';
import { contextFromEnv, type ProbeContext } from '../run/context';
import { stdoutAudit, type AuditSink } from './audit';
import { createConcurrencyGate, type ConcurrencyGate } from './concurrency';

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

function addressesFromEnv(env: Record<string, string | undefined>): (request: Request) => RequestAddresses {
  const trust = trustProxyFromEnv(env);
  return (request) => requestAddresses(request, trust);
}

/**
 * Fills every option not given from the environment: PROBE_ALLOW, PROBE_DENY,
 * PROBE_TOKEN, PROBE_RATE_LIMIT, PROBE_MAX_CONCURRENT, TRUST_PROXY. An option given as
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
    addresses: options.addresses ?? addressesFromEnv(env),
    bodyTimeoutMs: options.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
  };
}
