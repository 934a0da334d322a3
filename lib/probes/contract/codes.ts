/** The probe kinds `POST /api/probe` runs. */
export const PROBE_TYPES = ['dns', 'tcp', 'tls', 'http', 'ping', 'traceroute', 'mtu'] as const;

/** One probe kind. */
export type ProbeType = (typeof PROBE_TYPES)[number];

/** Result codes per probe kind, as fixed by the probe contract; decision flows branch on them. */
export const PROBE_CODES = {
  dns: ['DNS_OK', 'DNS_NXDOMAIN', 'DNS_NODATA', 'DNS_SERVFAIL', 'DNS_REFUSED', 'DNS_TIMEOUT'],
  tcp: ['TCP_OPEN', 'TCP_REFUSED', 'TCP_TIMEOUT', 'TCP_UNREACHABLE', 'TCP_RESET'],
  tls: [
    'TLS_OK',
    'TLS_CERT_EXPIRED',
    'TLS_CERT_NOT_YET_VALID',
    'TLS_HOSTNAME_MISMATCH',
    'TLS_SELF_SIGNED',
    'TLS_UNTRUSTED_ROOT',
    'TLS_INCOMPLETE_CHAIN',
    'TLS_PROTOCOL_MISMATCH',
    'TLS_NOT_TLS',
    'TLS_HANDSHAKE_TIMEOUT',
    'TLS_RESET',
  ],
  http: ['HTTP_OK', 'HTTP_REDIRECT', 'HTTP_CLIENT_ERROR', 'HTTP_SERVER_ERROR', 'HTTP_TIMEOUT'],
  ping: ['PING_OK', 'PING_LOSS', 'PING_UNREACHABLE', 'PING_UNAVAILABLE'],
  traceroute: ['TRACE_OK', 'TRACE_INCOMPLETE', 'TRACE_UNAVAILABLE'],
  mtu: ['MTU_OK', 'MTU_FRAGMENTATION_NEEDED', 'MTU_UNAVAILABLE'],
} as const satisfies Record<ProbeType, readonly string[]>;

/** Any result code a probe can report. */
export type ProbeCode = (typeof PROBE_CODES)[ProbeType][number];

/** Every result code any probe can report. */
export const ALL_PROBE_CODES = /* @__PURE__ */ Object.values(PROBE_CODES).flat() as ProbeCode[];
