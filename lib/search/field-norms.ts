import type Fuse from 'fuse.js';
import { FIELD_NORM_WEIGHT, SEARCH_FIELDS, type LinkedRecord } from './config';
import { isCjk, isWordChar } from './normalize';

/** A text's length in words, two Chinese characters counting as one. */
export function lengthInWords(text: string): number {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) {
      cjk += 1;
      inWord = false;
    } else if (isWordChar(code, text[i])) {
      if (!inWord) words += 1;
      inWord = true;
    } else inWord = false;
  }
  return Math.max(1, words + Math.ceil(cjk / 2));
}

/**
 * Replaces the field-length norms Fuse.js computed when it built its index
 * (it counts spaces, which Chinese does not use) with ones that count
 * Chinese characters, and with 1 for lists, which are scored by their best
 * item (see FIELD_NORM_WEIGHT).
 */
export function applyFieldNorms(entries: ReturnType<Fuse<LinkedRecord>['getIndex']>['records']): void {
  const lists = new Set(SEARCH_FIELDS.flatMap((field, key) => (field.list ? [String(key)] : [])));
  for (const entry of entries) {
    for (const [key, value] of Object.entries(entry.$ ?? {}) as Array<[string, { v: string; n: number }]>) {
      value.n = lists.has(key) ? 1 : Math.round(1000 / Math.pow(lengthInWords(value.v), FIELD_NORM_WEIGHT / 2)) / 1000;
    }
  }
}
