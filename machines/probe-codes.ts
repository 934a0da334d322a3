import { PROBE_CODES, type ProbeCode } from '../lib/probes/schema';

const failing = (codes: readonly ProbeCode[]) => codes.filter((code) => !code.endsWith('_OK') && code !== 'TCP_OPEN');

/** DNS codes that mean the name did not resolve. */
export const DNS_FAILURE_CODES: readonly ProbeCode[] = failing(PROBE_CODES.dns);

/** DNS failures other than "no such name". */
export const DNS_SERVER_FAILURE_CODES: readonly ProbeCode[] = DNS_FAILURE_CODES.filter((code) => code !== 'DNS_NXDOMAIN');

/** TCP codes that mean the connection itself failed. */
export const TCP_CODES: readonly ProbeCode[] = failing(PROBE_CODES.tcp);

/** Failures of the layers below HTTP, which an HTTP probe reports as its own code. */
export const LOWER_LAYER_CODES: readonly ProbeCode[] = [
  ...DNS_FAILURE_CODES,
  ...TCP_CODES,
  ...failing(PROBE_CODES.tls),
];

/** TLS answers from a server that does speak TLS but whose certificate or protocol version is refused. */
export const TLS_PROBLEM_CODES: readonly ProbeCode[] = PROBE_CODES.tls.filter(
  (code) => !['TLS_OK', 'TLS_NOT_TLS', 'TLS_HANDSHAKE_TIMEOUT', 'TLS_RESET'].includes(code),
);
