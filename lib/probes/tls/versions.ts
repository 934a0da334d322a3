import 'server-only';
import tls from 'node:tls';
import { connectTcp } from '../tcp/connect';
import { peerChain, describeCertificate, type ChainLink, type CertificateDetails } from './certificate';
import { tlsHandshake } from './handshake';

/** The protocol versions the scan tries, in Node's names. */
const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

const scanContexts = new Map<string, tls.SecureContext>();

/** One cached context per version: an empty trust store, legacy ciphers allowed (OpenSSL 3 needs @SECLEVEL=0). */
function scanContext(version: tls.SecureVersion): tls.SecureContext {
  let context = scanContexts.get(version);
  if (!context) {
    context = tls.createSecureContext({ ca: [], minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0' });
    scanContexts.set(version, context);
  }
  return context;
}

/** Readable names for Node's protocol names. */
const TLS_VERSION_LABELS: Record<string, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

/** One version's outcome: accepted, refused, or unknown (timeout, reset). */
type VersionVerdict = boolean | null;

/** Per version, and the certificate chain exactly as the server sent it. */
export interface VersionScan {
  accepted: Record<(typeof TLS_VERSIONS)[number], VersionVerdict>;
  /** The chain from each accepting handshake, keyed by version. */
  chains: Partial<Record<string, ChainLink[]>>;
  /** The leaf from each accepting handshake (used when the modern handshake failed). */
  leaves: Partial<Record<string, { certificate: CertificateDetails; cipher: tls.CipherNameAndProtocol; peer: tls.PeerCertificate }>>;
}

/**
 * Offers each TLS version alone, in parallel, on fresh connections to the
 * already-checked address. Legacy versions need `@SECLEVEL=0` in OpenSSL 3.
 * The trust store is empty on purpose: nothing is verified here, and Node
 * then reports the chain as sent instead of completing it from its store.
 * TLS 1.2 and older stop once the server's first flight is in (see
 * HandshakeOptions.early), so every version costs one round trip.
 */
export async function scanVersions(
  address: string,
  port: number,
  servername: string | undefined,
  timeoutMs: number,
  now: number,
): Promise<VersionScan> {
  const scan: VersionScan = {
    accepted: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null },
    chains: {},
    leaves: {},
  };
  await Promise.all(
    TLS_VERSIONS.map(async (version) => {
      const start = performance.now();
      const tcp = await connectTcp(address, port, timeoutMs);
      if (!tcp.ok) return;
      const left = Math.max(1, timeoutMs - (performance.now() - start));
      const handshake = await tlsHandshake(tcp.socket, {
        servername,
        timeoutMs: left,
        secureContext: scanContext(version),
        early: true,
      });
      if (!handshake.ok) {
        scan.accepted[version] = handshake.code === 'TLS_PROTOCOL_MISMATCH' ? false : null;
        return;
      }
      scan.accepted[version] = true;
      scan.chains[version] = peerChain(handshake.socket);
      scan.leaves[version] = {
        certificate: describeCertificate(handshake.socket.getPeerCertificate(), now),
        cipher: handshake.socket.getCipher(),
        peer: handshake.socket.getPeerCertificate(),
      };
      handshake.socket.destroy();
    }),
  );
  return scan;
}

/** The accepted versions as readable names, e.g. `TLS 1.2, TLS 1.3`. */
export function acceptedLabel(accepted: VersionScan['accepted']): string {
  const names = TLS_VERSIONS.filter((version) => accepted[version]).map((version) => TLS_VERSION_LABELS[version]);
  return names.length ? names.join(', ') : 'none';
}
