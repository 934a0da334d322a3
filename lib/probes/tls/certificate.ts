import 'server-only';
import type tls from 'node:tls';

/** A certificate as the TLS result reports it. */
export interface CertificateDetails {
  subject: string;
  subjectAltNames: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whole days until `validTo`; negative once expired. */
  daysLeft: number;
  serialNumber: string;
  fingerprint256: string;
}

/** One link of the chain as the server sent it. */
export interface ChainLink {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  /** Issuer and subject are the same: a root or a self-signed leaf. */
  selfIssued: boolean;
}

const DAY_MS = 86_400_000;

/** Formats a certificate name object (`{ CN, O, ... }`) as `CN=..., O=...`. */
function formatName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`))
    .join(', ');
}

function isoDate(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

/** The subject alternative names, e.g. `DNS:example.com`, `IP Address:192.0.2.1`. */
function subjectAltNames(cert: tls.PeerCertificate): string[] {
  return cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [];
}

/** Details of the leaf certificate, with days left counted from `now`. */
export function describeCertificate(cert: tls.PeerCertificate, now: number): CertificateDetails {
  return {
    subject: formatName(cert.subject),
    subjectAltNames: subjectAltNames(cert),
    issuer: formatName(cert.issuer),
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
    daysLeft: Math.floor((Date.parse(cert.valid_to) - now) / DAY_MS),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
  };
}

/**
 * The chain from the leaf up, following issuer links. Read from a handshake
 * whose trust store is empty, Node adds nothing from the store, so this is
 * the chain as the server sent it (in issuer order).
 */
export function peerChain(socket: tls.TLSSocket): ChainLink[] {
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const subject = formatName(cert.subject);
    const issuer = formatName(cert.issuer);
    links.push({
      subject,
      issuer,
      validFrom: isoDate(cert.valid_from),
      validTo: isoDate(cert.valid_to),
      fingerprint256: cert.fingerprint256,
      selfIssued: subject === issuer,
    });
    cert = cert.issuerCertificate;
  }
  return links;
}
