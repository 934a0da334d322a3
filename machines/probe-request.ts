import { parsePort, textOf } from './fields';
import type { ProbeRequestSpec } from './meta';
import { defaultPortFor, parseServerAddress } from './server-address';
import type { FlowContext, ProbeRequest } from './types';

/** Port a probe uses when the flow has none: the usual port of what it tests. */
const DEFAULT_PORT = 443;

function targetOf(spec: ProbeRequestSpec, context: FlowContext): { host: string; port: number } {
  const typedPort = spec.port ? parsePort(textOf(context.values[spec.port])) : null;
  if (spec.address) {
    const parsed = parseServerAddress(textOf(context.values[spec.address]));
    if (parsed.ok) return { host: parsed.host, port: parsed.port ?? typedPort ?? defaultPortFor(parsed.scheme) ?? DEFAULT_PORT };
  }
  const host = spec.host ? textOf(context.values[spec.host]) : '';
  return { host: host.replace(/^\[(.*)\]$/, '$1'), port: typedPort ?? DEFAULT_PORT };
}

function defaultUrl(host: string, port: number): string {
  const scheme = port === 80 || port === 8080 ? 'http' : 'https';
  const name = host.includes(':') ? `[${host}]` : host;
  const standard = (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80);
  return `${scheme}://${name}${standard ? '' : `:${port}`}/`;
}

/** Builds the `/api/probe` request a probe state sends, from the values typed so far. */
export function buildProbeRequest(spec: ProbeRequestSpec, context: FlowContext): ProbeRequest {
  const type = spec.type === 'attached' ? (context.attach ?? 'tcp') : spec.type;
  const { host, port } = targetOf(spec, context);
  if (type === 'dns') return { type, host };
  if (type === 'http') {
    // The API takes either a URL or host and port for http, never both.
    const typed = spec.url ? textOf(context.values[spec.url]) : '';
    return { type, url: typed || defaultUrl(host, port) };
  }
  return { type, host, port };
}
