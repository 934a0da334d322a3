/**
 * Runs one probe from the command line through the same handler, schema,
 * target policy and probe code as POST /api/probe, and prints its JSON.
 */
import { parseCliArguments } from '../lib/probes/cli-arguments';
import { createProbeHandler } from '../lib/probes/handler';
import { PROBE_TYPES } from '../lib/probes/schema';

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
  --timeout ms          time budget, ${100} to 60000 (cut to 15000)
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

async function main(): Promise<number> {
  const command = parseCliArguments(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command.kind === 'error') {
    process.stderr.write(`probe: ${command.message}\n`);
    return 2;
  }
  let handler;
  try {
    handler = createProbeHandler({ rateLimit: null, token: undefined, audit: () => {}, clientAddress: () => 'cli' });
  } catch (error) {
    process.stderr.write(`probe: ${(error as Error).message}\n`);
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
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  if (response.status === 200) return body.ok ? 0 : 1;
  process.stderr.write(`probe: ${body.error?.message ?? response.statusText}\n`);
  if (response.status === 400 || response.status === 413) return 2;
  return response.status === 403 ? 3 : 4;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`probe: ${(error as Error).stack ?? error}\n`);
    process.exit(4);
  },
);
