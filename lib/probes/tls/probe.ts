import 'server-only';
import type tls from 'node:tls';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';
import type { PortTarget } from '../run/target';
import { connectTcp, tcpFailureFinding } from '../tcp/connect';
import { describeCertificate, peerChain } from './certificate';
import { sniFor, tlsHandshake } from './handshake';
import { certificateSummary, handshakeSummary } from './summary';
import { trustOptions } from './trust';
import { verifyCertificate } from './verify';
import { acceptedLabel, scanVersions } from './versions';

/** Certificates that expire sooner than this are reported as a warning. */
const EXPIRY_WARNING_DAYS = 14;

/**
 * Connects to the checked address, performs one handshake with SNI that reads
 * the certificate even when it is bad, classifies it, and scans which TLS
 * versions the server accepts.
 */
export async function probeTls(target: PortTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const label = formatHostPort(target.host, target.port);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const timings: Record<string, number> = { dnsMs: resolved.dnsMs };
  const base = { address: resolved.address, addresses: resolved.addresses, port: target.port, servername: sniFor(target.host) ?? null, timings };

  const tcp = await connectTcp(resolved.address, target.port, deadline.remaining());
  timings.connectMs = tcp.connectMs;
  if (!tcp.ok) return tcpFailureFinding(tcp, label, deadline.budgetMs, base);

  const handshake = await tlsHandshake(tcp.socket, {
    servername: sniFor(target.host),
    timeoutMs: deadline.remaining(),
    alpn: ['h2', 'http/1.1'],
    ...trustOptions(context.extraCa),
  });
  timings.handshakeMs = handshake.handshakeMs;
  const now = Date.now();
  // Read the session before the version scan: a server may close the connection meanwhile, and a closed socket has no certificate.
  const session = handshake.ok ? readSession(handshake.socket, target.host, now) : null;
  if (handshake.ok) handshake.socket.destroy();
  const scanWorthwhile = handshake.ok || handshake.code === 'TLS_PROTOCOL_MISMATCH';
  const scan = scanWorthwhile
    ? await scanVersions(resolved.address, target.port, sniFor(target.host), deadline.remaining(), now)
    : null;
  const versions = scan?.accepted ?? null;

  if (!handshake.ok) {
    const accepted = versions ? acceptedLabel(versions) : undefined;
    const legacyVersion = scan ? Object.keys(scan.leaves)[0] : undefined;
    const legacy = legacyVersion ? scan?.leaves[legacyVersion] : undefined;
    return {
      code: handshake.code,
      summary: handshakeSummary(handshake.code, label, deadline.budgetMs, accepted),
      details: {
        ...base,
        phase: 'handshake',
        error: handshake.error,
        versions,
        ...(legacy && {
          legacyProtocol: legacyVersion,
          cipher: legacy.cipher,
          certificate: legacy.certificate,
          chain: scan?.chains[legacyVersion!] ?? [],
        }),
      },
    };
  }

  const { protocol, leaf, verification, cipher, alpn, peerChain: verifiedChain } = session!;
  const sentChain = protocol ? scan?.chains[protocol] : undefined;
  const chain = sentChain ?? verifiedChain;
  const details = {
    ...base,
    protocol,
    cipher,
    alpn,
    authorized: verification.code === null,
    verifyError: verification.verifyError,
    hostnameMatches: verification.hostnameMatches,
    problems: verification.problems,
    certificate: leaf,
    chain,
    chainAsSent: Boolean(sentChain),
    versions,
  };

  if (verification.code) {
    return { code: verification.code, summary: certificateSummary(verification.code, label, formatHostPort(target.host), leaf, chain), details };
  }
  const expiresSoon = leaf.daysLeft < EXPIRY_WARNING_DAYS;
  return {
    code: 'TLS_OK',
    severity: expiresSoon ? 'warn' : 'ok',
    summary: expiresSoon
      ? `${protocol} handshake with ${label} succeeded, but the certificate expires in ${leaf.daysLeft} days.`
      : `${protocol} handshake with ${label} succeeded; the certificate is trusted and valid for ${leaf.daysLeft} more days.`,
    details,
  };
}

/** What a finished handshake says, read while its socket is still open. */
function readSession(socket: tls.TLSSocket, host: string, now: number) {
  const protocol = socket.getProtocol();
  const leaf = describeCertificate(socket.getPeerCertificate(), now);
  return {
    protocol,
    leaf,
    verification: verifyCertificate(socket, host, leaf, now),
    cipher: socket.getCipher(),
    alpn: socket.alpnProtocol || null,
    peerChain: peerChain(socket),
  };
}
