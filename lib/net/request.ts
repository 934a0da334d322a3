import { pickClient, type TrustProxy } from './trust-proxy';

/** Where a request came from, kept apart for audit lines: who it is counted as, and the evidence. */
export interface RequestAddresses {
  /** The client per TRUST_PROXY: what rate limits and audit rows count against. */
  client: string;
  /** The peer of the TCP connection, as the server saw it (see socketAddressOf). */
  socket: string;
  /** The X-Forwarded-For entries left of the socket's, as sent (client-controlled unless a trusted proxy wrote them). */
  forwarded: string[];
}

const entries = (header: string | null): string[] =>
  header?.split(',').map((part) => part.trim()).filter(Boolean) ?? [];

/**
 * The socket's peer address as a route handler can learn it under `next start`. Next 16 gives
 * route handlers no socket (no `request.ip`); its server writes `socket.remoteAddress` into
 * `X-Forwarded-For` only when the request arrived without that header (base-server:
 * `x-forwarded-for ??= socket.remoteAddress`). So the last entry is the peer when the header
 * was absent, and otherwise whatever the nearest hop wrote last; `unknown` when there is none.
 * X-Real-IP is never read: nothing in our deployment sets it, so only a client could.
 */
function socketAddressOf(request: Request): { socket: string; forwarded: string[] } {
  const chain = entries(request.headers.get('x-forwarded-for'));
  const socket = chain.pop() ?? 'unknown';
  return { socket, forwarded: chain };
}

/**
 * The client, socket and forwarded chain of a request under TRUST_PROXY (`trust`). The one
 * rule for every place that counts or records a client: the probe API and sign-in.
 */
export function requestAddresses(request: Request, trust: TrustProxy): RequestAddresses {
  const { socket, forwarded } = socketAddressOf(request);
  return { client: pickClient(socket, forwarded, trust), socket, forwarded };
}
