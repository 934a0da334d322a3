import 'server-only';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { Finding } from '../run/finding';
import type { HostTarget } from '../run/target';
import { findTool, runTool } from './tool';

/** Hops a trace goes before giving up. */
const MAX_HOPS = 20;

/** One hop of a trace; `address` is null when nothing answered. */
export interface Hop {
  hop: number;
  address: string | null;
  rttMs: number | null;
  /** traceroute's annotations such as `!H` (host unreachable). */
  note?: string;
}

/** Parses `traceroute -n -q 1` output. */
export function parseTraceroute(stdout: string): Hop[] {
  return stdout.split('\n').flatMap((line): Hop[] => {
    const match = line.match(/^\s*(\d+)\s+(.*)$/);
    if (!match) return [];
    const rest = match[2].trim();
    const answer = rest.match(/^(\S+)\s+([\d.]+) ms(?:\s+(!\S*))?/);
    if (!answer) return [{ hop: Number(match[1]), address: null, rttMs: null }];
    return [{ hop: Number(match[1]), address: answer[1], rttMs: Number(answer[2]), ...(answer[3] && { note: answer[3] }) }];
  });
}

/** Parses `tracepath -n` output (one line per hop, `no reply` for silent hops, `!H` and the like when a hop refused). */
export function parseTracepath(stdout: string): Hop[] {
  const hops = new Map<number, Hop>();
  for (const line of stdout.split('\n')) {
    const match = line.match(/^\s*(\d+)\??:\s+(\S+)\s+(?:([\d.]+)ms)?(?:\s+(!\S+))?/);
    if (!match || match[2] === '[LOCALHOST]') continue;
    const hop = Number(match[1]);
    const address = match[2] === 'no' ? null : match[2];
    if (!hops.has(hop) || (address && !hops.get(hop)?.address)) {
      hops.set(hop, { hop, address, rttMs: match[3] ? Number(match[3]) : null, ...(match[4] && { note: match[4] }) });
    }
  }
  return [...hops.values()];
}

/**
 * tracepath writes to a pipe through a full stdio buffer and waits seconds on
 * each silent hop, so a trace the deadline cuts (the usual end of an
 * incomplete one) would lose every hop it found. coreutils' stdbuf makes it
 * flush each line; without stdbuf it runs as it is. (traceroute flushes by itself.)
 */
function lineBuffered(file: string, args: string[]): { file: string; args: string[] } {
  const stdbuf = findTool('stdbuf');
  return stdbuf ? { file: stdbuf, args: ['-oL', file, ...args] } : { file, args };
}

/** Traces the route to the checked address with traceroute, or tracepath when traceroute is missing. */
export async function probeTraceroute(target: HostTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const host = formatHostPort(target.host);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const details = { address: resolved.address, addresses: resolved.addresses, timings: { dnsMs: resolved.dnsMs } };
  const family = resolved.family === 6 ? '-6' : '-4';
  const traceroute = findTool('traceroute', context.tools?.traceroute);
  const tracepath = findTool('tracepath', context.tools?.tracepath);
  const tool = traceroute
    ? { name: 'traceroute', file: traceroute, args: ['-n', family, '-q', '1', '-w', '1', '-m', String(MAX_HOPS), resolved.address], parse: parseTraceroute }
    : tracepath
      ? { name: 'tracepath', ...lineBuffered(tracepath, ['-n', family, '-m', String(MAX_HOPS), resolved.address]), parse: parseTracepath }
      : undefined;
  if (!tool) {
    return { code: 'TRACE_UNAVAILABLE', severity: 'info', summary: 'Traceroute is not available on this server: neither traceroute nor tracepath is installed.', details };
  }
  const run = await runTool(tool.file, tool.args, deadline.remaining());
  if (!run.ran) {
    return { code: 'TRACE_UNAVAILABLE', severity: 'info', summary: `Traceroute is not available on this server: ${run.reason}.`, details: { ...details, error: run.reason } };
  }
  const hops = tool.parse(run.stdout);
  const reached = hops.some((hop) => hop.address === resolved.address);
  const all = { ...details, tool: tool.name, hops, reached, timedOut: run.timedOut };
  if (reached) {
    return { code: 'TRACE_OK', summary: `Reached ${host} in ${hops.length} hop${hops.length === 1 ? '' : 's'}.`, details: all };
  }
  return { code: 'TRACE_INCOMPLETE', severity: 'warn', summary: incompleteTraceSummary(host, hops), details: all };
}

/** What traceroute's annotations say a hop answered instead of forwarding. */
const TRACE_NOTES: Record<string, string> = {
  '!H': 'host unreachable',
  '!N': 'network unreachable',
  '!P': 'protocol unreachable',
  '!X': 'communication administratively prohibited',
  '!F': 'fragmentation needed',
  '!S': 'source route failed',
};

/**
 * The sentence for a trace that stopped short: the last hop that answered,
 * and what it answered when it refused to go on (a router's "host
 * unreachable" points at that router's filter or route, not at silence).
 */
export function incompleteTraceSummary(host: string, hops: Hop[]): string {
  const lastAnswer = [...hops].reverse().find((hop) => hop.address);
  if (!lastAnswer) return `The trace did not reach ${host}; no hop answered.`;
  const note = lastAnswer.note ? `, which answered ${TRACE_NOTES[lastAnswer.note] ?? 'unreachable'} (${lastAnswer.note})` : '';
  return `The trace did not reach ${host}; the last hop that answered is ${lastAnswer.address} (hop ${lastAnswer.hop})${note}.`;
}
