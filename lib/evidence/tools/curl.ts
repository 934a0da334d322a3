import type { Finding } from '../types';
import { capture, finding, toNumber } from '../text';
import { httpFinding } from './http';
import { tlsCodesIn, tlsSummary } from './tls-words';

/** Does this look like `curl` output (verbose or not, any platform)? */
export function looksLikeCurl(text: string): boolean {
  return /\*\s+Trying\s|^\*\s+(Connected to|connect to|Host \S+ was resolved)|^curl: \(\d+\)|^\*\s+schannel:|^> (GET|HEAD|POST|PUT) \S+ HTTP\//m.test(text);
}

/** Where curl says it connected or tried to: host, address and port. */
function endpoint(text: string) {
  const connected = /Connected to (\S+) \(([^)]+)\) port (\d+)/.exec(text) ?? /Connected to (\S+)\s+port\s+(\d+)/.exec(text);
  const failed = /Failed to connect to (\S+) port (\d+)(?: after (\d+) ms)?/.exec(text);
  const trying = /\*\s+Trying\s+\[?([^\s\]]+?)\]?:(\d+)/.exec(text);
  if (connected && connected.length === 4) return { host: connected[1], address: connected[2], port: Number(connected[3]), connected: true };
  if (connected) return { host: connected[1], port: Number(connected[2]), connected: true };
  return {
    host: failed?.[1],
    address: trying?.[1],
    port: toNumber(failed?.[2] ?? trying?.[2]),
    afterMs: toNumber(failed?.[3]),
    connected: false,
  };
}

/** The verbose certificate lines curl prints after the handshake. */
function certificate(text: string) {
  return {
    subject: capture(text, /^\*\s+subject: (.+)$/m),
    notAfter: capture(text, /^\*\s+expire date: (.+)$/m),
    issuer: capture(text, /^\*\s+issuer: (.+)$/m),
    protocol: capture(text, /SSL connection using (\S+)/),
  };
}

function connectFailure(text: string, where: ReturnType<typeof endpoint>): Finding | undefined {
  const target = where.host && where.port ? `${where.host} port ${where.port}` : 'the server';
  const details = { host: where.host, address: where.address, port: where.port, afterMs: where.afterMs };
  if (/Could not resolve host:?\s*(\S+)/.test(text)) {
    const name = capture(text, /Could not resolve host:?\s*([^\s;]+)/);
    return finding('DNS_FAILED', `The name ${name} could not be resolved on this computer (curl does not say whether it does not exist or no DNS server answered).`, { name });
  }
  if (/Connection refused|actively refused/i.test(text)) return finding('TCP_REFUSED', `Connection to ${target} was refused: nothing listens there, or a firewall rejects it.`, details);
  if (/No route to host|Network is unreachable|Host is unreachable|unreachable host/i.test(text)) return finding('TCP_UNREACHABLE', `${target} is unreachable from this computer (no route).`, details);
  if (/Connection reset by peer|Recv failure: Connection reset/i.test(text)) return finding('TCP_RESET', `The connection to ${target} was reset.`, details);
  if (/connect timeout|Connection timed out|Timeout was reached|Operation timed out|timed out after \d+/i.test(text)) {
    return finding('TCP_TIMEOUT', `Connecting to ${target} timed out: something silently drops the traffic.`, details);
  }
  return undefined;
}

/**
 * Findings of `curl` output: the connect failure, or the TLS result and the HTTP status.
 * A verbose trace tells most; a bare `curl: (N)` line still tells the failure.
 */
export function parseCurl(text: string): Finding[] {
  const where = endpoint(text);
  const server = where.host ? `${where.host}${where.port ? `:${where.port}` : ''}` : 'the server';
  if (!where.connected) {
    const failure = connectFailure(text, where);
    if (failure) return [failure];
  }
  const cert = certificate(text);
  const tls = tlsCodesIn(text);
  if (tls.length > 0) return tls.map((code) => finding(code, tlsSummary(code, server), { host: where.host, port: where.port, ...cert }));
  const findings: Finding[] = [];
  const statuses = [...text.matchAll(/^< HTTP\/[\d.]+ (\d{3})(?: (.*))?$/gm)];
  const last = statuses.at(-1);
  // OpenSSL builds say the certificate verified; Schannel and Secure Transport only show the
  // handshake, and an HTTP answer after it proves the handshake (and the trust check) passed.
  const verified = /SSL certificate verify ok|SSL connection using/i.test(text);
  const handshake = /^\* (?:schannel:|TLSv1\.[0-3] \((?:IN|OUT)\)|ALPN: (?:curl )?offers)/m.test(text);
  if (verified || (handshake && last)) findings.push(finding('TLS_OK', tlsSummary('TLS_OK', server), { host: where.host, port: where.port, ...cert }));
  if (last) findings.push(httpFinding(Number(last[1]), server, { reason: last[2]?.trim(), location: capture(text, /^< location: (.+)$/im) }));
  else if (where.connected && /Operation timed out|timed out after|SSL connection timeout/i.test(text)) {
    // Timed out after the client hello and before any handshake result: the TLS handshake stalled.
    if (handshake && !verified) findings.push(finding('TLS_HANDSHAKE_TIMEOUT', `${server} accepted the connection but never completed the TLS handshake.`, { host: where.host, port: where.port }));
    else findings.push(finding('HTTP_TIMEOUT', `${server} accepted the connection but sent no HTTP response in time.`, { host: where.host, port: where.port }));
  }
  if (findings.length === 0 && where.connected && /Connection reset by peer|Recv failure: Connection reset/i.test(text)) {
    findings.push(finding('TCP_RESET', `${server} accepted the connection, then reset it before answering.`, { host: where.host, address: where.address, port: where.port }));
  }
  if (findings.length === 0 && where.connected) findings.push(finding('TCP_OPEN', `A connection to ${server} was made.`, { host: where.host, address: where.address, port: where.port }));
  if (findings.length === 0) {
    const failure = connectFailure(text, where);
    if (failure) findings.push(failure);
  }
  return findings;
}
