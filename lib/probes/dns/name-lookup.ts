import 'server-only';
import { Resolver } from 'node:dns/promises';
import { hostsFileReader } from './hosts-file';

/** Resolves a name to every address a client would try (A then AAAA), within `timeoutMs`. */
export type LookupFunction = (name: string, timeoutMs: number) => Promise<string[]>;

/** Where names are looked up; tests name their own DNS server and hosts file. */
export interface NameLookupOptions {
  /** Hosts file read before DNS (default /etc/hosts). */
  hostsFile?: string;
  /** DNS servers (`ip` or `ip:port`); default: the system's, from /etc/resolv.conf. */
  servers?: string[];
}

/** Which failure says most when neither A nor AAAA gave an address: a definite answer beats a timeout. */
const PRECEDENCE = ['ENOTFOUND', 'ESERVFAIL', 'EREFUSED', 'ECONNREFUSED', 'ENODATA', 'ETIMEOUT', 'ECANCELLED'];

/**
 * Name resolution for tcp, tls, http, ping and traceroute targets: the hosts file, then DNS
 * through c-ares (Node's `dns.Resolver`).
 *
 * Not `dns.lookup`: getaddrinfo runs on libuv's four worker threads, and a lookup whose DNS
 * server never answers holds its thread after our timer gave up, so a handful of such names
 * stalled every other name-based probe on the server (red-team H2). c-ares queries run on the
 * event loop and are cancelled when the budget runs out, so nothing outlives its probe.
 * What this gives up: nsswitch sources other than files and DNS (mDNS, LDAP) and the
 * resolv.conf search list for single-label names.
 */
export function createNameLookup(options: NameLookupOptions = {}): LookupFunction {
  const fromHostsFile = hostsFileReader(options.hostsFile);
  return async (name, timeoutMs) => {
    const listed = await fromHostsFile(name);
    if (listed) return orderForClients(listed);
    const resolver = new Resolver({ timeout: Math.max(1, Math.round(timeoutMs)), tries: 1 });
    if (options.servers) resolver.setServers(options.servers);
    const cancel = setTimeout(() => resolver.cancel(), timeoutMs);
    try {
      const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
      const addresses = [v4, v6].flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
      if (addresses.length > 0) return orderForClients(addresses);
      const codes = [v4, v6].map((outcome) => (outcome.status === 'rejected' ? ((outcome.reason as NodeJS.ErrnoException).code ?? '') : 'ENODATA'));
      const code = PRECEDENCE.find((candidate) => codes.includes(candidate)) ?? codes[0];
      throw Object.assign(new Error(`${name}: ${code}`), { code: code === 'ECANCELLED' ? 'ETIMEOUT' : code });
    } finally {
      clearTimeout(cancel);
    }
  };
}

/** Unique addresses, IPv4 first: the order most clients try them in. */
function orderForClients(addresses: readonly string[]): string[] {
  const unique = [...new Set(addresses)];
  return [...unique.filter((address) => !address.includes(':')), ...unique.filter((address) => address.includes(':'))];
}
