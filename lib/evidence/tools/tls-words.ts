import type { EvidenceCode } from '../codes';

/** A TLS failure as OpenSSL, Schannel, Secure Transport or .NET word it, and the code it proves. */
interface TlsWording {
  pattern: RegExp;
  code: EvidenceCode;
}

// Order matters: the more specific wording first ("self-signed certificate in certificate chain"
// before "self-signed certificate").
const WORDINGS: TlsWording[] = [
  { pattern: /CRYPT_E_NO_REVOCATION_CHECK|CRYPT_E_REVOCATION_OFFLINE|unable to check revocation|吊销功能无法检查|RevocationStatusUnknown|OfflineRevocation/i, code: 'TLS_REVOCATION_UNAVAILABLE' },
  { pattern: /certificate has expired|TLS alert, certificate expired|SEC_E_CERT_EXPIRED|CERT_E_EXPIRED|certificate expired|NotTimeValid/i, code: 'TLS_CERT_EXPIRED' },
  { pattern: /certificate is not yet valid/i, code: 'TLS_CERT_NOT_YET_VALID' },
  { pattern: /self[- ]signed certificate in certificate chain/i, code: 'TLS_UNTRUSTED_ROOT' },
  { pattern: /self[- ]signed certificate(?! in certificate chain)/i, code: 'TLS_SELF_SIGNED' },
  { pattern: /unable to verify the first certificate|CERT_E_CHAINING|PartialChain/i, code: 'TLS_INCOMPLETE_CHAIN' },
  { pattern: /unable to get local issuer certificate|unable to get issuer certificate|SEC_E_UNTRUSTED_ROOT|CERT_E_UNTRUSTEDROOT|UntrustedRoot|certificate chain .*not trusted/i, code: 'TLS_UNTRUSTED_ROOT' },
  { pattern: /no alternative certificate subject name matches|does not match target host name|hostname mismatch|SEC_E_WRONG_PRINCIPAL|CERT_E_CN_NO_MATCH|RemoteCertificateNameMismatch/i, code: 'TLS_HOSTNAME_MISMATCH' },
  { pattern: /wrong version number|packet length too long|http request\b.*\bhttps? port|SEC_E_INVALID_TOKEN/i, code: 'TLS_NOT_TLS' },
  { pattern: /unsupported protocol|alert protocol version|no protocols available|SEC_E_ALGORITHM_MISMATCH/i, code: 'TLS_PROTOCOL_MISMATCH' },
];

/** Every TLS code the text's wording proves, in table order without repeats. */
export function tlsCodesIn(text: string): EvidenceCode[] {
  return WORDINGS.filter((wording) => wording.pattern.test(text)).map((wording) => wording.code);
}

/** One short sentence per TLS code, the subject being the server (or "the server"). */
export function tlsSummary(code: EvidenceCode, server = 'the server'): string {
  switch (code) {
    case 'TLS_REVOCATION_UNAVAILABLE':
      return `Windows could not check whether the certificate of ${server} is revoked: the revocation service is unreachable from this computer.`;
    case 'TLS_CERT_EXPIRED':
      return `The certificate of ${server} has expired.`;
    case 'TLS_CERT_NOT_YET_VALID':
      return `The certificate of ${server} is not valid yet (or this computer's clock is behind).`;
    case 'TLS_SELF_SIGNED':
      return `${capitalise(server)} presents a self-signed certificate that this computer does not trust.`;
    case 'TLS_UNTRUSTED_ROOT':
      return `The certificate of ${server} chains to an issuer this computer does not trust (or the server does not send its intermediate).`;
    case 'TLS_INCOMPLETE_CHAIN':
      return `${capitalise(server)} does not send the intermediate certificate needed to verify its certificate.`;
    case 'TLS_HOSTNAME_MISMATCH':
      return `The certificate of ${server} is not issued for the name that was asked for.`;
    case 'TLS_NOT_TLS':
      return `${capitalise(server)} does not speak TLS on this port (plain HTTP or another protocol answered).`;
    case 'TLS_PROTOCOL_MISMATCH':
      return `This computer and ${server} share no TLS version.`;
    case 'TLS_OK':
      return `The TLS handshake with ${server} succeeded and its certificate is trusted.`;
    default:
      return `TLS with ${server} failed (${code}).`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
