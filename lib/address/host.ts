import ipaddr from 'ipaddr.js';
import type { HostKind } from './types';

/** Longest DNS name, in characters. */
const MAX_HOST_LENGTH = 253;
/** A DNS label; underscores are allowed because real internal names (`my_host.corp`) use them. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** A host in canonical form, or why it is not one. */
export type HostResult = { ok: true; host: string; kind: HostKind } | { ok: false; message: string };

/**
 * Canonicalises a bare host (no scheme, port or path). IPv4 in every spelling the WHATWG
 * URL parser accepts (decimal, hex, octal, short forms) becomes a dotted quad and IPv6
 * its compressed text, so the target policy sees the address a socket would reach.
 */
export function canonicalHost(raw: string): HostResult {
  if (raw.length === 0) return { ok: false, message: 'has no host' };
  if (CONTROL_CHARS.test(raw)) return { ok: false, message: 'contains control characters' };
  if (/\s/.test(raw)) return { ok: false, message: 'contains spaces' };
  if (raw.includes('%')) return { ok: false, message: 'must not contain a zone index or percent-encoding' };

  const bracketed = raw.startsWith('[') && raw.endsWith(']');
  const inner = bracketed ? raw.slice(1, -1) : raw;
  if (bracketed || inner.includes(':')) {
    return ipaddr.IPv6.isValid(inner) ? canonicalIp(inner) : { ok: false, message: `has an invalid IPv6 address "${inner}"` };
  }

  let hostname: string;
  try {
    // The URL parser applies IDNA (so the name comes back as ASCII) and reads every IPv4 spelling.
    hostname = new URL(`http://${raw}/`).hostname;
  } catch {
    return { ok: false, message: `has an invalid host name "${raw}"` };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(hostname)) return canonicalIp(hostname);

  const name = hostname.replace(/\.$/, '');
  if (!name) return { ok: false, message: `has an invalid host name "${raw}"` };
  if (name.length > MAX_HOST_LENGTH) return { ok: false, message: `has a host name longer than ${MAX_HOST_LENGTH} characters` };
  const bad = name.split('.').find((label) => !LABEL.test(label));
  if (bad !== undefined) return { ok: false, message: `has an invalid label "${bad}" in its host name` };
  return { ok: true, host: name, kind: 'name' };
}

function canonicalIp(text: string): HostResult {
  const address = ipaddr.process(text);
  return { ok: true, host: address.toString(), kind: address.kind() === 'ipv4' ? 'ipv4' : 'ipv6' };
}

/** True for an IPv4 or IPv6 literal (IPv6 with or without brackets). */
export function isIpLiteral(host: string): boolean {
  const inner = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.IPv4.isValidFourPartDecimal(inner) || ipaddr.IPv6.isValid(inner);
}

/** `host:port`, or just the host; IPv6 is bracketed wherever a port or URL could follow. */
export function formatHostPort(host: string, port?: number): string {
  const label = ipaddr.IPv6.isValid(host) ? `[${host}]` : host;
  return port === undefined ? label : `${label}:${port}`;
}
