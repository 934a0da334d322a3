import 'server-only';
import tls from 'node:tls';
import type { CertificateDetails } from './certificate';
import { rankTlsProblems } from './problems';

/** The TLS codes that describe a certificate problem. */
export type CertificateCode =
  | 'TLS_CERT_EXPIRED'
  | 'TLS_CERT_NOT_YET_VALID'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_SELF_SIGNED'
  | 'TLS_UNTRUSTED_ROOT'
  | 'TLS_INCOMPLETE_CHAIN';

/** OpenSSL verify errors, as Node names them in `authorizationError`, to result codes. */
const VERIFY_CODES: Record<string, CertificateCode> = {
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_SELF_SIGNED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNTRUSTED_ROOT',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED_ROOT',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNTRUSTED_ROOT',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED_ROOT',
  CERT_REJECTED: 'TLS_UNTRUSTED_ROOT',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_INCOMPLETE_CHAIN',
};

/** Maps an `authorizationError` to a code; unknown verify errors count as an untrusted chain. */
export function classifyVerifyError(error: string): CertificateCode {
  return VERIFY_CODES[error] ?? 'TLS_UNTRUSTED_ROOT';
}

/** OpenSSL checks dates after the chain and reports only its last error, so a date error can hide a trust one. */
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * The trust problem a date error may hide, judged from the chain Node reports
 * (the certificates sent, completed from the trust store, dates ignored): does
 * it end at a certificate the store holds?
 */
function hiddenTrustProblem(socket: tls.TLSSocket, trusted: ReadonlySet<string>): CertificateCode | null {
  const chain: tls.DetailedPeerCertificate[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.fingerprint256 && !chain.some((link) => link.fingerprint256 === cert!.fingerprint256)) {
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  if (chain.length === 0 || chain.some((link) => trusted.has(link.fingerprint256))) return null;
  const top = chain[chain.length - 1];
  const selfIssued = JSON.stringify(top.subject) === JSON.stringify(top.issuer);
  if (selfIssued) return chain.length === 1 ? 'TLS_SELF_SIGNED' : 'TLS_UNTRUSTED_ROOT';
  return chain.length === 1 ? 'TLS_INCOMPLETE_CHAIN' : 'TLS_UNTRUSTED_ROOT';
}

/** What verification found, beyond OpenSSL's last error. */
export interface Verification {
  /** The result code: the most important problem (see TLS_PROBLEM_ORDER). */
  code: CertificateCode | null;
  /** Every problem found (e.g. both self-signed and expired), most important first. */
  problems: CertificateCode[];
  verifyError: string | null;
  hostnameMatches: boolean;
}

/** The problems a leaf shows by itself: its dates and whether it names `host`. */
export function leafProblems(peer: tls.PeerCertificate, host: string, leaf: CertificateDetails, now: number): CertificateCode[] {
  const problems: CertificateCode[] = [];
  if (Date.parse(leaf.validTo) < now) problems.push('TLS_CERT_EXPIRED');
  if (Date.parse(leaf.validFrom) > now) problems.push('TLS_CERT_NOT_YET_VALID');
  if (tls.checkServerIdentity(host, peer) !== undefined) problems.push('TLS_HOSTNAME_MISMATCH');
  return problems;
}

/**
 * Judges a certificate the way a client would: OpenSSL's verify result (from
 * Node's trust store plus NODE_EXTRA_CA_CERTS), the trust problem a date error
 * hides, then the dates and the name check Node skips when it is told not to
 * reject. `host` is the name or IP the caller asked for; `trusted` the
 * fingerprints of the trust store (see trustedFingerprints).
 */
export function verifyCertificate(
  socket: tls.TLSSocket,
  host: string,
  leaf: CertificateDetails,
  now: number,
  trusted: ReadonlySet<string>,
): Verification {
  const verifyError = socket.authorizationError ? String(socket.authorizationError) : null;
  const own = leafProblems(socket.getPeerCertificate(), host, leaf, now);
  const problems: CertificateCode[] = [...own];
  if (verifyError) problems.push(classifyVerifyError(verifyError));
  const hidden = verifyError && DATE_ERRORS.has(verifyError) ? hiddenTrustProblem(socket, trusted) : null;
  if (hidden) problems.push(hidden);
  const ranked = rankTlsProblems(problems) as CertificateCode[];
  return { code: ranked[0] ?? null, problems: ranked, verifyError, hostnameMatches: !own.includes('TLS_HOSTNAME_MISMATCH') };
}
