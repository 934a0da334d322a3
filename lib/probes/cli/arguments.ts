import 'server-only';
import { parseAddress } from '@/lib/address';

/** What the probe CLI was asked to do. */
export type CliCommand = { kind: 'help' } | { kind: 'probe'; body: Record<string, unknown> } | { kind: 'error'; message: string };

const VALUE_FLAGS: Record<string, string> = { '--resolver': 'resolver', '--timeout': 'timeoutMs', '--port': 'port' };
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

type TargetFields = { url: string } | { host: string; port?: number };

/** A number when the text is one; otherwise the text, for the API to name the problem. */
function numberOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * The target fields of the body: an http probe's URL stays a URL for the API
 * to read; anything else is read by `@/lib/address` (host, host:port, [v6]:port,
 * a URL). A URL given to a non-http probe stands for its host, and for tcp and
 * tls also its port; a port written as host:port always goes to the API.
 */
function targetFields(type: string, target: string): TargetFields | { problem: string } {
  if (type === 'http' && HAS_SCHEME.test(target)) return { url: target };
  const read = parseAddress(target);
  if (!read.ok) return { problem: `target ${read.message}` };
  const { host, port, scheme, path } = read.address;
  if (type === 'http' && path) return { problem: `target has a path; give the whole URL to probe it, e.g. https://${target}` };
  const portApplies = scheme === undefined || type === 'tcp' || type === 'tls';
  return port !== undefined && portApplies ? { host, port } : { host };
}

/**
 * Turns `<type> <host[:port]|url> [--resolver ip[:port]] [--port n] [--timeout ms]`
 * into the same JSON body the API takes, so the CLI and the API share the
 * request check, the policy and the probe code.
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const positional: string[] = [];
  const flags: Record<string, unknown> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined) return { kind: 'error', message: `${flag} needs a value` };
      flags[VALUE_FLAGS[flag]] = flag === '--resolver' ? value : numberOrText(value);
    } else if (arg.startsWith('--')) {
      return { kind: 'error', message: `unknown option ${flag} (see --help)` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) return { kind: 'error', message: 'expected <type> and <host[:port]|url> (see --help)' };
  const [type, target] = positional;
  const fields = targetFields(type, target);
  if ('problem' in fields) return { kind: 'error', message: fields.problem };
  // --port wins over a port in the target.
  return { kind: 'probe', body: { type, ...fields, ...flags } };
}
