import 'server-only';
import type { ProbeContext } from './context';
import { Deadline, since } from './deadline';
import { probeDns } from '../dns/probe';
import { probeHttp } from '../http/probe';
import { probeMtu } from '../system/mtu';
import { probePing } from '../system/ping';
import type { ProbePlan } from '../contract/request';
import { buildResult, type Finding } from './finding';
import type { ProbeType } from '../contract/codes';
import type { ProbeResult } from '../contract/result';
import { probeTcp } from '../tcp/probe';
import { probeTls } from '../tls/probe';
import { probeTraceroute } from '../system/traceroute';

/** Budget per probe type when the caller gives no timeoutMs (still capped by the context). */
export const DEFAULT_TIMEOUTS_MS: Record<ProbeType, number> = {
  dns: 5000,
  tcp: 5000,
  tls: 8000,
  http: 10_000,
  ping: 6000,
  traceroute: 15_000,
  mtu: 12_000,
};

function dispatch(plan: ProbePlan, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const host = plan.host!;
  switch (plan.type) {
    case 'dns':
      return probeDns({ name: host.kind === 'name' ? host.name : host.ip, resolver: plan.resolver }, context, deadline);
    case 'tcp':
      return probeTcp({ host, port: plan.port! }, context, deadline);
    case 'tls':
      return probeTls({ host, port: plan.port! }, context, deadline);
    case 'http':
      return probeHttp({ url: plan.url! }, context, deadline);
    case 'ping':
      return probePing({ host }, context, deadline);
    case 'traceroute':
      return probeTraceroute({ host }, context, deadline);
    case 'mtu':
      return probeMtu({ host }, context, deadline);
  }
}

/**
 * Runs one validated probe within its budget (the caller's timeoutMs, or the
 * type's default, never above the context's cap). Throws TargetForbiddenError
 * when the policy refuses the target; every other outcome is a result.
 */
export async function runProbe(plan: ProbePlan, context: ProbeContext): Promise<ProbeResult> {
  const budgetMs = Math.min(plan.timeoutMs ?? DEFAULT_TIMEOUTS_MS[plan.type], context.maxTimeoutMs);
  const start = performance.now();
  const finding = await dispatch(plan, context, new Deadline(budgetMs));
  const result = buildResult(plan.type, plan.target, since(start), finding);
  result.details.timeoutMs = budgetMs;
  return result;
}
