import type { ProbeCode } from '@/lib/probes';

/**
 * What a finding may be called: a probe result code (exactly as lib/probes names it) plus the
 * few facts pasted output proves that no probe reports.
 */
export type EvidenceCode =
  | ProbeCode
  /** Schannel could not reach the CA's revocation service (CRYPT_E_NO_REVOCATION_CHECK, CRYPT_E_REVOCATION_OFFLINE). */
  | 'TLS_REVOCATION_UNAVAILABLE'
  /** The connection failed and the tool does not say how (Test-NetConnection's `TcpTestSucceeded : False`). */
  | 'TCP_FAILED'
  /** The name did not resolve and the tool does not say whether it does not exist or no DNS server answered (curl's "Could not resolve host"). */
  | 'DNS_FAILED'
  /** Nothing in the text is something the parser knows. */
  | 'UNRECOGNISED';
