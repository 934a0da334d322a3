import 'server-only';
/** What the probe CLI was asked to do. */
export type CliCommand = { kind: 'help' } | { kind: 'probe'; body: Record<string, unknown> } | { kind: 'error'; message: string };

const VALUE_FLAGS: Record<string, string> = { '--resolver': 'resolver', '--timeout': 'timeoutMs', '--port': 'port' };

/** Splits `host[:port]`, `[v6]:port` or a bare IPv6 address; the port stays text if it is not a number. */
export function splitHostPort(text: string): { host: string; port?: number | string } {
  const bracketed = text.match(/^\[([^\]]*)\](?::(.*))?$/);
  if (bracketed) return bracketed[2] === undefined ? { host: bracketed[1] } : { host: bracketed[1], port: numberOrText(bracketed[2]) };
  const colons = text.split(':').length - 1;
  if (colons !== 1) return { host: text };
  const [host, port] = text.split(':');
  return { host, port: numberOrText(port) };
}

function numberOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * Turns `<type> <host[:port]|url> [--resolver ip[:port]] [--port n] [--timeout ms]`
 * into the same JSON body the API takes, so the CLI and the API share the
 * schema, the policy and the probe code. A URL given to a non-http probe
 * stands for its host (and port, for tcp and tls).
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const positional: string[] = [];
  const body: Record<string, unknown> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined) return { kind: 'error', message: `${flag} needs a value` };
      body[VALUE_FLAGS[flag]] = flag === '--resolver' ? value : numberOrText(value);
    } else if (arg.startsWith('--')) {
      return { kind: 'error', message: `unknown option ${flag} (see --help)` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) return { kind: 'error', message: 'expected <type> and <host[:port]|url> (see --help)' };
  const [type, target] = positional;
  body.type = type;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {
      // Left to the schema, which names the problem.
    }
    if (type === 'http' || !url) {
      body.url = target;
    } else {
      body.host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if ((type === 'tcp' || type === 'tls') && body.port === undefined) {
        body.port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      }
    }
    return { kind: 'probe', body };
  }
  const { host, port } = splitHostPort(target);
  body.host = host;
  if (port !== undefined && body.port === undefined) body.port = port;
  return { kind: 'probe', body };
}
