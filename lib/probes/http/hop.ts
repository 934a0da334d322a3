import 'server-only';
import type net from 'node:net';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';
import type { PortTarget } from '../run/target';
import { connectTcp, tcpFailureFinding } from '../tcp/connect';
import { describeCertificate, peerChain } from '../tls/certificate';
import { sniFor, tlsHandshake } from '../tls/handshake';
import { certificateSummary, handshakeSummary } from '../tls/summary';
import { trustedFingerprints, trustOptions } from '../tls/trust';
import { verifyCertificate } from '../tls/verify';
import { getOverSocket, type Exchange } from './exchange';

/** Phase timings of one request, in ms. */
interface HopTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  totalMs?: number;
}

/** One request that got an HTTP answer. */
export interface HopAnswer {
  ok: true;
  exchange: Exchange;
  address: string;
  timings: HopTimings;
  tls: Record<string, unknown> | null;
}

/** One request that failed below HTTP (DNS, TCP, TLS) or timed out. */
export interface HopFailure {
  ok: false;
  finding: Finding;
}

/**
 * One GET of `url` through the guarded path: resolve `target` (the URL's host
 * and port) once and check it (throws TargetForbiddenError), connect to the
 * checked IP, TLS with SNI = the name and full verification for https, then
 * the request with Host = the name.
 */
export async function requestHop(url: URL, target: PortTarget, context: ProbeContext, deadline: Deadline): Promise<HopAnswer | HopFailure> {
  const start = performance.now();
  const { host, port } = target;
  const timings: HopTimings = {};
  const resolved = await resolveTarget(host, context, deadline);
  timings.dnsMs = resolved.dnsMs;
  if (!resolved.ok) return { ok: false, finding: withTimings(resolved.finding, timings) };
  const base = { address: resolved.address, addresses: resolved.addresses, port };

  const tcp = await connectTcp(resolved.address, port, deadline.remaining());
  timings.connectMs = tcp.connectMs;
  if (!tcp.ok) return { ok: false, finding: tcpFailureFinding(tcp, url.host, deadline.budgetMs, { ...base, timings }) };

  let socket: net.Socket = tcp.socket;
  let tls: Record<string, unknown> | null = null;
  if (url.protocol === 'https:') {
    const handshake = await tlsHandshake(tcp.socket, {
      servername: sniFor(host),
      timeoutMs: deadline.remaining(),
      alpn: ['http/1.1'],
      ...trustOptions(context.extraCa),
    });
    timings.tlsMs = handshake.handshakeMs;
    if (!handshake.ok) {
      const summary = handshakeSummary(handshake.code, url.host, deadline.budgetMs);
      return { ok: false, finding: { code: handshake.code, summary, details: { ...base, timings, phase: 'tls', error: handshake.error } } };
    }
    const now = Date.now();
    const leaf = describeCertificate(handshake.socket.getPeerCertificate(), now);
    const verification = verifyCertificate(handshake.socket, host, leaf, now, trustedFingerprints(context.extraCa));
    tls = { protocol: handshake.socket.getProtocol(), cipher: handshake.socket.getCipher().name, certificate: leaf, ...verification };
    if (verification.code) {
      handshake.socket.destroy();
      const summary = certificateSummary(verification.code, url.host, formatHostPort(host), leaf, peerChain(handshake.socket));
      return { ok: false, finding: { code: verification.code, summary, details: { ...base, timings, phase: 'tls', tls } } };
    }
    socket = handshake.socket;
  }

  const exchange = await getOverSocket(socket, url, deadline.remaining());
  timings.firstByteMs = exchange.firstByteMs;
  timings.totalMs = Math.round((performance.now() - start) * 10) / 10;
  if (!exchange.ok) {
    const findings = {
      timeout: { code: 'HTTP_TIMEOUT', summary: `${url.href} sent no HTTP response within ${deadline.budgetMs} ms.` },
      reset: { code: 'TCP_RESET', summary: `${url.host} closed the connection without an HTTP response (${exchange.error}).` },
      malformed: { code: 'HTTP_SERVER_ERROR', summary: `${url.host} answered with something that is not HTTP (${exchange.error}).` },
    } as const;
    const { code, summary } = findings[exchange.reason];
    return { ok: false, finding: { code, summary, details: { ...base, timings, tls, phase: 'http', error: exchange.error } } };
  }
  return { ok: true, exchange, address: resolved.address, timings, tls };
}

function withTimings(finding: Finding, timings: HopTimings): Finding {
  return { ...finding, details: { ...finding.details, timings } };
}
