import { isValidHost, parsePort } from './fields';

/** What was wrong with a server address typed into a client. */
export type AddressProblem = 'empty' | 'whitespace' | 'scheme' | 'host' | 'port';

/** A server address split into its parts, or the first problem found. */
export type ParsedAddress =
  | { ok: true; scheme: string | null; host: string; port: number | null }
  | { ok: false; problem: AddressProblem };

const KNOWN_SCHEMES = ['http', 'https', 'ws', 'wss', 'tcp', 'ssl', 'tls'];

/**
 * Reads a server address the way a client's settings hold it: `host`, `host:port`,
 * `[v6]:port` or `scheme://host[:port][/path]`.
 */
export function parseServerAddress(raw: string): ParsedAddress {
  if (raw.trim() === '') return { ok: false, problem: 'empty' };
  if (/\s/.test(raw.trim())) return { ok: false, problem: 'whitespace' };
  let rest = raw.trim();
  let scheme: string | null = null;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    if (!KNOWN_SCHEMES.includes(scheme)) return { ok: false, problem: 'scheme' };
    rest = rest.slice(schemeMatch[0].length).replace(/[/?#].*$/, '');
  } else if (/^[a-z]+:[/\\]/i.test(rest)) {
    return { ok: false, problem: 'scheme' };
  } else if (/[/?#]/.test(rest)) {
    return { ok: false, problem: 'host' };
  }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  const [host, portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : rest.split(':').length === 2
      ? (rest.split(':') as [string, string])
      : [rest, undefined];
  if (!isValidHost(host)) return { ok: false, problem: 'host' };
  if (portText === undefined) return { ok: true, scheme, host, port: null };
  const port = parsePort(portText);
  return port === null ? { ok: false, problem: 'port' } : { ok: true, scheme, host, port };
}

/** The port a scheme implies when none is written. */
export function defaultPortFor(scheme: string | null): number | null {
  const ports: Record<string, number> = { http: 80, ws: 80, https: 443, wss: 443 };
  return scheme ? (ports[scheme] ?? null) : null;
}
