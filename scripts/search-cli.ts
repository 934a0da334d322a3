/**
 * `npm run -s search -- [--lang zh|en] [--json] [--limit N] "<query>"`: the
 * top results from the same index and configuration as the palette. A query
 * of `-` is read from standard input, for pasting a multi-line error.
 */
import { readFileSync } from 'node:fs';
import { CLI_USAGE, createSearchEngine, formatJson, formatTable, parseCliArgs, shippedOrFreshIndex, type CliRequest } from '@/lib/search/server';

let request: CliRequest;
try {
  request = parseCliArgs(process.argv.slice(2));
} catch (error) {
  console.error(`search: ${(error as Error).message}\n${CLI_USAGE}`);
  process.exit(2);
}
const query = request.query === '-' ? readFileSync(0, 'utf8') : request.query;
const { index, built } = await shippedOrFreshIndex();
if (built) console.error('search: public/search-index.json not found; searched an index built from content/ just now');
const response = createSearchEngine(index).search(query, { lang: request.lang, limit: request.limit });
console.log(request.json ? formatJson(response) : formatTable(response));
