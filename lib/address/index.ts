/**
 * The one address model: reads what staff paste (host, host:port, [v6]:port, a URL) into a
 * canonical host, port and scheme. Browser-safe; the probes' target policy builds on it.
 */
export { parseAddress, parseHost, type ParseAddressOptions } from './address';
export { formatHostPort, isIpLiteral } from './host';
export { parsePort } from './port';
export { SCHEMES, type Address, type AddressProblem, type AddressResult, type HostKind, type Scheme } from './types';
