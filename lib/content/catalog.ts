/** The article slugs (docs/content-model.md); the same slug exists in every language, and never changes once written. */
export const ARTICLE_SLUGS = [
  'connection-triage',
  'five-layer-model',
  'server-address-invalid',
  'dns-resolution-failure',
  'port-unreachable-firewall',
  'service-not-listening',
  'tls-certificate-expired',
  'tls-hostname-mismatch',
  'tls-untrusted-chain',
  'tls-version-mismatch',
  'client-version-outdated',
  'clock-skew',
  'proxy-vpn-interference',
  'nat-port-mapping',
  'mtu-fragmentation',
  'packet-loss-latency',
  'routing-vlan-issues',
  'ip-conflict-arp',
  'physical-link',
  'http-5xx-gateway',
  'http-429-rate-limit',
  'server-resource-exhaustion',
  'keepalive-timeouts',
  'virtualization-cloud-network',
  'incident-response-30min',
  'five-whys-rca',
  'packet-capture',
  'cert-revocation-check',
  'client-certificate-mtls',
  'tool-trust-stores',
  'sni-filtering',
  'captive-portal-hsts',
  'ipv6-fallback',
  'works-on-one-network-only',
  'proxy-pac-auth',
  'websocket-upgrade-blocked',
  'udp-service-reachability',
] as const;

/** The layers an article can belong to, top of the stack first. */
export const LAYERS = ['application', 'transport', 'network', 'datalink', 'physical', 'process'] as const;

/**
 * Decision flow ids an article's `flows:` and `/flows/<id>` links may name.
 * The flows own their ids; content may not import them (the feature graph
 * runs flows -> content), so the list is repeated here;
 * tests/unit/content-catalog.test.ts keeps the two equal.
 */
export const FLOW_IDS = ['five-layer', 'five-whys', 'tls-handshake', 'client-config', 'incident-response'] as const;

export type ArticleSlug = (typeof ARTICLE_SLUGS)[number];

/** True when `value` is one of the article slugs. */
export function isArticleSlug(value: string): value is ArticleSlug {
  return (ARTICLE_SLUGS as readonly string[]).includes(value);
}
