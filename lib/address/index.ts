/**
 * The one address model: reads what staff paste (host, host:port, [v6]:port, a URL) into a
 * canonical host, port and scheme. Browser-safe; the probes' target policy builds on it.
 */
export { parseAddress, parseHost } from './address';
export { formatHostPort, isIpLiteral } from './host';
export { parsePort } from './port';
export type { AddressProblem, HostKind, Scheme } from './types';
