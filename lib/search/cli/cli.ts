import { isLocale, type Locale } from '@/lib/i18n';
import type { SearchResponse } from '../engine/engine';

/** What `npm run -s search -- [--lang zh|en] [--json] [--limit N] "<query>"` asked for. */
export interface CliRequest {
  lang: Locale;
  json: boolean;
  limit: number;
  /** The query; `-` means read it from standard input (for pasting a multi-line error). */
  query: string;
}

/** How to call the CLI, printed with every usage error. */
export const CLI_USAGE = 'usage: npm run -s search -- [--lang zh|en] [--json] [--limit N] "<query>"   (query "-" reads standard input)';

/** Reads the CLI's arguments; throws an Error naming the argument that is wrong. */
export function parseCliArgs(args: readonly string[]): CliRequest {
  const request: CliRequest = { lang: 'zh', json: false, limit: 10, query: '' };
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') request.json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.slice('--lang='.length) : args[(i += 1)];
      if (!isLocale(value)) throw new Error(`--lang must be zh or en, not ${value === undefined ? 'nothing' : `"${value}"`}`);
      request.lang = value;
    } else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const value = arg.includes('=') ? arg.slice('--limit='.length) : args[(i += 1)];
      const limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error(`--limit must be a whole number from 1 to 100, not "${value ?? ''}"`);
      request.limit = limit;
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else words.push(arg);
  }
  request.query = words.join(' ').trim();
  if (!request.query) throw new Error('no query given');
  return request;
}

/** The results as JSON: one object per result with slug, anchor, title, kind, score, lang and url. */
export function formatJson(response: SearchResponse): string {
  return JSON.stringify(
    response.hits.map(({ record, score, url }) => ({ slug: record.slug, anchor: record.anchor ?? null, title: record.title, kind: record.kind, score, lang: record.lang, url })),
    null,
    2,
  );
}

/** The results as a table for a terminal, after a line saying what was recognised in a pasted error. */
export function formatTable(response: SearchResponse): string {
  const lines: string[] = [];
  const { signature } = response;
  if (signature) {
    const recognised = [...signature.codes, ...signature.exceptions, ...signature.messages.slice(0, 1).map((message) => `"${message}"`)];
    lines.push(`Recognised: ${recognised.join(' · ') || 'no error code or exception; searched the message text'}`);
  }
  if (response.hits.length === 0) lines.push('No results.');
  response.hits.forEach(({ record, score, otherLanguage }, position) => {
    const target = record.anchor ? `${record.slug}#${record.anchor}` : record.slug;
    const lang = otherLanguage ? ` [${record.lang}]` : '';
    lines.push(`${String(position + 1).padStart(2)}. ${record.kind.padEnd(7)} ${score.toFixed(3)}  ${target}  ${record.title}${lang}`);
  });
  return lines.join('\n');
}
