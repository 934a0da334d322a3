import 'server-only';
import { Resolver } from 'node:dns/promises';
import { formatResolver, type ResolverAddress } from '../contract/resolver';
import { hostsFileReader } from './hosts-file';
import { redactRecords, type AddressRecord } from './redact';
import { cachedNote } from './lookup-guard';
import { assertResolverAllowed } from '../policy/resolve';
import type { ProbeContext } from '../run/context';
import { since, type Deadline } from '../run/deadline';
import type { Finding } from '../run/finding';

/** What the DNS probe needs: a name and, optionally, which server to ask. */
export interface DnsTarget {
  name: string;
  resolver?: ResolverAddress;
}

type DnsCode = 'DNS_NXDOMAIN' | 'DNS_NODATA' | 'DNS_SERVFAIL' | 'DNS_REFUSED' | 'DNS_TIMEOUT';

/** c-ares error codes (as Node's dns.Resolver reports them) to result codes. */
const ERROR_CODES: Record<string, DnsCode> = {
  ENOTFOUND: 'DNS_NXDOMAIN',
  ENODATA: 'DNS_NODATA',
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_REFUSED',
  ECONNREFUSED: 'DNS_REFUSED',
  ETIMEOUT: 'DNS_TIMEOUT',
  ECANCELLED: 'DNS_TIMEOUT',
};

/** Definite answers outrank a timeout on the other record type. */
const PRECEDENCE: DnsCode[] = ['DNS_NXDOMAIN', 'DNS_SERVFAIL', 'DNS_REFUSED', 'DNS_NODATA', 'DNS_TIMEOUT'];

/** Maps one query's error code to a result code (malformed answers count as a server failure). */
function classifyDnsError(code: string | undefined): DnsCode {
  return (code && ERROR_CODES[code]) || 'DNS_SERVFAIL';
}

type QueryOutcome<T> = { records: T[]; ms: number } | { error: string; ms: number };

async function query<T>(run: () => Promise<T[]>): Promise<QueryOutcome<T>> {
  const start = performance.now();
  try {
    return { records: await run(), ms: since(start) };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN', ms: since(start) };
  }
}

const systemHostsFile = hostsFileReader();

/** The answers for a summary: shown addresses as they are, hidden ones counted by the kind of range they are in. */
function describe(records: readonly AddressRecord[]): string {
  const shown = records.filter((record) => !record.hidden).map((record) => record.address);
  const hidden = new Map<string, number>();
  for (const record of records) if (record.hidden) hidden.set(record.hidden, (hidden.get(record.hidden) ?? 0) + 1);
  const kinds = [...hidden].map(([kind, count]) => `${count === 1 ? 'an address' : `${count} addresses`} in a ${kind} range (not shown)`);
  return [...shown, ...kinds].join(', ');
}

/**
 * A name the system's hosts file lists never reaches DNS on this server, so that file is the
 * answer to report (`localhost` is not a name that "does not exist").
 */
function fromHostsFile(name: string, listed: readonly string[], context: ProbeContext): Finding {
  const shown = (family: (address: string) => boolean) =>
    redactRecords(listed.filter(family).map((address) => ({ address, ttl: 0 })), context.policy, context.dnsAnswers ?? 'redact');
  const records = { A: shown((address) => !address.includes(':')), AAAA: shown((address) => address.includes(':')), CNAME: [] };
  return {
    code: 'DNS_OK',
    summary: `${name} is listed in this server's hosts file as ${describe([...records.A, ...records.AAAA])}; DNS was not asked.`,
    details: { resolver: 'hosts-file', records, errors: {}, timings: {} },
  };
}

/**
 * Asks for A, AAAA and CNAME records through the system's DNS servers (after the hosts file) or the
 * chosen resolver (which the target policy checks first: it is a target too).
 * Uses c-ares with one try and the remaining budget, so each failure keeps its
 * DNS meaning (NXDOMAIN, no data, SERVFAIL, REFUSED, no answer).
 */
export async function probeDns(target: DnsTarget, context: ProbeContext, deadline: Deadline): Promise<Finding> {
  if (!target.resolver) {
    const listed = await systemHostsFile(target.name);
    if (listed) return fromHostsFile(target.name, listed, context);
  }
  const ip = target.resolver ? assertResolverAllowed(target.resolver.ip, target.resolver.port, context) : undefined;
  const server = target.resolver ? formatResolver(target.resolver) : 'system';
  const asked = target.resolver ? `the resolver ${server}` : 'the system resolver';
  const ask = () => queryAll(target.name, ip === undefined ? undefined : formatResolver({ ip, port: target.resolver!.port }), deadline.remaining());
  // One lookup for the per-caller cap and the negative cache, shared with target lookups through the same server.
  const outcome = context.lookups
    ? await context.lookups.run({ caller: context.caller, resolver: server, name: target.name, budgetMs: deadline.budgetMs }, ask, decidingError)
    : { fresh: await ask() };
  if ('cached' in outcome) {
    const note = cachedNote(outcome.cached);
    const code = classifyDnsError(outcome.cached.error);
    return {
      code,
      summary: `${failureSummary(code, target.name, server, asked, outcome.cached.budgetMs, false)} ${note.sentence}`,
      details: { resolver: server, records: { A: [], AAAA: [], CNAME: [] }, errors: { A: outcome.cached.error }, timings: {}, cached: note.cached },
    };
  }
  const { a, aaaa, cname } = outcome.fresh;

  const mode = context.dnsAnswers ?? 'redact';
  const records = {
    A: redactRecords('records' in a ? a.records : [], context.policy, mode),
    AAAA: redactRecords('records' in aaaa ? aaaa.records : [], context.policy, mode),
    CNAME: 'records' in cname ? cname.records : [],
  };
  const errors = Object.fromEntries(
    Object.entries({ A: a, AAAA: aaaa, CNAME: cname }).flatMap(([type, result]) => ('error' in result ? [[type, result.error]] : [])),
  );
  // The system resolver's own addresses are internal infrastructure: not reported.
  const details = {
    resolver: server,
    records,
    errors,
    timings: { aMs: a.ms, aaaaMs: aaaa.ms, cnameMs: cname.ms },
  };
  const answers = [...records.A, ...records.AAAA];
  if (answers.length > 0) {
    const alias = records.CNAME.length ? ` (alias of ${records.CNAME.join(', ')})` : '';
    return { code: 'DNS_OK', summary: `${target.name}${alias} resolves to ${describe(answers)} (according to ${asked}).`, details };
  }
  const codes = [errors.A, errors.AAAA].filter(Boolean).map(classifyDnsError);
  const code = PRECEDENCE.find((candidate) => codes.includes(candidate)) ?? 'DNS_NODATA';
  const connectionRefused = errors.A === 'ECONNREFUSED' || errors.AAAA === 'ECONNREFUSED';
  return { code, summary: failureSummary(code, target.name, server, asked, deadline.budgetMs, connectionRefused), details };
}

/** A, AAAA and CNAME at once through c-ares, one try within `timeoutMs`, at `server` (default: the system's). */
async function queryAll(name: string, server: string | undefined, timeoutMs: number) {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (server) resolver.setServers([server]);
  const backstop = setTimeout(() => resolver.cancel(), timeoutMs + 250);
  const [a, aaaa, cname] = await Promise.all([
    query(() => resolver.resolve4(name, { ttl: true })),
    query(() => resolver.resolve6(name, { ttl: true })),
    query(() => resolver.resolveCname(name)),
  ]);
  clearTimeout(backstop);
  return { a, aaaa, cname };
}

/** The c-ares code a name failed with when neither A nor AAAA answered (what the negative cache keeps), else undefined. */
function decidingError({ a, aaaa }: { a: QueryOutcome<unknown>; aaaa: QueryOutcome<unknown> }): string | undefined {
  if (('records' in a && a.records.length > 0) || ('records' in aaaa && aaaa.records.length > 0)) return undefined;
  const codes = [a, aaaa].map((outcome) => ('error' in outcome ? outcome.error : 'ENODATA'));
  const code = PRECEDENCE.find((candidate) => codes.some((error) => classifyDnsError(error) === candidate));
  return codes.find((error) => classifyDnsError(error) === code);
}

/** The sentence for a failed DNS probe. */
function failureSummary(code: DnsCode, name: string, server: string, asked: string, budgetMs: number, connectionRefused: boolean): string {
  const Asked = asked[0].toUpperCase() + asked.slice(1);
  const summaries: Record<DnsCode, string> = {
    DNS_NXDOMAIN: `${name} does not exist (NXDOMAIN, according to ${asked}).`,
    DNS_NODATA: `${name} exists but has no A or AAAA records (according to ${asked}).`,
    DNS_SERVFAIL: `${Asked} failed to answer for ${name} (SERVFAIL).`,
    DNS_REFUSED: connectionRefused ? `Nothing answers DNS at ${server} (connection refused).` : `${Asked} refused to answer for ${name} (REFUSED).`,
    DNS_TIMEOUT: `No answer from ${asked} for ${name} within ${budgetMs} ms.`,
  };
  return summaries[code];
}
