import 'server-only';
import type tls from 'node:tls';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { ProbeContext } from '../run/context';
import { since, type Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';
import type { PortTarget } from '../run/target';
import { connectTcp, tcpFailureFinding } from '../tcp/connect';
import { describeCertificate, peerChain, type ChainLink } from './certificate';
import { closeGently, sniFor, tlsHandshake } from './handshake';
import { certificateSummary, handshakeSummary } from './summary';
import { rankTlsProblems, type TlsProblem } from './problems';
import { trustedFingerprints, trustOptions } from './trust';
import { leafProblems, verifyCertificate, type CertificateCode } from './verify';
import { acceptedLabel, scanVersions } from './versions';

/** Certificates that expire sooner than this are reported as a warning. */
const EXPIRY_WARNING_DAYS = 14;

/**
 * Connects to the checked address, performs one handshake with SNI that reads
 * the certificate even when it is bad, classifies it, and scans which TLS
 * versions the server accepts. The scan runs on its own connections at the
 * same time as the verifying handshake, so over a slow link the probe costs
 * about one handshake, not two. `details.problems` lists every problem found,
 * most important first (TLS_PROBLEM_ORDER); `code` is the first.
 */
export async function probeTls(target: PortTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const label = formatHostPort(target.host, target.port);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const timings: Record<string, number> = { dnsMs: resolved.dnsMs };
  const servername = sniFor(target.host);
  const base = { address: resolved.address, addresses: resolved.addresses, port: target.port, servername: servername ?? null, timings };

  const scanStart = performance.now();
  const scanning = scanVersions(resolved.address, target.port, servername, deadline.remaining(), Date.now()).then((scan) => {
    timings.scanMs = since(scanStart);
    return scan;
  });
  const tcp = await connectTcp(resolved.address, target.port, deadline.remaining());
  timings.connectMs = tcp.connectMs;
  if (!tcp.ok) {
    // The scan's connections fail the same way; wait so none outlives the probe.
    await scanning;
    return tcpFailureFinding(tcp, label, deadline.budgetMs, base);
  }

  const handshake = await tlsHandshake(tcp.socket, {
    servername,
    timeoutMs: deadline.remaining(),
    alpn: ['h2', 'http/1.1'],
    ...trustOptions(context.extraCa),
  });
  timings.handshakeMs = handshake.handshakeMs;
  const now = Date.now();
  const trusted = trustedFingerprints(context.extraCa);
  // Read the session before waiting for the scan: a server may close the connection meanwhile, and a closed socket has no certificate.
  const session = handshake.ok ? readSession(handshake.socket, target.host, now, trusted) : null;
  if (handshake.ok) closeGently(handshake.socket);
  const scan = await scanning;
  const scanWorthwhile = handshake.ok || handshake.code === 'TLS_PROTOCOL_MISMATCH';
  const versions = scanWorthwhile ? scan.accepted : null;
  const host = formatHostPort(target.host);

  if (!handshake.ok) {
    const accepted = versions ? acceptedLabel(versions) : undefined;
    const legacyVersion = scanWorthwhile ? Object.keys(scan.leaves)[0] : undefined;
    const legacy = legacyVersion ? scan.leaves[legacyVersion] : undefined;
    const legacyChain = legacyVersion ? (scan.chains[legacyVersion] ?? []) : [];
    const summary = handshakeSummary(handshake.code, label, deadline.budgetMs, accepted);
    // A server that speaks only an old version may also have a bad certificate: say so now, not after the upgrade.
    const legacyProblems = legacy ? rankTlsProblems([
      ...leafProblems(legacy.peer, target.host, legacy.certificate, now),
      ...(isUntrustedSelfSigned(legacyChain, trusted) ? (['TLS_SELF_SIGNED'] as const) : []),
    ]) as CertificateCode[] : [];
    return {
      code: handshake.code,
      summary,
      details: {
        ...base,
        phase: 'handshake',
        error: handshake.error,
        versions,
        problems: [
          { code: handshake.code, summary },
          ...legacyProblems.map((code) => ({ code, summary: certificateSummary(code, label, host, legacy!.certificate, legacyChain) })),
        ] satisfies TlsProblem[],
        ...(legacy && {
          legacyProtocol: legacyVersion,
          cipher: legacy.cipher,
          certificate: legacy.certificate,
          chain: legacyChain,
        }),
      },
    };
  }

  const { protocol, leaf, verification, cipher, alpn, peerChain: verifiedChain } = session!;
  const sentChain = protocol ? scan.chains[protocol] : undefined;
  const chain = sentChain ?? verifiedChain;
  const problems: TlsProblem[] = verification.problems.map((code) => ({ code, summary: certificateSummary(code, label, host, leaf, chain) }));
  const details = {
    ...base,
    protocol,
    cipher,
    alpn,
    authorized: verification.code === null,
    verifyError: verification.verifyError,
    hostnameMatches: verification.hostnameMatches,
    problems,
    certificate: leaf,
    chain,
    chainAsSent: Boolean(sentChain),
    versions,
  };

  if (problems.length) return { code: problems[0].code, summary: problems[0].summary, details };
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

/** The chain as sent is one self-issued certificate that the trust store does not hold. */
function isUntrustedSelfSigned(chain: readonly ChainLink[], trusted: ReadonlySet<string>): boolean {
  return chain.length === 1 && chain[0].selfIssued && !trusted.has(chain[0].fingerprint256);
}

/** What a finished handshake says, read while its socket is still open. */
function readSession(socket: tls.TLSSocket, host: string, now: number, trusted: ReadonlySet<string>) {
  const protocol = socket.getProtocol();
  const leaf = describeCertificate(socket.getPeerCertificate(), now);
  return {
    protocol,
    leaf,
    verification: verifyCertificate(socket, host, leaf, now, trusted),
    cipher: socket.getCipher(),
    alpn: socket.alpnProtocol || null,
    peerChain: peerChain(socket),
  };
}
