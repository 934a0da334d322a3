import { z } from 'zod';
import { parseHost } from '../probes/host';
import type { PlaceholderValues } from './placeholders';

/** A TCP port as typed in a URL. */
export const customerPortSchema = z.string().trim().regex(/^\d{1,5}$/, 'not a number').transform(Number).pipe(z.number().int().min(1).max(65535));

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
 * reported rather than rejected, so the customer still sees the fix.
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
    // The probes' own host check: the same spellings are accepted everywhere.
    const parsed = parseHost(host.trim());
    if ('problem' in parsed) request.ignored.push({ field: 'host', value: host.slice(0, 100) });
    else request.values.host = parsed.kind === 'name' ? parsed.name : parsed.ip;
  }
  const port = first('port');
  if (port) {
    const parsed = customerPortSchema.safeParse(port);
    if (parsed.success) request.values.port = parsed.data;
    else request.ignored.push({ field: 'port', value: port.slice(0, 20) });
  }
  return request;
}
