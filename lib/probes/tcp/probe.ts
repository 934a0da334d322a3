import 'server-only';
import { formatHostPort } from '@/lib/address';
import { resolveTarget } from '../policy/resolve';
import type { ProbeContext } from '../run/context';
import type { Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';
import type { PortTarget } from '../run/target';
import { connectTcp, tcpFailureFinding } from './connect';

/** Resolves and checks the host, then times one TCP connect to the checked address. */
export async function probeTcp(target: PortTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
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
