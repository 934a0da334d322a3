import type { Finding } from '../types';
import { capture, finding, IP } from '../text';

/** One hop as printed: its number, the addresses that answered, and a note such as !H. */
interface Hop {
  hop: number;
  addresses: string[];
  note?: string;
}

const HOP_LINE = /^\s*(\d+)\??:?\s+(.*)$/;
const ADDRESS = new RegExp(IP, 'g');

function hopsOf(text: string, skip: RegExp): Hop[] {
  const hops: Hop[] = [];
  for (const line of text.split('\n')) {
    const match = HOP_LINE.exec(line);
    if (!match || skip.test(line)) continue;
    const rest = match[2];
    // Round-trip times ("0.223 ms", "<1 毫秒") are numbers too: drop them before looking for addresses.
    const withoutTimes = rest.replace(/<?\d+(?:\.\d+)?\s*(?:ms|毫秒)/g, ' ');
    const addresses = [...new Set(withoutTimes.match(ADDRESS) ?? [])];
    hops.push({ hop: Number(match[1]), addresses, note: capture(rest, /(![A-Z0-9]+)/) });
  }
  return hops;
}

function traceFinding(tool: string, target: string | undefined, hops: Hop[], reached: boolean, extra: Record<string, unknown> = {}): Finding {
  const answered = hops.filter((hop) => hop.addresses.length > 0);
  const last = answered.at(-1);
  const details = { target, hops: hops.length, lastHopReached: last ? { hop: last.hop, address: last.addresses[0], ...(last.note ? { note: last.note } : {}) } : undefined, ...extra };
  if (reached) return finding('TRACE_OK', `The ${tool} reached ${target ?? 'the target'} in ${last?.hop ?? hops.length} hop${last?.hop === 1 ? '' : 's'}.`, details);
  const where = last ? `the last answer came from hop ${last.hop} (${last.addresses[0]}${last.note ? `, ${last.note}` : ''})` : 'no hop answered';
  return finding('TRACE_INCOMPLETE', `The ${tool} did not reach ${target ?? 'the target'}: ${where}.`, details);
}

/** Does this look like Windows `tracert` output? */
export function looksLikeTracert(text: string): boolean {
  return /Tracing route to |通过最多 \d+ 个跃点跟踪|透過最多 \d+ 個躍點追蹤|^Trace complete\.|^跟踪完成。/m.test(text);
}

/** Does this look like `traceroute` (Linux, macOS) output? */
export function looksLikeTraceroute(text: string): boolean {
  return /^traceroute6? to \S+/m.test(text);
}

/** Does this look like `tracepath` output? */
export function looksLikeTracepath(text: string): boolean {
  return /^[ \t]*\d+\??:[ \t]+(?:\[LOCALHOST\]|no reply)|^[ \t]+Resume: pmtu \d+|^[ \t]*\d+:[ \t]+\S+[ \t]+[\d.]+ms (?:reached|asymm)/m.test(text);
}

/** TRACE_OK when the last hop is the target, TRACE_INCOMPLETE otherwise; DNS_FAILED when the name did not resolve. */
export function parseTracert(text: string): Finding[] {
  const unresolved = capture(text, /Unable to resolve target system name (\S+?)\.?$/m) ?? capture(text, /无法解析目标系统名称 (\S+?)。/);
  if (unresolved) return [finding('DNS_FAILED', `tracert could not resolve the name ${unresolved} on this computer.`, { name: unresolved })];
  const target = capture(text, new RegExp(String.raw`\[(${IP})\]`)) ?? capture(text, new RegExp(String.raw`(?:Tracing route to |到 )(${IP})`));
  // Hops start at the first line numbered 1; the banner above may hold numbers too ("30 hops").
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /^\s*1\s+(?:<?\d|\*)/.test(line));
  const hopLines = first < 0 ? [] : lines.slice(first);
  const hops = hopsOf(hopLines.join('\n'), /Tracing route|跃点跟踪|over a maximum/);
  if (hops.length === 0) return [];
  const last = hops.at(-1);
  const lastLine = hopLines.filter((line) => HOP_LINE.test(line)).at(-1) ?? '';
  const reached = target !== undefined && (last?.addresses.includes(target) ?? false) && !/unreachable|无法访问/i.test(lastLine);
  return [traceFinding('trace', target, hops, reached)];
}

/** TRACE_OK when a hop is the target without an error note, TRACE_INCOMPLETE otherwise. */
export function parseTraceroute(text: string): Finding[] {
  const target = capture(text, new RegExp(String.raw`^traceroute6? to \S+ \((${IP})\)`, 'm'));
  const hops = hopsOf(text, /^traceroute/);
  if (hops.length === 0) return [];
  const reached = hops.some((hop) => target !== undefined && hop.addresses.includes(target) && !hop.note);
  return [traceFinding('trace', target, hops, reached)];
}

/** TRACE_OK when tracepath says "reached", TRACE_INCOMPLETE otherwise; details carry the path MTU. */
export function parseTracepath(text: string): Finding[] {
  const hops = hopsOf(text, /\[LOCALHOST\]/);
  const pmtu = Number(capture(text, /Resume: pmtu (\d+)/)) || undefined;
  const reachedLine = text.split('\n').find((line) => /\breached\b/.test(line));
  const target = reachedLine ? (reachedLine.match(ADDRESS)?.[0] ?? capture(reachedLine, /^\s*\d+:\s+(\S+)/)) : undefined;
  if (hops.length === 0 && !reachedLine) return [];
  return [traceFinding('trace', target, hops, reachedLine !== undefined, { pathMtu: pmtu })];
}
