import ipaddr from 'ipaddr.js';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Which hops may speak for the client through `X-Forwarded-For` (TRUST_PROXY): none, the
 * nearest `hops` proxies, or any proxy whose address is in `cidrs`.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: readonly Cidr[] };

/**
 * Reads TRUST_PROXY: unset or empty trusts no proxy, a whole number (`1`) trusts that many
 * hops, otherwise comma-separated CIDRs (a bare address is /32 or /128). Throws on anything
 * else, so a typo fails at start instead of trusting the wrong hop.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (!text || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const cidrs = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): Cidr => {
      try {
        if (entry.includes('/')) return ipaddr.parseCIDR(entry);
        const address = ipaddr.parse(entry);
        return [address, address.kind() === 'ipv4' ? 32 : 128];
      } catch {
        throw new Error(`TRUST_PROXY: "${entry}" is neither a hop count nor a CIDR (e.g. 1, or 10.0.0.0/8,::1)`);
      }
    });
  return { kind: 'cidrs', cidrs };
}

function inCidrs(text: string, cidrs: readonly Cidr[]): boolean {
  try {
    const address = ipaddr.process(text);
    return cidrs.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
  } catch {
    return false;
  }
}

/**
 * The client behind `socket`: walks the forwarded chain from the right (nearest hop first),
 * stepping over each trusted proxy; the first address not vouched for is the client. With no
 * trust the socket's peer is the client, whatever the headers say. A chain shorter than the
 * trust ends at its leftmost entry.
 */
export function pickClient(socket: string, forwarded: readonly string[], trust: TrustProxy): string {
  if (trust.kind === 'none') return socket;
  const chain = [...forwarded, socket];
  let index = chain.length - 1;
  if (trust.kind === 'hops') index = Math.max(0, index - trust.hops);
  else while (index > 0 && inCidrs(chain[index], trust.cidrs)) index -= 1;
  return chain[index];
}

/** TRUST_PROXY from the environment (see parseTrustProxy). */
export function trustProxyFromEnv(env: Record<string, string | undefined> = process.env): TrustProxy {
  return parseTrustProxy(env.TRUST_PROXY);
}
