import 'server-only';
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
}

/** Upper bound on a caller's timeoutMs: longer requests are cut to this. */
export const MAX_TIMEOUT_MS = 15_000;

/** The production context: policy from PROBE_ALLOW / PROBE_DENY, the system resolver, Node's trust store. */
export function contextFromEnv(env: Record<string, string | undefined> = process.env): ProbeContext {
  return { policy: policyFromEnv(env), lookup: createNameLookup(), maxTimeoutMs: MAX_TIMEOUT_MS, dnsAnswers: dnsAnswerModeFromEnv(env.PROBE_DNS_ANSWERS) };
}
