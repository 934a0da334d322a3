import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';

/** A host after validation: either an IP literal (canonical form) or a DNS name (ASCII, lower case). */
export type CanonicalHost = { kind: 'ip'; ip: string; family: 4 | 6 } | { kind: 'name'; name: string };

/** Longest DNS name, in characters. */
export const MAX_HOST_LENGTH = 253;

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Why `raw` is not acceptable as a probe host, or undefined when it is.
 * The message completes a sentence starting with the field name.
 */
export function hostProblem(raw: string): string | undefined {
  const parsed = parseHost(raw);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/**
 * Validates and canonicalises a host. Every IPv4 spelling WHATWG URL accepts
 * (decimal `2130706433`, hex `0x7f000001`, octal `0177.0.0.1`, short `127.1`)
 * becomes a dotted quad, and IPv6 (bracketed or not, IPv4-mapped) becomes its
 * canonical text, so the target policy sees the address a socket would reach.
 */
export function parseHost(raw: string): CanonicalHost | { problem: string } {
  if (raw.length === 0) return { problem: 'must not be empty' };
  if (raw.length > MAX_HOST_LENGTH) return { problem: `is longer than ${MAX_HOST_LENGTH} characters` };
  if (CONTROL_CHARS.test(raw)) return { problem: 'contains control characters' };
  if (/\s/.test(raw)) return { problem: 'contains spaces' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return { problem: 'must be a bare host name or IP address, not a URL (use url for http probes)' };
  if (raw.includes('@')) return { problem: 'must not contain credentials (user@host)' };
  if (/[/?#\\]/.test(raw)) return { problem: 'must be a bare host name or IP address, without a path' };
  if (raw.includes('%')) return { problem: 'must not contain a zone index or percent-encoding' };

  const bracketed = raw.startsWith('[') && raw.endsWith(']');
  if (bracketed || raw.includes(':')) {
    const inner = bracketed ? raw.slice(1, -1) : raw;
    if (ipaddr.IPv6.isValid(inner)) return canonicalIp(inner);
    if (!bracketed && /^[^:]+:\d*$/.test(raw)) return { problem: 'must not include a port (use the port field)' };
    return { problem: 'is not a valid IPv6 address' };
  }

  let hostname: string;
  try {
    hostname = new URL(`http://${raw}/`).hostname;
  } catch {
    return { problem: 'is not a valid host name or IP address' };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(hostname)) return canonicalIp(hostname);

  const ascii = domainToASCII(hostname).replace(/\.$/, '');
  if (!ascii) return { problem: 'is not a valid host name' };
  if (ascii.length > MAX_HOST_LENGTH) return { problem: `is longer than ${MAX_HOST_LENGTH} characters` };
  const bad = ascii.split('.').find((label) => !LABEL.test(label));
  if (bad !== undefined) return { problem: `has an invalid label "${bad}"` };
  return { kind: 'name', name: ascii };
}

/** IPv4-mapped IPv6 becomes the IPv4 it maps to: the socket would reach that address anyway. */
function canonicalIp(text: string): CanonicalHost {
  const address = ipaddr.process(text);
  return address.kind() === 'ipv4'
    ? { kind: 'ip', ip: address.toString(), family: 4 }
    : { kind: 'ip', ip: address.toString(), family: 6 };
}

/** The host as written in a `host:port` target or a URL (IPv6 in brackets). */
export function hostLabel(host: CanonicalHost): string {
  if (host.kind === 'name') return host.name;
  return host.family === 6 ? `[${host.ip}]` : host.ip;
}

/** `host:port`, with IPv6 bracketed. */
export function formatHostPort(host: CanonicalHost, port: number): string {
  return `${hostLabel(host)}:${port}`;
}

/** The SNI for a host: its name, never an IP literal (SNI may not carry one). */
export function serverName(host: CanonicalHost): string | undefined {
  return host.kind === 'name' ? host.name : undefined;
}

/** The name or IP a certificate must cover. */
export function identityOf(host: CanonicalHost): string {
  return host.kind === 'name' ? host.name : host.ip;
}
