import 'server-only';
import type { ProbeContext } from '../run/context';
import { connectTcp, tcpFailureFinding } from './connect';
import type { Deadline } from '../run/deadline';
import { formatHostPort, type CanonicalHost } from '../host';
import { resolveTarget } from '../policy/resolve';
import type { Finding } from '../run/finding';

/** What the TCP probe needs: a host and a port. */
export interface TcpTarget {
  host: CanonicalHost;
  port: number;
}

/** Resolves and checks the host, then times one TCP connect to the checked address. */
export async function probeTcp(target: TcpTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  const label = formatHostPort(target.host, target.port);
  const resolved = await resolveTarget(target.host, context, deadline);
  if (!resolved.ok) return resolved.finding;
  const connected = await connectTcp(resolved.address, target.port, deadline.remaining());
  const details = {
    address: resolved.address,
    addresses: resolved.addresses,
    port: target.port,
    timings: { dnsMs: resolved.dnsMs, connectMs: connected.connectMs },
  };
  if (!connected.ok) return tcpFailureFinding(connected, label, deadline.budgetMs, details);
  connected.socket.destroy();
  return {
    code: 'TCP_OPEN',
    summary: `${label} accepts TCP connections.`,
    details,
  };
}
