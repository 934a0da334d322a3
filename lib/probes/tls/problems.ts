/**
 * The order of TLS problems, most important first: the one a client hits
 * first and whose fix does not already make the others go away.
 *
 * 1. No handshake at all (not TLS, silent, reset, no common version): nothing
 *    else can be judged until the handshake works.
 * 2. Trust (self-signed, untrusted root, missing intermediate): the fix is a
 *    certificate from a trusted issuer, which comes with new dates and can
 *    carry the right names. Renewing an expired self-signed certificate the
 *    same way leaves it self-signed, so trust must not hide behind a date.
 * 3. Host name mismatch: the fix is reissuing with the right names, which
 *    also brings new dates; renewing keeps the old names.
 * 4. Dates (expired, not yet valid): renewal, or the clock, fixes them alone.
 */
export const TLS_PROBLEM_ORDER = [
  'TLS_NOT_TLS',
  'TLS_HANDSHAKE_TIMEOUT',
  'TLS_RESET',
  'TLS_PROTOCOL_MISMATCH',
  'TLS_SELF_SIGNED',
  'TLS_UNTRUSTED_ROOT',
  'TLS_INCOMPLETE_CHAIN',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_CERT_EXPIRED',
  'TLS_CERT_NOT_YET_VALID',
] as const;

/** A TLS result code that names a problem (every TLS code but TLS_OK). */
export type TlsProblemCode = (typeof TLS_PROBLEM_ORDER)[number];

/** The codes without repeats, most important first (see TLS_PROBLEM_ORDER). */
export function rankTlsProblems(codes: readonly TlsProblemCode[]): TlsProblemCode[] {
  return [...new Set(codes)].sort((a, b) => TLS_PROBLEM_ORDER.indexOf(a) - TLS_PROBLEM_ORDER.indexOf(b));
}

/** One entry of a TLS result's `details.problems`. */
export interface TlsProblem {
  code: TlsProblemCode;
  /** One sentence, in the API's English, like a result's `summary`. */
  summary: string;
}
