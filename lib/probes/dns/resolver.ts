import 'server-only';
import ipaddr from 'ipaddr.js';
import type { ResolverAddress } from './probe';

/** Port DNS servers listen on. */
export const DNS_PORT = 53;

const PROBLEM = 'must be an IP address with an optional port, e.g. 9.9.9.9, 9.9.9.9:53 or [2620:fe::fe]:53';

/**
 * Parses `ip`, `ip:port`, `ipv6` or `[ipv6]:port`. Only plain dotted-quad
 * IPv4 and IPv6 are accepted: a resolver is named by address, never by a
 * name that would itself need resolving.
 */
export function parseResolver(value: string): ResolverAddress | { problem: string } {
  const bracketed = value.match(/^\[([^\]]+)\](?::(\d+))?$/);
  const v4 = value.match(/^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/);
  let ip: string;
  let port: string | undefined;
  if (bracketed && ipaddr.IPv6.isValid(bracketed[1])) [, ip, port] = bracketed;
  else if (v4 && ipaddr.IPv4.isValidFourPartDecimal(v4[1])) [, ip, port] = v4;
  else if (!value.includes('%') && ipaddr.IPv6.isValid(value)) ip = value;
  else return { problem: PROBLEM };
  const portNumber = port === undefined ? DNS_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) return { problem: 'port must be between 1 and 65535' };
  return { ip: ipaddr.parse(ip).toString(), port: portNumber };
}
