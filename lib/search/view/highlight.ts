import { foldText, isCjk } from '../engine/normalize';
import { termRanges } from './term-match';

/** A piece of text, marked when it matched the query. */
export interface TextSegment {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Splits `text` into matched and unmatched pieces for the terms of a query
 * (as the engine returns them in `highlight`). A Latin stem is marked to the
 * end of its word, so `refus` marks all of `refused`.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const folded = foldText(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (const [start, end] of termRanges(folded, term)) {
      let stop = end;
      if (!isCjk(term.charCodeAt(0))) while (stop + 1 < folded.length && WORD_CHAR.test(folded[stop + 1]) && !isCjk(folded.charCodeAt(stop + 1))) stop += 1;
      ranges.push([start, stop]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end < at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    const previous = segments[segments.length - 1];
    if (previous?.match && from === at) previous.text += text.slice(from, end + 1);
    else segments.push({ text: text.slice(from, end + 1), match: true });
    at = end + 1;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** How many distinct terms occur in `text`. */
export function countMatchedTerms(text: string, terms: readonly string[]): number {
  const folded = foldText(text);
  return terms.filter((term) => termRanges(folded, term, 1).length > 0).length;
}
