import 'server-only';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import { formatHostPort } from '@/lib/address';
import { parsePingOutput } from './ping';
import { resolveTarget } from '../policy/resolve';
import type { Finding } from '../run/finding';
import type { HostTarget } from '../run/target';
import { findTool, runTool } from './tool';

/** The packet size a path should carry without fragmenting (Ethernet MTU). */
const STANDARD_MTU = 1500;

/** ping's default payload, which any path carries. */
const SMALL_PAYLOAD = 56;

/** IP + ICMP header bytes added to ping's payload size. */
function headerBytes(family: 4 | 6): number {
  return family === 6 ? 48 : 28;
}

/** The MTU a ping run reported: "message too long, mtu=1400" (local) or "Frag needed ... (mtu = 1400)" (ICMP). */
export function parseMtuHint(output: string): number | null {
  const match = output.match(/mtu\s*=\s*(\d+)/i);
  return match ? Number(match[1]) : null;
}

type PingOutcome = { kind: 'reply' } | { kind: 'silent' } | { kind: 'too-big'; mtu: number } | { kind: 'unavailable'; reason: string };

/**
 * MTU verdict from the standard-size probe's outcome: OK when a full-size
 * packet with Don't Fragment got through, otherwise the path MTU found.
 */
export function mtuFinding(host: string, pathMtu: number | null, blackHole: boolean, details: Record<string, unknown>): Finding {
  if (pathMtu === null || pathMtu >= STANDARD_MTU) {
    return { code: 'MTU_OK', summary: `${STANDARD_MTU}-byte packets with Don't Fragment reach ${host}.`, details: { ...details, pathMtuAtLeast: STANDARD_MTU } };
  }
  const how = blackHole
    ? `larger packets vanish without an ICMP "fragmentation needed" reply (a PMTU black hole)`
    : `larger packets are refused with "fragmentation needed"`;
  return {
    code: 'MTU_FRAGMENTATION_NEEDED',
    summary: `The path to ${host} carries at most ${pathMtu}-byte packets; ${how}.`,
    details: { ...details, pathMtu, blackHole },
  };
}

/**
 * Measures the path MTU with `ping -M do` (Don't Fragment) against the
 * checked address: a small ping first (no answer means MTU cannot be
 * measured), then a full 1500-byte packet, then a binary search for silent
 * black holes, all within the deadline.
 */
export async function probeMtu(target: HostTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const host = formatHostPort(target.host);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const overhead = headerBytes(resolved.family);
  const details: Record<string, unknown> = { address: resolved.address, addresses: resolved.addresses, timings: { dnsMs: resolved.dnsMs } };
  const ping = findTool('ping', context.tools?.ping);
  if (!ping) return { code: 'MTU_UNAVAILABLE', severity: 'info', summary: 'MTU measurement is not available on this server: ping is not installed.', details };

  const tries: { packetBytes: number; result: string }[] = [];
  const send = async (packetBytes: number): Promise<PingOutcome> => {
    const args = ['-n', resolved.family === 6 ? '-6' : '-4', '-c', '1', '-W', '1', '-M', 'do', '-s', String(packetBytes - overhead), resolved.address];
    const run = await runTool(ping, args, Math.min(deadline.remaining(), 2500));
    if (!run.ran) return { kind: 'unavailable', reason: run.reason };
    const output = `${run.stdout}\n${run.stderr}`;
    const mtu = parseMtuHint(output);
    const stats = parsePingOutput(run.stdout);
    const outcome: PingOutcome = stats && stats.received > 0 ? { kind: 'reply' } : mtu ? { kind: 'too-big', mtu } : { kind: 'silent' };
    tries.push({ packetBytes, result: outcome.kind });
    return outcome;
  };

  const smallPacket = SMALL_PAYLOAD + overhead;
  const small = await send(smallPacket);
  if (small.kind === 'unavailable') {
    return { code: 'MTU_UNAVAILABLE', severity: 'info', summary: `MTU measurement is not available on this server: ${small.reason}.`, details: { ...details, error: small.reason } };
  }
  if (small.kind !== 'reply') {
    return { code: 'MTU_UNAVAILABLE', severity: 'info', summary: `${host} does not answer ping, so the path MTU cannot be measured.`, details: { ...details, tries } };
  }
  const full = await send(STANDARD_MTU);
  if (full.kind === 'reply') return mtuFinding(host, null, false, { ...details, tries });
  if (full.kind === 'too-big') return mtuFinding(host, full.mtu, false, { ...details, tries });
  if (full.kind === 'unavailable') return mtuFinding(host, null, false, { ...details, tries });

  let low = smallPacket;
  let high = STANDARD_MTU;
  while (high - low > 8 && deadline.remaining() > 1200) {
    const middle = Math.floor((low + high) / 2);
    const outcome = await send(middle);
    if (outcome.kind === 'reply') low = middle;
    else if (outcome.kind === 'too-big') high = Math.min(middle, outcome.mtu + 1);
    else high = middle;
  }
  return mtuFinding(host, low, true, { ...details, tries, searchRange: [low, high] });
}
