import 'server-only';
import type { HopAnswer } from './hop';

const REPORTED_HEADERS = ['server', 'content-type', 'content-length', 'date', 'location', 'retry-after', 'strict-transport-security', 'via'];

/** One redirect followed (or refused), as the result lists it. */
export interface RedirectStep {
  url: string;
  status: number;
  location: string;
}

/** Parses Strict-Transport-Security, or null when absent. */
export function parseHsts(value: string | undefined): { maxAge: number | null; includeSubDomains: boolean; preload: boolean } | null {
  if (!value) return null;
  const parts = value.split(';').map((part) => part.trim().toLowerCase());
  const maxAge = parts.find((part) => part.startsWith('max-age='));
  return {
    maxAge: maxAge ? Number(maxAge.slice('max-age='.length).replace(/"/g, '')) : null,
    includeSubDomains: parts.includes('includesubdomains'),
    preload: parts.includes('preload'),
  };
}

/**
 * Seconds the server's Date header is ahead of (positive) or behind this
 * machine, or null. The header is truncated to the second, so the server's
 * clock read half a second later on average.
 */
export function clockSkewSeconds(dateHeader: string | undefined, receivedAt: number): number | null {
  if (!dateHeader) return null;
  const serverTime = Date.parse(dateHeader);
  return Number.isNaN(serverTime) ? null : Math.round((serverTime + 500 - receivedAt) / 1000);
}

/** Everything a result reports about the answer to `url`. */
export function responseDetails(hop: HopAnswer, url: URL, redirects: RedirectStep[]) {
  const { exchange } = hop;
  const headers = Object.fromEntries(REPORTED_HEADERS.flatMap((name) => (exchange.headers[name] ? [[name, exchange.headers[name]]] : [])));
  const hsts = url.protocol === 'https:' ? parseHsts(exchange.headers['strict-transport-security'] as string | undefined) : null;
  return {
    url: url.href,
    address: hop.address,
    status: exchange.status,
    statusText: exchange.statusText,
    httpVersion: exchange.httpVersion,
    headers,
    bodyBytes: exchange.bodyBytes,
    bodyTruncated: exchange.bodyTruncated,
    clockSkewSeconds: clockSkewSeconds(exchange.headers.date, exchange.receivedAt),
    hsts,
    tls: hop.tls,
    timings: hop.timings,
    redirects,
  };
}

