import 'server-only';
import net from 'node:net';
import { since } from '../run/deadline';
import type { Finding } from '../run/finding';

/** A connected socket and how long the TCP handshake took. */
export interface Connected {
  ok: true;
  socket: net.Socket;
  connectMs: number;
}

/** A connection that failed, with the TCP_* code that names why. */
export interface NotConnected {
  ok: false;
  code: TcpFailureCode;
  error: string;
  connectMs: number;
}

/** The TCP codes a failed connection can have. */
export type TcpFailureCode = 'TCP_REFUSED' | 'TCP_TIMEOUT' | 'TCP_UNREACHABLE' | 'TCP_RESET';

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN', 'EAFNOSUPPORT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Maps a socket error code to the TCP result code. */
export function classifyTcpError(code: string | undefined): TcpFailureCode {
  if (code === 'ECONNREFUSED') return 'TCP_REFUSED';
  if (code === 'ETIMEDOUT') return 'TCP_TIMEOUT';
  if (code && RESET.has(code)) return 'TCP_RESET';
  if (code && UNREACHABLE.has(code)) return 'TCP_UNREACHABLE';
  return 'TCP_UNREACHABLE';
}

/**
 * Opens a TCP connection to an already-checked IP literal (never a name, so
 * no lookup happens here) with its own connect timer: Node has none.
 */
export function connectTcp(address: string, port: number, timeoutMs: number): Promise<Connected | NotConnected> {
  const start = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, noDelay: true });
    const finish = (result: Connected | NotConnected) => {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      resolve(result);
    };
    const onError = (error: NodeJS.ErrnoException) => {
      socket.destroy();
      finish({ ok: false, code: classifyTcpError(error.code), error: error.code ?? error.message, connectMs: since(start) });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish({ ok: false, code: 'TCP_TIMEOUT', error: 'ETIMEDOUT', connectMs: since(start) });
    }, timeoutMs);
    socket.once('error', onError);
    socket.once('connect', () => {
      // Later errors belong to whoever uses the socket; this keeps an unheard one from crashing the process.
      socket.on('error', () => {});
      finish({ ok: true, socket, connectMs: since(start) });
    });
  });
}

/** Describes a failed connection in one sentence. */
export function tcpFailureFinding(failure: NotConnected, target: string, timeoutMs: number, details: Record<string, unknown>): Finding {
  const summaries: Record<TcpFailureCode, string> = {
    TCP_REFUSED: `Connection to ${target} was refused: nothing listens on that port, or a firewall rejects it.`,
    TCP_TIMEOUT: `No answer from ${target} within ${timeoutMs} ms: the port is filtered or the host is down.`,
    TCP_UNREACHABLE: `${target} is unreachable from here (${failure.error}): no route to the host or network.`,
    TCP_RESET: `${target} reset the connection (${failure.error}).`,
  };
  return { code: failure.code, summary: summaries[failure.code], details: { ...details, phase: 'connect', error: failure.error } };
}
