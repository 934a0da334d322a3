import { formatHostPort, parsePort } from '@/lib/address';
import type { FlowContext, ProbeRequest, ProbeRequestSpec } from '@/machines';
import { readClientAddress } from './address';
import { textOf } from './form';

/** Port a probe uses when the flow has none: the usual port of what it tests. */
const DEFAULT_PORT = 443;

function targetOf(spec: ProbeRequestSpec, context: FlowContext): { host: string; port: number } {
  const typedPort = spec.port ? parsePort(textOf(context.values[spec.port])) : null;
  if (spec.address) {
    // A client's setting: the port written in it wins, then the separate port box, then its scheme's.
    const address = readClientAddress(textOf(context.values[spec.address]));
    if (address.ok) return { host: address.host, port: address.port ?? typedPort ?? address.schemePort ?? DEFAULT_PORT };
  }
  return { host: spec.host ? textOf(context.values[spec.host]) : '', port: typedPort ?? DEFAULT_PORT };
}

function defaultUrl(host: string, port: number): string {
  const scheme = port === 80 || port === 8080 ? 'http' : 'https';
  const standard = (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80);
  return `${scheme}://${formatHostPort(host, standard ? undefined : port)}/`;
}

/**
 * The `/api/probe` request a probe state stands for, built from the values submitted so
 * far (hosts are already canonical: the form normalised them).
 */
export function probeRequestFor(spec: ProbeRequestSpec, context: FlowContext): ProbeRequest {
  const type = spec.type === 'attached' ? (context.attach ?? 'tcp') : spec.type;
  const { host, port } = targetOf(spec, context);
  if (type === 'http') {
    // The API takes either a URL or host and port for http, never both.
    const typed = spec.url ? textOf(context.values[spec.url]) : '';
    return { type, url: typed || defaultUrl(host, port) };
  }
  if (type === 'tcp' || type === 'tls') return { type, host, port };
  return { type, host };
}
