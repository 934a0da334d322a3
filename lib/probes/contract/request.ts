import { z } from 'zod';
import type { ResolverAddress } from '../dns/probe';
import { formatHostPort, hostLabel, parseHost, type CanonicalHost } from '../host';
import { parseResolver } from '../dns/resolver';
import { PROBE_TYPES, type ProbeType } from './codes';

/** Shortest timeoutMs a caller may ask for. */
export const MIN_TIMEOUT_MS = 100;
/** Longest timeoutMs accepted at all; anything above MAX_TIMEOUT_MS is then cut to it. */
export const MAX_REQUEST_TIMEOUT_MS = 60_000;
/** Longest URL accepted. */
export const MAX_URL_LENGTH = 2048;

/** A validated probe, ready to run: canonical host, port, URL or resolver. */
export interface ProbePlan {
  type: ProbeType;
  /** The request field that named the target, for a 403's `field`. */
  targetField: 'host' | 'url';
  /** What the result's `target` says: `host`, `host:port` or the URL. */
  target: string;
  timeoutMs?: number;
  host?: CanonicalHost;
  port?: number;
  url?: URL;
  resolver?: ResolverAddress;
}

/** The 400 body's `error`: which field was wrong and why. */
export interface InputError {
  code: 'INVALID_INPUT';
  message: string;
  field: string;
}

const FIELDS = ['type', 'host', 'port', 'url', 'resolver', 'timeoutMs'] as const;
const PORTLESS: readonly ProbeType[] = ['dns', 'ping', 'traceroute', 'mtu'];
const missingOr = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);
const between = (min: number, max: number) => `must be a whole number from ${min} to ${max}`;

const hostField = z.string({ error: missingOr('must be a string') }).check((ctx) => {
  const parsed = parseHost(ctx.value);
  if ('problem' in parsed) ctx.issues.push({ code: 'custom', message: parsed.problem, input: ctx.value });
});

const urlField = z.string({ error: missingOr('must be a string') }).check((ctx) => {
  const problem = urlProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

const resolverField = z.string({ error: missingOr('must be a string') }).check((ctx) => {
  const parsed = parseResolver(ctx.value);
  if ('problem' in parsed) ctx.issues.push({ code: 'custom', message: parsed.problem, input: ctx.value });
});

function urlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH) return `is longer than ${MAX_URL_LENGTH} characters`;
  if (/[\u0000-\u0020\u007f]/.test(value)) return 'contains spaces or control characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid absolute URL (e.g. https://example.com/health)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, not ${url.protocol.replace(/:$/, '')}`;
  if (url.username || url.password) return 'must not contain credentials (user:password@)';
  const host = parseHost(url.hostname);
  return 'problem' in host ? `host ${host.problem}` : undefined;
}

/**
 * The request body of `POST /api/probe`. Validates every field with a message
 * naming it, checks which fields apply to which probe type, and outputs a
 * ProbePlan with the host canonicalised (IPv4 in any spelling as a dotted quad).
 */
export const probeRequestSchema = z
  .strictObject(
    {
      type: z.enum(PROBE_TYPES, { error: missingOr(`must be one of ${PROBE_TYPES.join(', ')}`) }),
      host: hostField.optional(),
      port: z
        .number({ error: missingOr('must be a number') })
        .int({ error: between(1, 65535) })
        .min(1, { error: between(1, 65535) })
        .max(65535, { error: between(1, 65535) })
        .optional(),
      url: urlField.optional(),
      resolver: resolverField.optional(),
      timeoutMs: z
        .number({ error: missingOr('must be a number') })
        .int({ error: between(MIN_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS) })
        .min(MIN_TIMEOUT_MS, { error: between(MIN_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS) })
        .max(MAX_REQUEST_TIMEOUT_MS, { error: between(MIN_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS) })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `is not a known field (expected ${FIELDS.join(', ')})`
          : issue.code === 'invalid_type'
            ? 'must be a JSON object'
            : undefined,
    },
  )
  .superRefine((request, ctx) => {
    const fail = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const { type } = request;
    if (type === 'http') {
      if (request.url !== undefined && (request.host !== undefined || request.port !== undefined)) {
        fail('url', 'cannot be combined with host or port: give one or the other');
      } else if (request.url === undefined && request.host === undefined) {
        fail('url', 'is required for http probes (or give host and port)');
      }
    } else {
      if (request.url !== undefined) fail('url', `applies only to http probes; use host${type === 'tcp' || type === 'tls' ? ' and port' : ''}`);
      else if (request.host === undefined) fail('host', 'is required');
    }
    if (type === 'tcp' && request.port === undefined) fail('port', 'is required for tcp probes');
    if (PORTLESS.includes(type) && request.port !== undefined) fail('port', `does not apply to ${type} probes`);
    if (request.resolver !== undefined && type !== 'dns') fail('resolver', 'applies only to dns probes');
    if (type === 'dns' && request.host !== undefined) {
      const host = parseHost(request.host);
      if ('kind' in host && host.kind === 'ip') fail('host', 'must be a name for dns probes, not an IP address');
    }
  })
  .transform((request): ProbePlan => {
    const plan: ProbePlan = { type: request.type, targetField: request.url === undefined ? 'host' : 'url', target: '', timeoutMs: request.timeoutMs };
    if (request.url !== undefined) {
      const url = new URL(request.url);
      url.hash = '';
      plan.url = url;
      plan.target = url.href;
      return plan;
    }
    const host = parseHost(request.host!) as CanonicalHost;
    plan.host = host;
    if (request.type === 'http') {
      const port = request.port ?? 80;
      plan.url = new URL(`${port === 443 ? 'https' : 'http'}://${formatHostPort(host, port)}/`);
      plan.target = plan.url.href;
    } else if (request.type === 'tcp' || request.type === 'tls') {
      plan.port = request.port ?? 443;
      plan.target = formatHostPort(host, plan.port);
    } else {
      plan.target = hostLabel(host);
    }
    if (request.resolver !== undefined) plan.resolver = parseResolver(request.resolver) as ResolverAddress;
    return plan;
  });

/** The API's request body type (what callers send). */
export type ProbeRequest = z.input<typeof probeRequestSchema>;

/** Validates a parsed JSON body: the plan, or the first problem as the 400 error. */
export function parseProbeRequest(body: unknown): { ok: true; plan: ProbePlan } | { ok: false; error: InputError } {
  const parsed = probeRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, plan: parsed.data };
  const issue = parsed.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys[0] ?? (issue.path.length ? issue.path.map(String).join('.') : 'body');
  return { ok: false, error: { code: 'INVALID_INPUT', message: `${field} ${issue.message}`, field } };
}
