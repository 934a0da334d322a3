import 'server-only';
import { isIpLiteral } from '@/lib/address';
import type net from 'node:net';
import tls from 'node:tls';
import { since } from '../run/deadline';

/** The TLS codes a handshake that did not complete can have. */
export type HandshakeFailureCode = 'TLS_NOT_TLS' | 'TLS_PROTOCOL_MISMATCH' | 'TLS_HANDSHAKE_TIMEOUT' | 'TLS_RESET';

/** Options for one handshake over an open TCP socket. */
export interface HandshakeOptions {
  /** SNI; omitted for IP targets (SNI may not carry an IP). */
  servername?: string;
  timeoutMs: number;
  ca?: string[];
  /** A prepared trust store (see trustOptions); takes precedence over `ca`. */
  secureContext?: tls.SecureContext;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  alpn?: string[];
  /**
   * Count the handshake as done once TLS 1.2 or older has its key material
   * (the `CLIENT_RANDOM` key log line): by then the server has chosen the
   * version and sent its certificate, one round trip before its Finished.
   * For a scan that only reads the version and the certificate.
   */
  early?: boolean;
}

/** A finished handshake; the certificate is readable even when it is bad. */
export interface Handshaken {
  ok: true;
  socket: tls.TLSSocket;
  handshakeMs: number;
}

/** A handshake that did not finish. */
export interface NotHandshaken {
  ok: false;
  code: HandshakeFailureCode;
  error: string;
  handshakeMs: number;
}

const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_SSL_UNEXPECTED_EOF_WHILE_READING']);
const NOT_TLS = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_RECORD_LENGTH_MISMATCH',
  'ERR_SSL_UNKNOWN_PROTOCOL',
]);

/** The SNI for a host: its name, never an IP literal (SNI may not carry one). */
export function sniFor(host: string): string | undefined {
  return isIpLiteral(host) ? undefined : host;
}

/** Maps a handshake error code (OpenSSL's, as Node names it) to a TLS result code. */
function classifyHandshakeError(code: string | undefined): HandshakeFailureCode {
  if (code && RESET.has(code)) return 'TLS_RESET';
  if (code && NOT_TLS.has(code)) return 'TLS_NOT_TLS';
  return 'TLS_PROTOCOL_MISMATCH';
}

/**
 * One TLS handshake over `raw` that never rejects a certificate
 * (rejectUnauthorized: false, no identity check), so the caller can read and
 * classify it from `authorizationError`. Has its own timer.
 */
export function tlsHandshake(raw: net.Socket, options: HandshakeOptions): Promise<Handshaken | NotHandshaken> {
  const start = performance.now();
  return new Promise((resolve) => {
    const socket = tls.connect({
      socket: raw,
      servername: options.servername,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      ALPNProtocols: options.alpn,
      ca: options.ca,
      secureContext: options.secureContext,
      minVersion: options.minVersion,
      maxVersion: options.maxVersion,
      ciphers: options.ciphers,
    });
    let settled = false;
    const finish = (result: Handshaken | NotHandshaken) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) {
        socket.destroy();
        raw.destroy();
      }
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, code: 'TLS_HANDSHAKE_TIMEOUT', error: 'timeout', handshakeMs: since(start) }),
      options.timeoutMs,
    );
    // Errors after the handshake belong to the caller; this keeps an unheard one from crashing the process.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, code: classifyHandshakeError(error.code), error: error.code ?? error.message, handshakeMs: since(start) }),
    );
    socket.once('close', () => finish({ ok: false, code: 'TLS_RESET', error: 'closed', handshakeMs: since(start) }));
    socket.once('secureConnect', () => finish({ ok: true, socket, handshakeMs: since(start) }));
    if (options.early) {
      // TLS 1.3 logs its secrets before the certificate arrives, under other names, so it waits for secureConnect.
      socket.on('keylog', (line) => {
        if (line.subarray(0, 14).toString() === 'CLIENT_RANDOM ') finish({ ok: true, socket, handshakeMs: since(start) });
      });
    }
  });
}

/**
 * Closes a finished handshake politely: close_notify and FIN after the
 * client's last handshake message, so the server completes its side and logs
 * no reset. A server that never closes back is cut after `graceMs`.
 */
export function closeGently(socket: tls.TLSSocket, graceMs = 1000): void {
  const timer = setTimeout(() => socket.destroy(), graceMs).unref();
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
  socket.end();
}
