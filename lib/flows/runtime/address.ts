import { formatHostPort, parseAddress, type Address, type AddressProblem, type HostKind } from '@/lib/address';
import type { Text } from '@/machines';

/** What the host field makes of what staff typed or pasted. */
export type ServerAddressCheck =
  | {
      ok: true;
      /** Canonical host: lower-case name, dotted-quad IPv4 (`1.2.3` is `1.2.0.3`), IPv6 without brackets. */
      host: string;
      kind: HostKind;
      /** From `host:port`, or the scheme's port for a URL. */
      port?: number;
      scheme?: 'http' | 'https';
      /** The pasted URL, normalised, when there was one. */
      url?: string;
    }
  | { ok: false; message: Text };

const HOST_PROBLEMS: Record<AddressProblem, Text> = {
  empty: { zh: '必填。', en: 'Required.' },
  'invalid-host': {
    zh: '请填写服务器名或 IP 地址，可以带端口，也可以粘贴网址（例如 api.example.com、192.0.2.10:8443 或 https://api.example.com）。',
    en: 'Enter a server name or IP address, with a port or as a URL if you like (e.g. api.example.com, 192.0.2.10:8443 or https://api.example.com).',
  },
  'invalid-port': { zh: '地址里的端口必须是 1 到 65535 之间的整数。', en: 'The port in the address must be a whole number from 1 to 65535.' },
  'unsupported-scheme': {
    zh: '这里只认 http:// 和 https:// 开头的网址；其他协议请只填主机名和端口。',
    en: 'Only http:// and https:// addresses can be pasted here; for other protocols enter the host and port.',
  },
  'unexpected-path': { zh: '请不要带路径，只填服务器名或 IP 地址。', en: 'Leave out the path: enter the server name or IP address.' },
};

/** The port written in the address itself, not implied by its scheme. */
function writtenPort(address: Address): number | undefined {
  if (!address.scheme) return address.port;
  try {
    const port = new URL(address.input).port;
    return port ? Number(port) : undefined;
  } catch {
    return address.port;
  }
}

/**
 * Reads the host field the way the flow form does: a name, an IP literal, `host:port`,
 * `[v6]:port` or a whole URL, which also yields port and scheme. What it accepts is what
 * `parseAddress` from `@/lib/address` accepts, so the form and the probe API agree.
 */
export function validateServerAddress(input: string): ServerAddressCheck {
  const parsed = parseAddress(input, { allowPath: true });
  if (!parsed.ok) return { ok: false, message: HOST_PROBLEMS[parsed.problem] };
  const { host, kind, port, scheme, path } = parsed.address;
  if (!scheme) return { ok: true, host, kind, ...(port ? { port } : {}) };
  const url = `${scheme}://${formatHostPort(host, writtenPort(parsed.address))}${path ?? '/'}`;
  return { ok: true, host, kind, ...(port ? { port } : {}), scheme, url };
}

/** Schemes client settings use besides http(s), with the port each implies. */
const CLIENT_SCHEMES: Record<string, number | undefined> = { ws: 80, wss: 443, tcp: undefined, ssl: undefined, tls: undefined };

/** A client's server setting, read: host, the port written in it, and the port its scheme implies. */
export type ClientAddress = { ok: true; host: string; kind: HostKind; port?: number; schemePort?: number } | { ok: false };

/**
 * Reads a server address the way a client's settings hold it: `host`, `host:port`,
 * `[v6]:port` or `scheme://host[:port][/path]`, where the scheme may also be one clients
 * use for non-HTTP connections (`wss://`, `ssl://` …).
 */
export function readClientAddress(input: string): ClientAddress {
  const text = input.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text);
  const name = scheme?.[1].toLowerCase();
  if (scheme && name && name in CLIENT_SCHEMES) {
    // Read the rest as http would be, keeping only what a non-HTTP client uses from it.
    const rest = parseAddress(scheme[2].replace(/[/?#].*$/, ''));
    if (!rest.ok) return { ok: false };
    const { host, kind, port } = rest.address;
    const schemePort = CLIENT_SCHEMES[name];
    return { ok: true, host, kind, ...(port ? { port } : {}), ...(schemePort ? { schemePort } : {}) };
  }
  const parsed = parseAddress(text, { allowPath: Boolean(scheme) });
  if (!parsed.ok) return { ok: false };
  const { host, kind } = parsed.address;
  const port = writtenPort(parsed.address);
  return { ok: true, host, kind, ...(port ? { port } : {}), ...(parsed.address.port ? { schemePort: parsed.address.port } : {}) };
}
