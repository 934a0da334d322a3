import type { TimelineEvent } from './contract';

/** The latest server probe of one kind (`tcp`, `tls`, `http`…) on a case: its code, when and who ran it. */
interface ServerProbe {
  type: string;
  code: string;
  ok: boolean;
  at: string;
  by: string;
}

/** One check the customer's browser made (the `browser-check` event's `checks`). */
export interface BrowserCheck {
  kind: string;
  url?: string;
  outcome: 'reached' | 'failed' | 'timeout' | 'skipped';
  elapsedMs?: number;
  reason?: string;
}

/** What the case knows from each side: the server's latest probe per kind, the customer's latest browser check and pasted evidence. */
export interface Vantage {
  server: ServerProbe[];
  browser: { at: string; checks: BrowserCheck[]; clockOffsetMs: number | null } | null;
  evidence: { at: string; source: string; actor: string; codes: string[] } | null;
}

/** How a failure looked from the customer's side, or that they got through. */
export type CustomerState = 'reached' | 'dropped' | 'refused' | 'dns' | 'tls' | 'none';

/** The one-line reading of both sides; null when a side has nothing to say yet. */
export type VantageReading = 'both-reach' | 'customer-network-drops' | 'customer-side-refuses' | 'customer-dns' | 'customer-tls' | 'server-side-only' | 'both-fail';

/**
 * A browser's failure that took this long was not a refusal: a refused or reset connection
 * fails within a round trip or two, while a connection whose packets are dropped fails only
 * when the operating system gives up retrying (about 21 s on Windows) or our own timer fires.
 */
const SILENT_DROP_MS = 3_000;

/** A clock this far off makes valid certificates look expired or not yet valid. */
const CLOCK_SKEW_MS = 5 * 60_000;

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Whether a browser check failed slowly enough to be a silent drop rather than a refusal. */
export function isSilentDrop(check: BrowserCheck): boolean {
  return check.outcome === 'timeout' || (check.outcome === 'failed' && (check.elapsedMs ?? 0) >= SILENT_DROP_MS);
}

/**
 * What a case knows from both vantage points, read from its timeline (oldest first): the latest
 * probe of each kind the Fixpath server ran, the latest `browser-check` and the latest
 * `evidence` (customer's or staff's) with its finding codes.
 */
export function vantageOf(events: readonly TimelineEvent[]): Vantage {
  const server = new Map<string, ServerProbe>();
  let browser: Vantage['browser'] = null;
  let evidence: Vantage['evidence'] = null;
  for (const event of events) {
    const payload = asRecord(event.payload);
    if (event.kind === 'probe') {
      const request = asRecord(payload.request);
      const result = asRecord(payload.result);
      if (typeof request.type !== 'string' || typeof result.code !== 'string') continue;
      server.delete(request.type);
      server.set(request.type, { type: request.type, code: result.code, ok: result.ok === true, at: event.at, by: event.actor });
    } else if (event.kind === 'browser-check') {
      const checks = Array.isArray(payload.checks) ? (payload.checks.map(asRecord) as unknown as BrowserCheck[]) : [];
      const offset = asRecord(payload.clock).offsetMs;
      browser = { at: event.at, checks, clockOffsetMs: typeof offset === 'number' ? offset : null };
    } else if (event.kind === 'evidence') {
      const findings = Array.isArray(asRecord(payload.parsed).findings) ? (asRecord(payload.parsed).findings as unknown[]) : [];
      const codes = findings.map((finding) => asRecord(finding).code).filter((code): code is string => typeof code === 'string');
      evidence = { at: event.at, source: String(payload.source ?? ''), actor: event.actor, codes };
    }
  }
  return { server: [...server.values()], browser, evidence };
}

const DROPPED = new Set(['TCP_TIMEOUT', 'TLS_HANDSHAKE_TIMEOUT', 'HTTP_TIMEOUT', 'TCP_UNREACHABLE', 'PING_UNREACHABLE', 'TRACE_INCOMPLETE']);
const REFUSED = new Set(['TCP_REFUSED', 'TCP_RESET', 'TLS_RESET']);
const TLS = new Set(['TLS_CERT_EXPIRED', 'TLS_CERT_NOT_YET_VALID', 'TLS_HOSTNAME_MISMATCH', 'TLS_INCOMPLETE_CHAIN', 'TLS_SELF_SIGNED', 'TLS_UNTRUSTED_ROOT', 'TLS_PROTOCOL_MISMATCH', 'TLS_NOT_TLS']);
const REACHED = new Set(['TCP_OPEN', 'TLS_OK', 'HTTP_OK', 'HTTP_REDIRECT', 'HTTP_CLIENT_ERROR', 'HTTP_SERVER_ERROR']);

/**
 * How the customer's side looks, worst first: a name that does not resolve, a certificate
 * problem, a silent drop, a refusal; else that they reached the server; `none` when neither the
 * browser check nor the evidence says either way.
 */
function customerState(vantage: Vantage): CustomerState {
  const codes = vantage.evidence?.codes ?? [];
  const checks = (vantage.browser?.checks ?? []).filter((check) => check.outcome !== 'skipped');
  if (codes.some((code) => code.startsWith('DNS_') && code !== 'DNS_OK')) return 'dns';
  if (codes.some((code) => TLS.has(code))) return 'tls';
  if (codes.some((code) => DROPPED.has(code)) || checks.some(isSilentDrop)) return 'dropped';
  if (codes.some((code) => REFUSED.has(code)) || checks.some((check) => check.outcome === 'failed')) return 'refused';
  if (codes.some((code) => REACHED.has(code)) || checks.some((check) => check.outcome === 'reached')) return 'reached';
  return 'none';
}

/**
 * The one-line reading where the two sides can be compared: e.g. the server's probes pass while
 * the customer's connection fails after 21 s (`customer-network-drops`: something on the
 * customer's network drops it), or the customer gets through while the server's probes fail
 * (`server-side-only`). `clockSkew` is set when the customer's clock is off by 5 minutes or
 * more, which breaks certificates on its own.
 */
export function readVantage(vantage: Vantage): { reading: VantageReading | null; customer: CustomerState; clockSkew: boolean } {
  const customer = customerState(vantage);
  const clockSkew = Math.abs(vantage.browser?.clockOffsetMs ?? 0) >= CLOCK_SKEW_MS;
  const server = vantage.server.length === 0 ? 'none' : vantage.server.every((probe) => probe.ok) ? 'ok' : 'fail';
  let reading: VantageReading | null = null;
  if (server === 'ok') {
    reading = ({ reached: 'both-reach', dropped: 'customer-network-drops', refused: 'customer-side-refuses', dns: 'customer-dns', tls: 'customer-tls', none: null } as const)[customer];
  } else if (server === 'fail' && customer !== 'none') {
    reading = customer === 'reached' ? 'server-side-only' : 'both-fail';
  }
  return { reading, customer, clockSkew };
}
