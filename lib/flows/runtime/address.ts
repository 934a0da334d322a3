import { formatHostPort, parseAddress, type AddressProblem, type HostKind, type Scheme } from '@/lib/address';
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
      scheme?: Scheme;
      /** The pasted URL, normalised, when it was an http(s) one. */
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
    zh: '不认识这个协议前缀（可以用 http://、https://、ws://、wss://、tcp://、ssl://、tls://，或者不带前缀）。',
    en: 'Unknown scheme: use http://, https://, ws://, wss://, tcp://, ssl://, tls:// or none.',
  },
  'unexpected-path': { zh: '请不要带路径，只填服务器名或 IP 地址。', en: 'Leave out the path: enter the server name or IP address.' },
};

/**
 * Reads the host field the way the flow form does: a name, an IP literal, `host:port`,
 * `[v6]:port` or a whole URL, which also yields port and scheme (the scheme's port when
 * none is written). It accepts exactly what `parseAddress` from `@/lib/address` accepts,
 * so the form and the probe API agree.
 */
export function validateServerAddress(input: string): ServerAddressCheck {
  const parsed = parseAddress(input);
  if (!parsed.ok) return { ok: false, message: HOST_PROBLEMS[parsed.problem] };
  const { host, kind, port, portFromScheme, scheme, path } = parsed.address;
  const read = { ok: true as const, host, kind, ...(port ? { port } : {}), ...(scheme ? { scheme } : {}) };
  if (scheme !== 'http' && scheme !== 'https') return read;
  return { ...read, url: `${scheme}://${formatHostPort(host, portFromScheme ? undefined : port)}${path ?? '/'}` };
}

/** A client's server setting, read: host, the port written in it, and the port its scheme implies. */
export type ClientAddress = { ok: true; host: string; kind: HostKind; port?: number; schemePort?: number } | { ok: false };

/**
 * Reads a server address the way a client's settings hold it: `host`, `host:port`,
 * `[v6]:port` or `scheme://host[:port][/path]`, where the scheme may be one clients use
 * for other protocols (`wss://`, `ssl://` …).
 */
export function readClientAddress(input: string): ClientAddress {
  const parsed = parseAddress(input);
  if (!parsed.ok) return { ok: false };
  const { host, kind, port, portFromScheme } = parsed.address;
  if (port === undefined) return { ok: true, host, kind };
  return portFromScheme ? { ok: true, host, kind, schemePort: port } : { ok: true, host, kind, port };
}
