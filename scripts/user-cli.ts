/**
 * `npm run -s user -- add|list|disable|token|revoke …`: people who may sign in, and their
 * personal API tokens, in the database behind DATABASE_URL or FIXPATH_DATA_DIR (default .data/).
 * With the embedded database, stop the server first: one process owns the data directory.
 */
import { text } from 'node:stream/consumers';
import { runUserCli } from '@/lib/auth/server';

runUserCli(process.argv.slice(2), {
  readStdin: () => text(process.stdin),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
