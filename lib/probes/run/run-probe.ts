import 'server-only';
import { formatHostPort } from '@/lib/address';
import type { ProbeType } from '../contract/codes';
import type { ProbeRequest } from '../contract/request';
import type { ProbeResult } from '../contract/result';
import { resolverAddress } from '../dns/resolver';
import { probeDns } from '../dns/probe';
import { probeHttp } from '../http/probe';
import { probeMtu } from '../system/mtu';
import { probePing } from '../system/ping';
import { probeTraceroute } from '../system/traceroute';
import { probeTcp } from '../tcp/probe';
import { probeTls } from '../tls/probe';
import type { ProbeContext } from './context';
import { Deadline, since } from './deadline';
import { buildResult, type Finding } from './finding';

/** Budget per probe type when the caller gives no timeoutMs (still capped by the context). */
const DEFAULT_TIMEOUTS_MS: Record<ProbeType, number> = {
  dns: 5000,
  tcp: 5000,
  tls: 8000,
  http: 10_000,
  ping: 6000,
  traceroute: 15_000,
  mtu: 12_000,
};

/** What the result's `target` says: the URL, `host:port`, or the host (IPv6 in brackets). */
export function probeTarget(request: ProbeRequest): string {
  switch (request.type) {
    case 'http':
      return request.url;
    case 'tcp':
    case 'tls':
      return formatHostPort(request.host, request.port);
    default:
      return formatHostPort(request.host);
  }
}

function dispatch(request: ProbeRequest, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  switch (request.type) {
    case 'dns': {
      const resolver = request.resolver === undefined ? undefined : resolverAddress(request.resolver);
      return probeDns({ name: request.host, resolver }, context, deadline);
    }
    case 'tcp':
      return probeTcp(request, context, deadline);
    case 'tls':
      return probeTls(request, context, deadline);
    case 'http':
      return probeHttp({ url: new URL(request.url) }, context, deadline);
    case 'ping':
      return probePing(request, context, deadline);
    case 'traceroute':
      return probeTraceroute(request, context, deadline);
    case 'mtu':
      return probeMtu(request, context, deadline);
  }
}

/**
 * Runs one probe, as validated by `parseProbeRequest`, within its budget (the
 * caller's timeoutMs, or the type's default, never above the context's cap).
 * Throws TargetForbiddenError when the policy refuses the target; every other
 * outcome is a result.
 */
export async function runProbe(request: ProbeRequest, context: ProbeContext): Promise<ProbeResult> {
  const budgetMs = Math.min(request.timeoutMs ?? DEFAULT_TIMEOUTS_MS[request.type], context.maxTimeoutMs);
  const start = performance.now();
  const finding = await dispatch(request, context, new Deadline(budgetMs));
  const result = buildResult(request.type, probeTarget(request), since(start), finding);
  result.details.timeoutMs = budgetMs;
  return result;
}
