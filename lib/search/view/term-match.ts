import { isCjk } from '../engine/normalize';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `term` occurs in `text` (both folded), as [start, end] ranges. A
 * Latin term must start a word (`port` is not found in `support`), which is
 * also where its stem or a code's part (`date` in `err_cert_date`) begins; a
 * Chinese pair may sit anywhere. `limit` stops after that many occurrences.
 */
export function termRanges(text: string, term: string, limit = Infinity): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const anywhere = isCjk(term.charCodeAt(0));
  let at = text.indexOf(term);
  while (at >= 0 && ranges.length < limit) {
    if (anywhere || at === 0 || !WORD_CHAR.test(text[at - 1]) || isCjk(text.charCodeAt(at - 1))) ranges.push([at, at + term.length - 1]);
    at = text.indexOf(term, at + 1);
  }
  return ranges;
}
