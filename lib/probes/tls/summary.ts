import 'server-only';
import type { CertificateDetails, ChainLink } from './certificate';
import type { HandshakeFailureCode } from './handshake';
import type { CertificateCode } from './verify';

const day = (iso: string) => iso.slice(0, 10);

/** The name at the top of the chain as sent: the root's subject, or the issuer nobody sent. */
function chainTop(chain: readonly ChainLink[], leaf: CertificateDetails): string {
  const top = chain[chain.length - 1];
  if (!top) return leaf.issuer;
  return top.selfIssued ? top.subject : top.issuer;
}

/** One sentence for a certificate problem found at `target`. */
export function certificateSummary(
  code: CertificateCode,
  target: string,
  host: string,
  leaf: CertificateDetails,
  chain: readonly ChainLink[],
): string {
  switch (code) {
    case 'TLS_CERT_EXPIRED':
      return leaf.daysLeft < 0
        ? `The certificate of ${target} expired on ${day(leaf.validTo)} (${-leaf.daysLeft} days ago).`
        : `A certificate in the chain of ${target} has expired, although the server's own one is valid until ${day(leaf.validTo)}.`;
    case 'TLS_CERT_NOT_YET_VALID':
      return `The certificate of ${target} is not valid before ${day(leaf.validFrom)}: check the server's and the client's clocks.`;
    case 'TLS_HOSTNAME_MISMATCH': {
      const names = leaf.subjectAltNames.length ? leaf.subjectAltNames.join(', ') : leaf.subject;
      return `The certificate of ${target} does not cover ${host}; it names ${names}.`;
    }
    case 'TLS_SELF_SIGNED':
      return `${target} presents a self-signed certificate (${leaf.subject}) that clients do not trust.`;
    case 'TLS_UNTRUSTED_ROOT':
      return `The certificate chain of ${target} leads to ${chainTop(chain, leaf)}, which is not in the trust store.`;
    case 'TLS_INCOMPLETE_CHAIN':
      return `${target} sent only its own certificate: the intermediate from ${leaf.issuer} is missing, so clients cannot build the chain.`;
  }
}

/** One sentence for a handshake that did not finish. */
export function handshakeSummary(code: HandshakeFailureCode, target: string, timeoutMs: number, accepted?: string): string {
  switch (code) {
    case 'TLS_NOT_TLS':
      return `${target} accepted the connection but did not answer with TLS (plain HTTP or another protocol on this port?).`;
    case 'TLS_PROTOCOL_MISMATCH':
      return accepted && accepted !== 'none'
        ? `No common TLS version with ${target}: it accepts only ${accepted}, which current clients refuse.`
        : `No common TLS version or cipher with ${target}: the handshake was rejected.`;
    case 'TLS_HANDSHAKE_TIMEOUT':
      return `${target} accepted the TCP connection but sent no TLS answer within ${timeoutMs} ms.`;
    case 'TLS_RESET':
      return `${target} closed the connection during the TLS handshake.`;
  }
}
