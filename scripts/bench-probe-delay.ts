/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for `oneWayMs` before
 * passing it on, in both directions: a round trip of 2 × oneWayMs for
 * benchmarks, where `tc netem` is not available. Connection set-up itself is
 * not delayed (the proxy accepts at once), so a TCP connect costs nothing and
 * a TLS handshake costs its round trips only.
 */
import net from 'node:net';

/** A running delay proxy. */
export interface DelayProxy {
  port: number;
  close(): Promise<void>;
}

/** Copies `from` to `to`, each chunk (and the end) `delayMs` later, in order. */
function delayedPipe(from: net.Socket, to: net.Socket, delayMs: number) {
  // Equal delays keep order: timers with the same timeout fire in the order they were set.
  from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => setTimeout(() => to.destroy(), delayMs));
  from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
}

/** Starts a proxy to 127.0.0.1:`targetPort` that delays each direction by `oneWayMs`. */
export async function startDelayProxy(targetPort: number, oneWayMs: number): Promise<DelayProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
    }
    delayedPipe(client, upstream, oneWayMs);
    delayedPipe(upstream, client, oneWayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
