import 'server-only';
import { createLookupGuard, type LookupGuard } from '../dns/lookup-guard';
import { createNameLookup, type LookupFunction } from '../dns/name-lookup';
import { dnsAnswerModeFromEnv, type DnsAnswerMode } from '../dns/redact';
import { policyFromEnv, type TargetPolicy } from '../policy/ranges';

/** System tools the ping, traceroute and mtu probes run; a value overrides the PATH search. */
interface ToolPaths {
  ping?: string;
  traceroute?: string;
  tracepath?: string;
}

/** Everything a probe needs from its surroundings; tests replace parts of it. */
export interface ProbeContext {
  policy: TargetPolicy;
  /** Name resolution for tcp/tls/http/ping targets (the hosts file, then the system's DNS servers, by default). */
  lookup: LookupFunction;
  /**
   * PEM certificates trusted in addition to Node's store and NODE_EXTRA_CA_CERTS.
   * Tests use it because NODE_EXTRA_CA_CERTS is only read at process start.
   */
  extraCa?: readonly string[];
  tools?: ToolPaths;
  /** Upper bound on any caller's timeoutMs. */
  maxTimeoutMs: number;
  /** DNS answers in ranges probes may not reach: hidden (default) or shown (PROBE_DNS_ANSWERS=show). */
  dnsAnswers?: DnsAnswerMode;
  /** The process's cap on name lookups per caller and its negative cache; without it every lookup asks DNS. */
  lookups?: LookupGuard;
  /** Whose probe this is (the guard's caller key), for the per-caller lookup cap; unset for the CLI. */
  caller?: string;
}

/** Upper bound on a caller's timeoutMs: longer requests are cut to this. */
export const MAX_TIMEOUT_MS = 15_000;

/** A whole number of at least `min` from the environment, or `fallback` when unset. */
function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} "${env[name]}" is not a whole number of at least ${min}`);
  return value;
}

/** The per-caller lookup cap (PROBE_MAX_LOOKUPS_PER_CALLER, default 4) and negative cache (PROBE_DNS_NEGATIVE_CACHE seconds, default 10; 0 off). */
function lookupGuardFromEnv(env: Record<string, string | undefined>): LookupGuard {
  return createLookupGuard({
    maxPerCaller: wholeNumber(env, 'PROBE_MAX_LOOKUPS_PER_CALLER', 4, 1),
    ttlMs: wholeNumber(env, 'PROBE_DNS_NEGATIVE_CACHE', 10, 0) * 1000,
  });
}

/** The production context: policy from PROBE_ALLOW / PROBE_DENY, the system resolver behind the lookup guard, Node's trust store. */
export function contextFromEnv(env: Record<string, string | undefined> = process.env): ProbeContext {
  return {
    policy: policyFromEnv(env),
    lookup: createNameLookup(),
    lookups: lookupGuardFromEnv(env),
    maxTimeoutMs: MAX_TIMEOUT_MS,
    dnsAnswers: dnsAnswerModeFromEnv(env.PROBE_DNS_ANSWERS),
  };
}
