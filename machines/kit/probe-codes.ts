import type { ProbeCode } from './types';

/*
 * Groups of probe result codes that flows branch on, written out as data: machines
 * import only the probe contract's types. `tests/unit/flows-meta.test.ts` checks each
 * group against the contract's code lists, so a new code cannot slip past unnoticed.
 */

/** DNS codes that mean the name did not resolve. */
export const DNS_FAILURE_CODES = ['DNS_NXDOMAIN', 'DNS_NODATA', 'DNS_SERVFAIL', 'DNS_REFUSED', 'DNS_TIMEOUT'] as const satisfies readonly ProbeCode[];

/** DNS failures other than "no such name". */
export const DNS_SERVER_FAILURE_CODES = ['DNS_NODATA', 'DNS_SERVFAIL', 'DNS_REFUSED', 'DNS_TIMEOUT'] as const satisfies readonly ProbeCode[];

/** TCP codes that mean the connection itself failed. */
export const TCP_CODES = ['TCP_REFUSED', 'TCP_TIMEOUT', 'TCP_UNREACHABLE', 'TCP_RESET'] as const satisfies readonly ProbeCode[];

/** TLS answers from a server that does speak TLS but whose certificate or protocol version is refused. */
export const TLS_PROBLEM_CODES = [
  'TLS_CERT_EXPIRED',
  'TLS_CERT_NOT_YET_VALID',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_SELF_SIGNED',
  'TLS_UNTRUSTED_ROOT',
  'TLS_INCOMPLETE_CHAIN',
  'TLS_PROTOCOL_MISMATCH',
] as const satisfies readonly ProbeCode[];

/** TLS failures of any kind: a refused certificate or version, no TLS at all, silence or a reset. */
const TLS_FAILURE_CODES = [...TLS_PROBLEM_CODES, 'TLS_NOT_TLS', 'TLS_HANDSHAKE_TIMEOUT', 'TLS_RESET'] as const satisfies readonly ProbeCode[];

/** Failures of the layers below HTTP, which an HTTP probe reports as its own code. */
export const LOWER_LAYER_CODES: readonly ProbeCode[] = [...DNS_FAILURE_CODES, ...TCP_CODES, ...TLS_FAILURE_CODES];
