/** What kind of host an address names. */
export type HostKind = 'ipv4' | 'ipv6' | 'name';

/** Schemes a pasted URL may carry; each either implies a port or leaves it to the port field. */
export const SCHEMES = ['http', 'https', 'ws', 'wss', 'tcp', 'ssl', 'tls'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** A validated address, with the host in the one canonical form every part of Fixpath compares. */
export interface Address {
  /**
   * Lower-case ASCII name without a trailing dot, dotted-quad IPv4 (`1.2.3` becomes
   * `1.2.0.3`, `2130706433` becomes `127.0.0.1`), or compressed IPv6 without brackets
   * (an IPv4-mapped IPv6 address becomes the IPv4 it maps to).
   */
  host: string;
  kind: HostKind;
  /** The written port, or the scheme's default port (http 80, https 443, …). */
  port?: number;
  /** True when `port` was not written but implied by `scheme`. */
  portFromScheme?: boolean;
  scheme?: Scheme;
  /** Path, query and fragment of a pasted URL, when it had more than `/`. */
  path?: string;
  /** The input, trimmed. */
  input: string;
}

/** Why an input is not an address. */
export type AddressProblem = 'empty' | 'invalid-host' | 'invalid-port' | 'unsupported-scheme' | 'unexpected-path';

/** The result of reading an address: the address, or the problem with a message that completes "The address …". */
export type AddressResult = { ok: true; address: Address } | { ok: false; problem: AddressProblem; message: string };
