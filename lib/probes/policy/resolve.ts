import 'server-only';
import { formatHostPort, isIpLiteral } from '@/lib/address';
import type { ProbeContext } from '../run/context';
import { since, type Deadline } from '../run/deadline';
import { cachedNote, type NegativeAnswer } from '../dns/lookup-guard';
import { FieldRefusedError, TargetForbiddenError } from './forbidden';
import { checkAddress, isAllowListed } from './ranges';
import type { Finding } from '../run/finding';

/** Where a probe may connect: every address the name had, all checked. */
export interface ResolvedTarget {
  ok: true;
  /** The address to connect to (the first checked one). */
  address: string;
  family: 4 | 6;
  addresses: string[];
  dnsMs: number;
}

/** A name that did not resolve, as a finding with a DNS_* code. */
export interface UnresolvedTarget {
  ok: false;
  finding: Finding;
  dnsMs: number;
}

const LOOKUP_CODES: Record<string, { code: Finding['code']; says: string }> = {
  ENOTFOUND: { code: 'DNS_NXDOMAIN', says: 'does not resolve (no such name, or no address for it)' },
  ENODATA: { code: 'DNS_NODATA', says: 'exists but has no address records' },
  EAI_NODATA: { code: 'DNS_NODATA', says: 'exists but has no address records' },
  EAI_FAIL: { code: 'DNS_SERVFAIL', says: 'could not be resolved: the resolver failed' },
  ESERVFAIL: { code: 'DNS_SERVFAIL', says: 'could not be resolved: the resolver failed' },
  EREFUSED: { code: 'DNS_REFUSED', says: 'could not be resolved: the resolver refused the query' },
  ECONNREFUSED: { code: 'DNS_REFUSED', says: 'could not be resolved: nothing answers DNS at the configured server' },
};

/**
 * Resolves `host` (canonical, as in a ProbeRequest) once and checks every
 * address against the policy, so the caller connects only to an address that
 * was checked (a later, different answer from DNS is never used). An IP
 * literal is checked as it is. Throws TargetForbiddenError when any address is
 * refused: a name that mixes public and internal addresses is refused whole.
 */
export async function resolveTarget(host: string, context: ProbeContext, deadline: Deadline): Promise<ResolvedTarget | UnresolvedTarget> {
  const start = performance.now();
  let addresses: string[];
  if (isIpLiteral(host)) {
    addresses = [host];
  } else {
    const looked = await lookupAddresses(host, context, deadline);
    if ('finding' in looked) return { ok: false, finding: looked.finding, dnsMs: since(start) };
    addresses = looked.addresses;
  }
  const checked = addresses.map((address) => checkAddress(address, context.policy));
  const refused = checked.find((decision) => !decision.allowed);
  if (refused && !refused.allowed) throw new TargetForbiddenError(formatHostPort(host), refused.address, refused.reason);
  const canonical = checked.map((decision) => decision.address);
  const address = canonical[0];
  return { ok: true, address, family: address.includes(':') ? 6 : 4, addresses: canonical, dnsMs: since(start) };
}

/** Checks an IP the caller named directly (a DNS resolver): it is a target too. */
function assertAddressAllowed(what: string, ip: string, context: ProbeContext): string {
  const decision = checkAddress(ip, context.policy);
  if (!decision.allowed) throw new TargetForbiddenError(what, decision.address, decision.reason);
  return decision.address;
}

/** Port DNS servers listen on. */
const DNS_PORT = 53;

/**
 * Checks a DNS server the caller chose: its address like any target, and its port 53 unless
 * PROBE_ALLOW names the address (a test resolver on loopback). Any other port would turn the
 * DNS probe into a UDP sender to arbitrary services (203.0.113.9:25).
 */
export function assertResolverAllowed(ip: string, port: number, context: ProbeContext): string {
  const checked = assertAddressAllowed('resolver', ip, context);
  if (port !== DNS_PORT && !isAllowListed(checked, context.policy)) {
    throw new FieldRefusedError('resolver', `resolver port must be ${DNS_PORT} (got ${port}); other ports only for resolvers PROBE_ALLOW covers`);
  }
  return checked;
}

/** One lookup's outcome: the addresses, or the c-ares code it failed with. */
type LookupAnswer = { addresses: string[] } | { error: string };

async function askLookup(host: string, context: ProbeContext, deadline: Deadline): Promise<LookupAnswer> {
  try {
    const addresses = await withTimer(context.lookup(host, deadline.remaining()), deadline.remaining() + 50);
    return addresses.length > 0 ? { addresses } : { error: 'ENODATA' };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException)?.code ?? 'UNKNOWN' };
  }
}

/**
 * The name's addresses through the context's lookup guard (per-caller cap, negative cache, one
 * query per burst; it throws LookupBusyError over the cap), or the DNS_* finding for a failure.
 */
async function lookupAddresses(host: string, context: ProbeContext, deadline: Deadline): Promise<{ addresses: string[] } | { finding: Finding }> {
  const ask = () => askLookup(host, context, deadline);
  const outcome = context.lookups
    ? await context.lookups.run({ caller: context.caller, resolver: 'system', name: host, budgetMs: deadline.budgetMs }, ask, (answer) => ('error' in answer ? answer.error : undefined))
    : { fresh: await ask() };
  if ('cached' in outcome) return { finding: lookupFailure(host, outcome.cached.error, outcome.cached.budgetMs, outcome.cached) };
  if ('error' in outcome.fresh) return { finding: lookupFailure(host, outcome.fresh.error, deadline.budgetMs) };
  return outcome.fresh;
}

class LookupTimeout extends Error {
  readonly code = 'ETIMEOUT';
}

function withTimer<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LookupTimeout('lookup timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function lookupFailure(host: string, errorCode: string, budgetMs: number, remembered?: NegativeAnswer): Finding {
  const note = remembered ? cachedNote(remembered) : undefined;
  const known = LOOKUP_CODES[errorCode];
  const says = known
    ? `${host} ${known.says}.`
    : errorCode === 'ETIMEOUT'
      ? `${host} did not resolve within ${budgetMs} ms.`
      : `${host} could not be resolved: the resolver did not answer (${errorCode}).`;
  return {
    code: known?.code ?? 'DNS_TIMEOUT',
    summary: note ? `${says} ${note.sentence}` : says,
    details: { phase: 'dns', error: errorCode, ...(note ? { cached: note.cached } : {}) },
  };
}
