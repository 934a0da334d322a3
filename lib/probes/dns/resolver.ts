import 'server-only';
import { readResolver, type ResolverAddress } from '../contract/resolver';

/**
 * The DNS server a validated request names. The request came through
 * parseProbeRequest, so a resolver that does not read is a caller's bug.
 */
export function resolverAddress(text: string): ResolverAddress {
  const resolver = readResolver(text);
  if ('problem' in resolver) throw new Error(`resolver ${resolver.problem}`);
  return resolver;
}
