// zod/mini like the result schema: the flow runtime may check requests in the browser too.
import * as z from 'zod/mini';
import { formatHostPort, parseHost } from '@/lib/address';
import { PROBE_TYPES } from './codes';
import type { ProbeInputError } from './errors';
import { formatResolver, readResolver } from './resolver';
import { readUrl } from './url';

/** Shortest timeoutMs a caller may ask for. */
export const MIN_TIMEOUT_MS = 100;
/** Longest timeoutMs accepted at all; the server then cuts it to its own cap. */
export const MAX_REQUEST_TIMEOUT_MS = 60_000;

interface Budget {
  /** The caller's time budget; the probe type's default when absent. */
  timeoutMs?: number;
}

/** Records of a name; `resolver` is `ip:port` (IPv6 in brackets) when the caller chose one. */
interface DnsProbeRequest extends Budget {
  type: 'dns';
  host: string;
  resolver?: string;
}

/** A TCP connect or TLS handshake to `host:port`. */
interface PortProbeRequest extends Budget {
  type: 'tcp' | 'tls';
  host: string;
  port: number;
}

/** A GET of an http or https URL (without fragment). */
interface HttpProbeRequest extends Budget {
  type: 'http';
  url: string;
}

/** Ping, traceroute or path MTU towards a host. */
interface HostProbeRequest extends Budget {
  type: 'ping' | 'traceroute' | 'mtu';
  host: string;
}

/**
 * A validated probe request, one shape per `type`, every value canonical:
 * hosts as `@/lib/address` writes them (lower-case name, dotted-quad IPv4,
 * IPv6 without brackets), tls's default port filled in, and an http probe
 * given as host and port turned into its URL.
 */
export type ProbeRequest = DnsProbeRequest | PortProbeRequest | HttpProbeRequest | HostProbeRequest;

const FIELDS = ['type', 'host', 'port', 'url', 'resolver', 'timeoutMs'] as const;
const missingOr = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);

function wholeNumber(min: number, max: number) {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: missingOr('must be a number') }).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, { error: range }));
}

/** A string field read by `read`, whose problem becomes the field's message. */
function readField<T extends object>(read: (value: string) => T | { problem: string }) {
  return z.pipe(
    z.string({ error: missingOr('must be a string') }),
    z.transform((value: string, payload) => {
      const result = read(value);
      if (!('problem' in result)) return result;
      payload.issues.push({ code: 'custom', message: String(result.problem), input: value });
      return z.NEVER;
    }),
  );
}

const readHost = (value: string) => {
  const read = parseHost(value);
  return read.ok ? read.address : { problem: read.message };
};

/**
 * Field by field, in this order: types, ranges, addresses and unknown fields,
 * each message naming its field. Built on first use, so a page that imports
 * the contract only for its codes or result schema does not build it.
 */
const buildBodySchema = () =>
  z.strictObject(
    {
      type: z.enum(PROBE_TYPES, { error: missingOr(`must be one of ${PROBE_TYPES.join(', ')}`) }),
      host: z.optional(readField(readHost)),
      port: z.optional(wholeNumber(1, 65535)),
      url: z.optional(readField(readUrl)),
      resolver: z.optional(readField(readResolver)),
      timeoutMs: z.optional(wholeNumber(MIN_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS)),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `is not a known field (expected ${FIELDS.join(', ')})`
          : issue.code === 'invalid_type'
            ? 'must be a JSON object'
            : undefined,
    },
  );

let bodySchema: ReturnType<typeof buildBodySchema> | undefined;
type Body = z.output<ReturnType<typeof buildBodySchema>>;
type Checked = { ok: true; request: ProbeRequest } | { ok: false; error: ProbeInputError };

const invalid = (field: string, message: string): Checked => ({
  ok: false,
  error: { code: 'INVALID_INPUT', field, message: `${field} ${message}` },
});

const ok = (request: ProbeRequest): Checked => ({ ok: true, request });

/** A field given to a type that does not take it, as the 400 for it. */
function misplacedField({ type, host, port, url, resolver }: Body): Checked | undefined {
  if (type === 'http' && url && (host || port !== undefined)) return invalid('url', 'cannot be combined with host or port: give one or the other');
  if (type !== 'http' && url) return invalid('url', `applies only to http probes; use host${type === 'tcp' || type === 'tls' ? ' and port' : ''}`);
  if (port !== undefined && type !== 'tcp' && type !== 'tls' && type !== 'http') return invalid('port', `does not apply to ${type} probes`);
  if (resolver && type !== 'dns') return invalid('resolver', 'applies only to dns probes');
  return undefined;
}

/** What each type needs, then the request in its canonical shape. */
function toRequest(body: Body): Checked {
  const misplaced = misplacedField(body);
  if (misplaced) return misplaced;
  const { type, host, port, url, resolver } = body;
  const budget = body.timeoutMs === undefined ? {} : { timeoutMs: body.timeoutMs };
  if (type === 'http') {
    if (url) return ok({ type, url: url.href, ...budget });
    if (host) return ok({ type, url: httpUrl(host.host, port ?? 80).href, ...budget });
    return invalid('url', 'is required for http probes (or give host and port)');
  }
  if (!host) return invalid('host', 'is required');
  switch (type) {
    case 'tcp':
      return port === undefined ? invalid('port', 'is required for tcp probes') : ok({ type, host: host.host, port, ...budget });
    case 'tls':
      return ok({ type, host: host.host, port: port ?? 443, ...budget });
    case 'dns':
      if (host.kind !== 'name') return invalid('host', 'must be a name for dns probes, not an IP address');
      return ok({ type, host: host.host, ...(resolver && { resolver: formatResolver(resolver) }), ...budget });
    default:
      return ok({ type, host: host.host, ...budget });
  }
}

/** The URL an http probe given as host and port fetches: https on 443, plain http on any other port. */
function httpUrl(host: string, port: number): URL {
  return new URL(`${port === 443 ? 'https' : 'http'}://${formatHostPort(host, port)}/`);
}

/**
 * Validates a parsed JSON body exactly as `POST /api/probe` does before its
 * target policy: the request, or the first problem as the API's 400 error,
 * whose `field` names the field at fault (`body` when it is not an object).
 * Pure and browser-safe; whether the target may be probed is the server's call.
 */
export function parseProbeRequest(body: unknown): { ok: true; request: ProbeRequest } | { ok: false; error: ProbeInputError } {
  const parsed = (bodySchema ??= buildBodySchema()).safeParse(body);
  if (parsed.success) return toRequest(parsed.data);
  const issue = parsed.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys[0] ?? (issue.path.length ? issue.path.map(String).join('.') : 'body');
  return { ok: false, error: { code: 'INVALID_INPUT', message: `${field} ${issue.message}`, field } };
}
