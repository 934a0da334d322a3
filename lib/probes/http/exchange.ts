import 'server-only';
import http from 'node:http';
import type net from 'node:net';
import { since } from '../run/deadline';

/** The response to one GET, read up to a cap. */
export interface Exchange {
  ok: true;
  status: number;
  statusText: string;
  httpVersion: string;
  headers: http.IncomingHttpHeaders;
  /** Local time (ms since epoch) when the headers arrived, for clock skew. */
  receivedAt: number;
  firstByteMs: number;
  bodyBytes: number;
  bodyTruncated: boolean;
}

/** A GET that got no usable answer. */
export interface NoExchange {
  ok: false;
  reason: 'timeout' | 'reset' | 'malformed';
  error: string;
  firstByteMs: number;
}

/** Cap on the response body read, in bytes: the probe needs the status, not the page. */
export const BODY_CAP_BYTES = 64 * 1024;

/** The User-Agent probes send. */
const PROBE_USER_AGENT = 'Fixpath-probe/1.0 (+support diagnostics)';

/**
 * Sends one GET over an already-connected (and already-checked) socket using
 * node:http, so nothing resolves or connects behind the policy's back. The
 * Host header keeps the name. Reads at most BODY_CAP_BYTES of the body.
 */
export function getOverSocket(socket: net.Socket, url: URL, timeoutMs: number): Promise<Exchange | NoExchange> {
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Exchange | NoExchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      socket.destroy();
      resolve(result);
    };
    const request = http.request({
      createConnection: () => socket,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { Host: url.host, 'User-Agent': PROBE_USER_AGENT, Accept: '*/*', Connection: 'close' },
    });
    let timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', error: 'timeout', firstByteMs: since(start) }),
      timeoutMs,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      finish({ ok: false, reason: code.startsWith('HPE_') ? 'malformed' : 'reset', error: code, firstByteMs: since(start) });
    });
    request.on('response', (response) => {
      const firstByteMs = since(start);
      const receivedAt = Date.now();
      let bodyBytes = 0;
      let bodyTruncated = false;
      const done = () =>
        finish({
          ok: true,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          httpVersion: response.httpVersion,
          headers: response.headers,
          receivedAt,
          firstByteMs,
          bodyBytes,
          bodyTruncated,
        });
      clearTimeout(timer);
      // The status is known: a slow body only ends the read early.
      timer = setTimeout(() => {
        bodyTruncated = true;
        done();
      }, Math.max(1, timeoutMs - firstByteMs));
      response.on('data', (chunk: Buffer) => {
        bodyBytes += chunk.length;
        if (bodyBytes >= BODY_CAP_BYTES) {
          bodyBytes = Math.min(bodyBytes, BODY_CAP_BYTES);
          bodyTruncated = true;
          done();
        }
      });
      response.on('end', done);
      response.on('error', done);
      response.on('aborted', done);
    });
    request.end();
  });
}
