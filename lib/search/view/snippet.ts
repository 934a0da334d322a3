import { countMatchedTerms } from './highlight';
import { foldText } from '../engine/normalize';
import type { SearchRecord } from '../records';
import { termRanges } from './term-match';

const SNIPPET_LENGTH = 150;

function lines(values: readonly string[] | string | undefined): string[] {
  if (!values) return [];
  return (typeof values === 'string' ? values.split('\n') : values).map((line) => line.trim()).filter(Boolean);
}

/** Cuts a long line to a window that starts a little before the first match. */
function around(line: string, terms: readonly string[]): string {
  if (line.length <= SNIPPET_LENGTH) return line;
  const folded = foldText(line);
  const first = Math.min(...terms.map((term) => termRanges(folded, term, 1)[0]?.[0] ?? Infinity));
  const start = Number.isFinite(first) ? Math.max(0, first - 40) : 0;
  const end = Math.min(line.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}

/**
 * The line that best shows why a record matched: the symptom, error,
 * heading, command or sentence with the most query terms (the record's own
 * text before its article's), or the summary when no line matches.
 */
export function bestSnippet(record: SearchRecord, terms: readonly string[], parent?: SearchRecord): string | undefined {
  const candidates = [
    ...lines(record.symptoms),
    ...lines(record.errors),
    ...lines(record.headings),
    ...lines(record.summary),
    ...lines(record.text),
    ...lines(record.commands?.map((command) => command.split('\n')[0])),
    ...lines(parent?.symptoms),
    ...lines(parent?.errors),
  ];
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = countMatchedTerms(candidate, terms);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  if (best) return around(best, terms);
  const fallback = record.summary ?? lines(record.text)[0];
  return fallback ? around(fallback, terms) : undefined;
}
