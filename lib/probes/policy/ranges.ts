import 'server-only';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

/** Which addresses probes may reach: the built-in refusals plus PROBE_ALLOW / PROBE_DENY. */
export interface TargetPolicy {
  /** CIDRs allowed even though they are private, loopback, etc. */
  allow: readonly Cidr[];
  /** CIDRs refused in addition to the built-in ranges; wins over `allow`. */
  deny: readonly Cidr[];
}

/** The outcome of checking one address. */
export type AddressDecision =
  | { allowed: true; address: string }
  | { allowed: false; address: string; reason: string };

/**
 * Ranges ipaddr.js calls `unicast` that a probe must still not reach:
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated but still parsed by stacks)
 * and the site-local NAT64 prefix.
 */
const EXTRA_REFUSED: readonly { cidr: Cidr; reason: string }[] = [
  { cidr: ipaddr.parseCIDR('::/96'), reason: 'ipv4Compatible' },
  { cidr: ipaddr.parseCIDR('64:ff9b:1::/48'), reason: 'rfc6052' },
];

/**
 * Cloud platform endpoints: instance metadata, credentials and host agents. Most sit in
 * ranges refused anyway (link-local, CGNAT, unique-local), but they stay refused even when
 * PROBE_ALLOW opens the range around them, unless it names the address itself (/32, /128).
 * 168.63.129.16 (Azure WireServer) is a public address, refused only by this list.
 */
const PLATFORM_ADDRESSES: readonly Cidr[] = [
  '168.63.129.16', // Azure WireServer (public address space)
  '169.254.169.254', // instance metadata: AWS, Azure, GCP, Oracle, OpenStack...
  '169.254.170.2', // AWS ECS task metadata and credentials
  '169.254.170.23', // AWS EKS Pod Identity agent
  '100.100.100.200', // Alibaba Cloud metadata
  'fd00:ec2::254', // AWS instance metadata over IPv6
  'fd00:ec2::23', // AWS EKS Pod Identity agent over IPv6
].map((text) => {
  const address = ipaddr.parse(text);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
});

/**
 * Parses a comma-separated CIDR list (a bare address means /32 or /128).
 * Throws with the offending entry and variable name, so a bad deployment
 * setting fails loudly instead of silently allowing or refusing.
 */
export function parseCidrList(value: string | undefined, name = 'CIDR list'): Cidr[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        if (entry.includes('/')) return ipaddr.parseCIDR(entry) as Cidr;
        const address = ipaddr.parse(entry);
        return [address, address.kind() === 'ipv4' ? 32 : 128] as Cidr;
      } catch {
        throw new Error(`${name}: "${entry}" is not a CIDR (e.g. 127.0.0.1/32 or ::1/128)`);
      }
    });
}

/** Builds a policy from CIDR lists given as text. */
export function createTargetPolicy(options: { allow?: string; deny?: string } = {}): TargetPolicy {
  return { allow: parseCidrList(options.allow, 'PROBE_ALLOW'), deny: parseCidrList(options.deny, 'PROBE_DENY') };
}

/** The policy configured by PROBE_ALLOW and PROBE_DENY. */
export function policyFromEnv(env: Record<string, string | undefined> = process.env): TargetPolicy {
  return createTargetPolicy({ allow: env.PROBE_ALLOW, deny: env.PROBE_DENY });
}

function inList(address: Address, list: readonly Cidr[]): boolean {
  return list.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/** Whether PROBE_ALLOW names this very address (a single-address entry), not just a range around it. */
function namedExactly(address: Address, list: readonly Cidr[]): boolean {
  return list.some(([network, bits]) => network.kind() === address.kind() && bits === (address.kind() === 'ipv4' ? 32 : 128) && address.match(network, bits));
}

/** Whether PROBE_ALLOW covers `text` (an IP address): the caller has vouched for it beyond the defaults. */
export function isAllowListed(text: string, policy: TargetPolicy): boolean {
  try {
    return inList(ipaddr.process(text), policy.allow);
  } catch {
    return false;
  }
}

/**
 * Decides whether a probe may connect to `text`, an IP address in any form
 * ipaddr.js parses. IPv4-mapped IPv6 is judged as the IPv4 it maps to; every
 * non-`unicast` range (loopback, private, link-local and cloud metadata,
 * CGNAT, multicast, reserved, NAT64, 6to4, Teredo...) is refused unless
 * PROBE_ALLOW names it; cloud platform endpoints unless PROBE_ALLOW names the
 * address itself; PROBE_DENY refuses whatever it names.
 */
export function checkAddress(text: string, policy: TargetPolicy): AddressDecision {
  let address: Address;
  try {
    address = ipaddr.process(text);
  } catch {
    return { allowed: false, address: text, reason: 'not an IP address' };
  }
  const canonical = address.toString();
  if (inList(address, policy.deny)) return { allowed: false, address: canonical, reason: 'PROBE_DENY' };
  const platform = inList(address, PLATFORM_ADDRESSES);
  if (inList(address, policy.allow) && (!platform || namedExactly(address, policy.allow))) return { allowed: true, address: canonical };
  const range = address.range();
  if (range !== 'unicast') return { allowed: false, address: canonical, reason: range };
  const extra = EXTRA_REFUSED.find(({ cidr }) => address.kind() === cidr[0].kind() && address.match(cidr));
  if (extra) return { allowed: false, address: canonical, reason: extra.reason };
  if (platform) return { allowed: false, address: canonical, reason: 'cloudPlatform' };
  return { allowed: true, address: canonical };
}
