import { formatHostPort, parseAddress } from '@/lib/address';

/** A DNS server chosen by the caller instead of the system's. */
export interface ResolverAddress {
  ip: string;
  port: number;
}

/** Port DNS servers listen on. */
const DNS_PORT = 53;

const NOT_AN_IP = 'must be an IP address with an optional port, e.g. 9.9.9.9, 9.9.9.9:53 or [2620:fe::fe]:53';

/**
 * Reads a resolver as `ip`, `ip:port`, a bare IPv6 address or `[ipv6]:port`
 * (port 53 when none is given). Only addresses: a resolver named by a name
 * would itself need resolving. The message completes "resolver …".
 */
export function readResolver(text: string): ResolverAddress | { problem: string } {
  const read = parseAddress(text, { allowPath: false });
  if (!read.ok) return { problem: read.problem === 'invalid-port' ? read.message : NOT_AN_IP };
  const { address } = read;
  if (address.kind === 'name' || address.scheme) return { problem: NOT_AN_IP };
  return { ip: address.host, port: address.port ?? DNS_PORT };
}

/** A resolver as the API writes it: `ip:port`, IPv6 in brackets. */
export function formatResolver(resolver: ResolverAddress): string {
  return formatHostPort(resolver.ip, resolver.port);
}
