/**
 * Who is on the other end of a request: TRUST_PROXY, the client address behind trusted
 * proxies, and the rate-limit key of an address. Server code only in practice, but pure.
 */
export { rateLimitKey } from './rate-key';
export { requestAddresses, type RequestAddresses } from './request';
export { parseTrustProxy, pickClient, trustProxyFromEnv } from './trust-proxy';
