import 'server-only';
import { readFile } from 'node:fs/promises';
import { parseCommandOutput } from './parse';

/** What the CLI reads and writes, passed in so tests need no process. */
interface CliIo {
  stdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: npm run -s parse-output -- <FILE | ->   (- reads standard input)\n';

/**
 * `npm run -s parse-output -- <FILE|->`: prints the parse of a file or of standard input as
 * pretty JSON. Exit 0 for any text (also UNRECOGNISED), 2 for bad arguments, 1 for a file
 * that cannot be read.
 */
export async function runParseOutputCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const flag = argv.find((arg) => arg.startsWith('-') && arg !== '-');
  if (flag) {
    io.stderr(`parse-output: unknown flag ${flag}\n${USAGE}`);
    return 2;
  }
  if (argv.length !== 1) {
    io.stderr(`parse-output: expected one FILE or -, got ${argv.length} arguments\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = argv[0] === '-' ? await io.stdin() : await readFile(argv[0], 'utf8');
  } catch (error) {
    io.stderr(`parse-output: cannot read ${argv[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(parseCommandOutput(text), null, 2)}\n`);
  return 0;
}
