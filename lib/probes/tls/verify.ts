import 'server-only';
import tls from 'node:tls';
import type { CertificateDetails } from './certificate';

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

/** What verification found, beyond OpenSSL's first error. */
export interface Verification {
  /** The result code: OpenSSL's chain verdict first, then the host name. */
  code: CertificateCode | null;
  /** Every problem found (e.g. both self-signed and expired), most important first. */
  problems: CertificateCode[];
  verifyError: string | null;
  hostnameMatches: boolean;
}

/**
 * Judges a certificate the way a client would: OpenSSL's verify result (from
 * Node's trust store plus NODE_EXTRA_CA_CERTS), then the name check Node skips
 * when it is told not to reject. `host` is the name or IP the caller asked for.
 */
export function verifyCertificate(
  socket: tls.TLSSocket,
  host: string,
  leaf: CertificateDetails,
  now: number,
): Verification {
  const verifyError = socket.authorizationError ? String(socket.authorizationError) : null;
  const hostnameMatches = tls.checkServerIdentity(host, socket.getPeerCertificate()) === undefined;
  const problems: CertificateCode[] = [];
  if (verifyError) problems.push(classifyVerifyError(verifyError));
  if (Date.parse(leaf.validTo) < now) problems.push('TLS_CERT_EXPIRED');
  if (Date.parse(leaf.validFrom) > now) problems.push('TLS_CERT_NOT_YET_VALID');
  if (!hostnameMatches) problems.push('TLS_HOSTNAME_MISMATCH');
  const unique = [...new Set(problems)];
  return { code: unique[0] ?? null, problems: unique, verifyError, hostnameMatches };
}
