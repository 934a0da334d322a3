import type { EvidenceCode } from '../codes';
import type { Finding } from '../types';
import { capture, finding, unique } from '../text';
import { tlsCodesIn, tlsSummary } from './tls-words';

/** Does this look like `openssl s_client` output? */
export function looksLikeOpenssl(text: string): boolean {
  return /^CONNECTED\(0|^verify (?:return|error):|Verify return code: \d+|^CONNECTION ESTABLISHED$|BIO_connect|^connect:errno=\d+|s_client|^Verification(?: error)?: /m.test(text);
}

// OpenSSL's X509_V_ERR numbers (openssl verify(1)), as the TLS probe classifies them.
const VERIFY_CODES: Record<number, EvidenceCode> = {
  2: 'TLS_UNTRUSTED_ROOT',
  9: 'TLS_CERT_NOT_YET_VALID',
  10: 'TLS_CERT_EXPIRED',
  18: 'TLS_SELF_SIGNED',
  19: 'TLS_UNTRUSTED_ROOT',
  20: 'TLS_UNTRUSTED_ROOT',
  21: 'TLS_INCOMPLETE_CHAIN',
  62: 'TLS_HOSTNAME_MISMATCH',
};

const ERRNO: Record<number, { code: EvidenceCode; summary: string }> = {
  111: { code: 'TCP_REFUSED', summary: 'The connection was refused: nothing listens on that port, or a firewall rejects it.' },
  61: { code: 'TCP_REFUSED', summary: 'The connection was refused: nothing listens on that port, or a firewall rejects it.' },
  110: { code: 'TCP_TIMEOUT', summary: 'Connecting timed out: something silently drops the traffic.' },
  60: { code: 'TCP_TIMEOUT', summary: 'Connecting timed out: something silently drops the traffic.' },
  113: { code: 'TCP_UNREACHABLE', summary: 'The server is unreachable from this computer (no route).' },
  65: { code: 'TCP_UNREACHABLE', summary: 'The server is unreachable from this computer (no route).' },
  104: { code: 'TLS_RESET', summary: 'The server reset the connection during the TLS handshake.' },
  54: { code: 'TLS_RESET', summary: 'The server reset the connection during the TLS handshake.' },
};

/** What the handshake showed about the server's certificate and the session. */
function session(text: string) {
  return {
    subject: capture(text, /^subject=(.+)$/m) ?? capture(text, /^Peer certificate: (.+)$/m),
    issuer: capture(text, /^issuer=(.+)$/m),
    notAfter: capture(text, /^[ \t]*0 s:[\s\S]*?NotAfter: ([^\n]+)/m) ?? capture(text, /^notAfter=(.+)$/m),
    protocol: capture(text, /^New, (TLSv[\d.]+|SSLv\d), Cipher/m) ?? capture(text, /^Protocol version: (\S+)/m),
    cipher: capture(text, /Cipher is (\S+)/) ?? capture(text, /^Ciphersuite: (\S+)/m),
    verifyReturn: capture(text, /Verify return code: (\d+ \([^)]*\))/),
  };
}

/** The connect failure, or every certificate problem OpenSSL reported, or TLS_OK. */
export function parseOpenssl(text: string): Finding[] {
  const errno = Number(capture(text, /^connect:errno=(\d+)/m) ?? capture(text, /^write:errno=(\d+)/m));
  if (ERRNO[errno] && !/^CONNECTED\(/m.test(text)) return [finding(ERRNO[errno].code, ERRNO[errno].summary, { errno })];
  if (/BIO_connect:Connection refused|Connection refused/.test(text) && !/^CONNECTED\(/m.test(text)) return [finding('TCP_REFUSED', ERRNO[111].summary, {})];
  const lookup = /BIO_lookup\S*:.*(?:Name or service not known|nodename nor servname provided|No address associated)|gethostbyname failure/.exec(text);
  if (lookup) return [finding('DNS_FAILED', 'openssl could not resolve the server name on this computer.', { error: lookup[0] })];
  if (errno === 104 || errno === 54) return [finding('TLS_RESET', ERRNO[errno].summary, { errno })];
  const details = session(text);
  const server = capture(text, /^subject=.*CN ?= ?([^,\n]+)/m) ?? 'the server';
  // Before the certificate: a wrong protocol shows up as an SSL routines error, with no peer certificate.
  const noCertificate = /no peer certificate available/.test(text);
  const handshake = noCertificate ? tlsCodesIn(text).filter((code) => code === 'TLS_NOT_TLS' || code === 'TLS_PROTOCOL_MISMATCH') : [];
  if (handshake.length > 0) return handshake.map((code) => finding(code, tlsSummary(code), details));
  const numbers = unique([...text.matchAll(/verify error:num=(\d+)/g), ...text.matchAll(/Verify return code: (\d+)/g)].map((match) => Number(match[1])));
  // Depth 0 "unable to get local issuer" followed by "unable to verify the first certificate" is one story: a missing intermediate.
  const kept = numbers.includes(21) ? numbers.filter((number) => number !== 20) : numbers;
  const fromNumbers = unique(kept.map((number) => VERIFY_CODES[number]).filter((code): code is EvidenceCode => code !== undefined));
  const fromWords = tlsCodesIn(capture(text, /^Verification error: (.+)$/m) ?? '');
  const problems = unique([...fromNumbers, ...fromWords]);
  if (problems.length > 0) return problems.map((code) => finding(code, tlsSummary(code, server), details));
  if (/^Verification: OK$|Verify return code: 0 \(ok\)/m.test(text)) return [finding('TLS_OK', tlsSummary('TLS_OK', server), details)];
  if (/^CONNECTED\(|^CONNECTION ESTABLISHED$/m.test(text)) return [finding('TCP_OPEN', 'A connection was made, but the output does not show the TLS result.', details)];
  return [];
}
