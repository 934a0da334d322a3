import 'server-only';
import { requestAddresses, trustProxyFromEnv } from '@/lib/net';

/**
 * The client address a request came from, for audit rows and the sign-in rate limit: the
 * socket's peer, or the client behind the proxies TRUST_PROXY trusts. The one rule the probe
 * API uses too (`@/lib/net`).
 */
export function clientAddressOf(request: Request): string {
  return requestAddresses(request, trustProxyFromEnv()).client;
}
