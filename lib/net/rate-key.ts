import ipaddr from 'ipaddr.js';

/**
 * The bucket a client address counts against: an IPv6 client by its /64 (one customer
 * network hands out 2^64 addresses, so per-address keys would not limit anyone), IPv4 and
 * IPv4-mapped IPv6 by the address itself, anything unparsable as it is.
 */
export function rateLimitKey(address: string): string {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return address;
  }
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}
