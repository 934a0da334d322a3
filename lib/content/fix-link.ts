import { parseHost, parsePort } from '@/lib/address';
import type { PlaceholderValues } from './placeholders';

/** A query value that was not used, and why; shown to the reader as text. */
export interface IgnoredValue {
  field: 'host' | 'port';
  value: string;
}

/** What a fix link asks for, after validation. */
export interface FixLinkRequest {
  fixId?: string;
  values: PlaceholderValues;
  ignored: IgnoredValue[];
}

/**
 * Reads `?fix=&host=&port=` of a fix link. Invalid values are dropped and
 * reported rather than rejected, so the customer still sees the fix. Hosts
 * are read by the one address model, so a link accepts exactly what the
 * flow form and the probe API accept.
 */
export function parseFixLink(query: Record<string, string | string[] | undefined>): FixLinkRequest {
  const first = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const request: FixLinkRequest = { values: {}, ignored: [] };
  const fix = first('fix');
  if (fix && /^[a-z0-9-]{1,80}$/.test(fix)) request.fixId = fix;
  const host = first('host');
  if (host) {
    const parsed = parseHost(host);
    if (parsed.ok) request.values.host = parsed.address.host;
    else request.ignored.push({ field: 'host', value: host.slice(0, 100) });
  }
  const port = first('port');
  if (port) {
    const parsed = parsePort(port);
    if (parsed !== null) request.values.port = parsed;
    else request.ignored.push({ field: 'port', value: port.slice(0, 20) });
  }
  return request;
}

/** The customer link to one fix, relative to the site root. */
export function fixLinkPath(lang: string, slug: string, fixId: string, values: PlaceholderValues = {}): string {
  const query = new URLSearchParams({ fix: fixId });
  if (values.host) query.set('host', values.host);
  if (values.port) query.set('port', String(values.port));
  return `/${lang}/fix/${slug}?${query}`;
}
