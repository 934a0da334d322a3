import { canonicalHost } from './host';
import { parsePort } from './port';
import { SCHEMES, type Address, type AddressProblem, type AddressResult, type Scheme } from './types';

const DEFAULT_PORTS: Partial<Record<Scheme, number>> = { http: 80, ws: 80, https: 443, wss: 443 };
const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):\/\//i;

/** How to read an address. */
export interface ParseAddressOptions {
  /** When false, a path after the host is a problem instead of being returned in `path`. Default true. */
  allowPath?: boolean;
}

function fail(problem: AddressProblem, message: string): AddressResult {
  return { ok: false, problem, message };
}

/**
 * Reads an address the way staff paste it: `host`, `host:port`, `[v6]`, `[v6]:port`, a bare
 * IPv6 address, or a URL such as `https://api.example.com:8443/login`, which fills scheme,
 * host and port (the scheme's default port when none is written). The one reader of
 * addresses in Fixpath: flow forms, fix links, the probe CLI and the probe API use it.
 */
export function parseAddress(raw: string, options: ParseAddressOptions = {}): AddressResult {
  const input = raw.trim();
  if (input === '') return fail('empty', 'is empty');

  let rest = input;
  let scheme: Scheme | undefined;
  const prefix = SCHEME_PREFIX.exec(rest);
  if (prefix) {
    const name = prefix[1].toLowerCase();
    if (!(SCHEMES as readonly string[]).includes(name)) {
      return fail('unsupported-scheme', `has the scheme "${name}://"; use ${SCHEMES.map((s) => `${s}://`).join(', ')} or none`);
    }
    scheme = name as Scheme;
    rest = rest.slice(prefix[0].length);
  }

  const pathStart = rest.search(/[/?#\\]/);
  const authority = pathStart === -1 ? rest : rest.slice(0, pathStart);
  const path = pathStart === -1 ? '' : rest.slice(pathStart);
  if (path && path !== '/' && options.allowPath === false) return fail('unexpected-path', `has a path "${path}"; give only the host and port`);
  if (authority.includes('@')) return fail('invalid-host', 'must not contain a user name or password (user@host)');

  const split = splitAuthority(authority);
  if (!split.ok) return fail('invalid-host', split.message);
  const host = canonicalHost(split.host);
  if (!host.ok) return fail('invalid-host', host.message);

  const address: Address = { host: host.host, kind: host.kind, input };
  if (split.port !== undefined) {
    const port = parsePort(split.port);
    if (port === null) return fail('invalid-port', `has the port "${split.port}"; a port is a whole number from 1 to 65535`);
    address.port = port;
  } else if (scheme && DEFAULT_PORTS[scheme] !== undefined) {
    address.port = DEFAULT_PORTS[scheme];
    address.portFromScheme = true;
  }
  if (scheme) address.scheme = scheme;
  if (path && path !== '/') address.path = path;
  return { ok: true, address };
}

type Authority = { ok: true; host: string; port?: string } | { ok: false; message: string };

/** Splits `host[:port]`, `[v6][:port]` or a bare IPv6 address (whose colons are not a port). */
function splitAuthority(authority: string): Authority {
  if (authority.startsWith('[')) {
    const match = /^\[([^\]]*)\](?::(.*))?$/.exec(authority);
    if (!match) return { ok: false, message: `has an unclosed or misplaced "[" in "${authority}"` };
    return match[2] === undefined ? { ok: true, host: `[${match[1]}]` } : { ok: true, host: `[${match[1]}]`, port: match[2] };
  }
  const colons = authority.split(':').length - 1;
  if (colons === 1) {
    const [host, port] = authority.split(':');
    return { ok: true, host, port };
  }
  return { ok: true, host: authority };
}

/**
 * Reads a bare host: a name or an IP address, without scheme, port or path (the probe
 * API's `host` field, whose port has its own field).
 */
export function parseHost(raw: string): AddressResult {
  const result = parseAddress(raw, { allowPath: false });
  if (!result.ok) return result;
  const { address } = result;
  if (address.scheme) return fail('unexpected-path', 'must be a host name or IP address, not a URL');
  if (address.port !== undefined) return fail('invalid-port', 'must not include a port (use the port field)');
  if (/[/?#\\]/.test(address.input)) return fail('unexpected-path', 'must be a host name or IP address, without a path');
  return result;
}
