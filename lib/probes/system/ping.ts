import 'server-only';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { Finding } from '../run/finding';
import type { HostTarget } from '../run/target';
import { findTool, runTool } from './tool';


/** Echo requests per ping probe. */
const PING_COUNT = 4;

/** What iputils ping printed, parsed. */
export interface PingStats {
  transmitted: number;
  received: number;
  lossPercent: number;
  rttMs: { min: number; avg: number; max: number; mdev: number } | null;
  /** Lines such as "From 192.0.2.1 icmp_seq=1 Destination Host Unreachable". */
  icmpErrors: string[];
}

/** Parses the summary of iputils ping; null when there is none. */
export function parsePingOutput(stdout: string): PingStats | null {
  const counts = stdout.match(/(\d+) packets transmitted, (\d+) (?:packets )?received/);
  if (!counts) return null;
  const transmitted = Number(counts[1]);
  const received = Number(counts[2]);
  const rtt = stdout.match(/= ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms/);
  return {
    transmitted,
    received,
    lossPercent: transmitted ? Math.round(((transmitted - received) / transmitted) * 1000) / 10 : 100,
    rttMs: rtt ? { min: Number(rtt[1]), avg: Number(rtt[2]), max: Number(rtt[3]), mdev: Number(rtt[4]) } : null,
    icmpErrors: stdout.split('\n').filter((line) => /^From /.test(line)).slice(0, 5),
  };
}

/** Arguments for iputils ping: numeric, bounded count, wait and deadline, then the checked IP last. */
export function pingArguments(address: string, count: number, deadlineSeconds: number, extra: string[] = []): string[] {
  return ['-n', address.includes(':') ? '-6' : '-4', '-c', String(count), '-i', '0.2', '-W', '1', '-w', String(deadlineSeconds), ...extra, address];
}

/** Judges parsed ping statistics. */
export function pingFinding(stats: PingStats, host: string, details: Record<string, unknown>): Finding {
  const avg = stats.rttMs ? `, average ${stats.rttMs.avg} ms` : '';
  const all = { ...details, ...stats };
  if (stats.received > 0 && stats.received === stats.transmitted) {
    return { code: 'PING_OK', summary: `${host} answers ping: ${stats.received}/${stats.transmitted} replies${avg}.`, details: all };
  }
  if (stats.received > 0) {
    return {
      code: 'PING_LOSS',
      severity: 'warn',
      summary: `${host} answers ping with ${stats.lossPercent}% loss (${stats.received}/${stats.transmitted} replies${avg}).`,
      details: all,
    };
  }
  const why = stats.icmpErrors.length ? ` (${stats.icmpErrors[0].replace(/^From \S+ icmp_seq=\d+ /, '')})` : ' (ICMP may be filtered, or the host is down)';
  // With a deadline (-w), iputils stops at the first ICMP error, so one ping is a common count.
  const sent = stats.transmitted === 1 ? 'the 1 ping sent' : `any of ${stats.transmitted} pings`;
  return { code: 'PING_UNREACHABLE', summary: `${host} did not answer ${sent}${why}.`, details: all };
}

/** Runs the system ping (iputils) against the checked address. */
export async function probePing(target: HostTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const host = formatHostPort(target.host);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const details = { address: resolved.address, addresses: resolved.addresses, timings: { dnsMs: resolved.dnsMs } };
  const ping = findTool('ping', context.tools?.ping);
  if (!ping) return { code: 'PING_UNAVAILABLE', severity: 'info', summary: 'Ping is not available on this server: ping is not installed.', details };
  const seconds = Math.max(1, Math.floor(deadline.remaining() / 1000));
  const run = await runTool(ping, pingArguments(resolved.address, PING_COUNT, seconds), deadline.remaining() + 1000);
  if (!run.ran) return { code: 'PING_UNAVAILABLE', severity: 'info', summary: `Ping is not available on this server: ${run.reason}.`, details: { ...details, error: run.reason } };
  const stats = parsePingOutput(run.stdout);
  if (stats) return pingFinding(stats, host, details);
  const error = (run.stderr || run.stdout).trim().split('\n')[0] ?? '';
  if (/unreachable/i.test(error)) {
    return { code: 'PING_UNREACHABLE', summary: `${host} is unreachable from this server (${error}).`, details: { ...details, error } };
  }
  return { code: 'PING_UNAVAILABLE', severity: 'info', summary: `Ping could not run against ${host}: ${error || 'no output'}.`, details: { ...details, error } };
}
