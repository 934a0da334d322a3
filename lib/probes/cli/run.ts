import 'server-only';
import { createProbeHandler } from '../api/handler';
import { PROBE_TYPES } from '../contract/codes';
import { MAX_REQUEST_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../contract/request';
import { MAX_TIMEOUT_MS } from '../run/context';
import { parseCliArguments } from './arguments';

const HELP = `Usage: npm run -s probe -- <type> <host[:port]|url> [options]

Runs one network probe and prints the same JSON as POST /api/probe.

Types: ${PROBE_TYPES.join(', ')}
  dns         A, AAAA and CNAME records of a name
  tcp         connect to host:port (port required)
  tls         handshake, certificate and chain, accepted TLS versions (port 443 by default)
  http        GET a URL (http or https), following at most 5 redirects
  ping        ICMP echo (system ping)
  traceroute  route to the host (system traceroute or tracepath)
  mtu         path MTU with Don't Fragment pings

Options:
  --resolver ip[:port]  DNS server for dns probes (default: the system's resolvers)
  --port n              port, instead of host:port
  --timeout ms          time budget, ${MIN_TIMEOUT_MS} to ${MAX_REQUEST_TIMEOUT_MS} (cut to ${MAX_TIMEOUT_MS})
  -h, --help            this text

The target policy is the API's: loopback, private, link-local, CGNAT,
multicast and reserved addresses are refused unless PROBE_ALLOW lists them
(comma-separated CIDRs); PROBE_DENY refuses more. TLS trusts Node's store
plus NODE_EXTRA_CA_CERTS.

Examples:
  npm run -s probe -- tls example.com
  npm run -s probe -- http https://example.com/health
  npm run -s probe -- dns example.com --resolver 9.9.9.9
  PROBE_ALLOW=127.0.0.1/32 npm run -s probe -- tcp 127.0.0.1:8080

Exit codes: 0 the probe found no problem, 1 it found one, 2 bad input,
3 target forbidden by the policy, 4 internal error.`;

/** Where the CLI writes: stdout gets the JSON (or help), stderr the one-line complaint. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs `npm run -s probe -- <args>`: one probe through the same handler,
 * schema, target policy and probe code as POST /api/probe (without rate
 * limit, token or audit line), printing its JSON. Resolves with the exit code:
 * 0 no problem found, 1 a problem found, 2 bad input, 3 target forbidden, 4 internal error.
 */
export async function runProbeCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const command = parseCliArguments(argv);
  if (command.kind === 'help') {
    output.stdout(`${HELP}\n`);
    return 0;
  }
  if (command.kind === 'error') {
    output.stderr(`probe: ${command.message}\n`);
    return 2;
  }
  let handler;
  try {
    handler = createProbeHandler({
      rateLimit: null,
      token: undefined,
      // Whoever runs the CLI already has the machine: no sign-in, no limit, no audit.
      authorize: async () => ({ ok: true, caller: { key: 'cli', userId: null, via: 'cli' } }),
      audit: () => {},
      addresses: () => ({ client: 'cli', socket: 'cli', forwarded: [] }),
    });
  } catch (error) {
    output.stderr(`probe: ${(error as Error).message}\n`);
    return 2;
  }
  const response = await handler(
    new Request('http://cli.invalid/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(command.body),
    }),
  );
  const body = await response.json();
  output.stdout(`${JSON.stringify(body, null, 2)}\n`);
  if (response.status === 200) return body.ok ? 0 : 1;
  output.stderr(`probe: ${body.error?.message ?? response.statusText}\n`);
  if (response.status === 400 || response.status === 413) return 2;
  return response.status === 403 ? 3 : 4;
}
