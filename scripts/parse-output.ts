/**
 * `npm run -s parse-output -- <FILE|->`: pasted command output to findings with probe codes,
 * the same parser the case page and the customer page use. The work lives in lib/evidence.
 */
import { runParseOutputCli } from '@/lib/evidence/server';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

runParseOutputCli(process.argv.slice(2), {
  stdin: readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`parse-output: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 4;
  },
);
