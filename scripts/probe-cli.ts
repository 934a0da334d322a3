/**
 * `npm run -s probe -- <type> <host[:port]|url> [options]`: one probe through
 * the same handler, schema, target policy and probe code as POST /api/probe.
 * Everything but the process plumbing lives in lib/probes/cli.
 */
import { runProbeCli } from '@/lib/probes/server';

runProbeCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`probe: ${(error as Error).stack ?? error}\n`);
    process.exit(4);
  },
);
