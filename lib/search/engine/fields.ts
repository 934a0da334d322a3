import type { SearchRecord } from '../records';
import { foldText } from './normalize';
import { conceptTerms, tokenize } from './tokenize';

/** A record as the engine holds it: a fix knows its article, a step its flow. */
export interface LinkedRecord extends SearchRecord {
  readonly parentRecord?: SearchRecord;
}

/** One searched field: its weight, whether it is a list, and how to read it from a record. */
export interface SearchField {
  name: string;
  weight: number;
  /** A list (errors, symptoms…) is scored item by item, so one item that says it all counts. */
  list: boolean;
  read: (record: LinkedRecord) => string | readonly string[] | undefined;
}

/**
 * The searched fields, heaviest first. What customers say (symptoms) and
 * paste (errors) and the title weigh most; a fix also answers to its
 * article's symptoms and errors, slightly lighter than its own words; body
 * text weighs least.
 */
export const SEARCH_FIELDS: readonly SearchField[] = [
  { name: 'title', weight: 5, list: false, read: (record) => record.title },
  { name: 'errors', weight: 4, list: true, read: (record) => record.errors },
  { name: 'symptoms', weight: 4, list: true, read: (record) => record.symptoms },
  { name: 'articleErrors', weight: 3, list: true, read: (record) => record.parentRecord?.errors },
  { name: 'articleSymptoms', weight: 3, list: true, read: (record) => record.parentRecord?.symptoms },
  { name: 'headings', weight: 2, list: true, read: (record) => record.headings },
  { name: 'tags', weight: 2, list: true, read: (record) => record.tags },
  { name: 'summary', weight: 2, list: false, read: (record) => record.summary },
  { name: 'context', weight: 1.5, list: false, read: (record) => record.context },
  { name: 'commands', weight: 1.5, list: true, read: (record) => record.commands },
  { name: 'text', weight: 1, list: false, read: (record) => record.text },
];

/**
 * A field's text as both the candidate index and Fuse.js read it: each of
 * our terms (stems, codes, Chinese pairs) once, each after a space, so
 * `' port'` finds the word `port` and the words it starts (`portal`) but not
 * `support`, and `' 50 '` the number 50 but not 502 (the text ends with a
 * space too); a field's length is its number of distinct terms.
 */
export type AnalysedText = string;

/** Analyses every field of every record once, when the index loads (a fix shares its article's lists, so texts are cached). */
export function analyseFields(records: readonly LinkedRecord[]): Array<Array<AnalysedText | AnalysedText[] | undefined>> {
  const cache = new Map<string, AnalysedText>();
  // Commands are code: "proxy" in `curl -x` is no circumstance, so they get no concepts (which also saves time at load).
  const analyse = (text: string, concepts: boolean) => {
    const key = concepts ? text : `\u0000${text}`;
    let analysed = cache.get(key);
    if (analysed === undefined) {
      analysed = `${[...new Set([...tokenize(text), ...(concepts ? conceptTerms(text) : [])])].map((term) => ` ${term}`).join('')} `;
      cache.set(key, analysed);
    }
    return analysed;
  };
  return records.map((record) =>
    SEARCH_FIELDS.map((field) => {
      const value = field.read(record);
      if (value === undefined || value.length === 0) return undefined;
      const concepts = field.name !== 'commands';
      return typeof value === 'string' ? analyse(value, concepts) : value.map((item) => analyse(item, concepts));
    }),
  );
}

/** The terms of an analysed text (or list of texts). */
export function termsOf(analysed: AnalysedText | readonly AnalysedText[]): string[] {
  const texts = typeof analysed === 'string' ? [analysed] : analysed;
  return texts.flatMap((text) => text.split(' ').filter(Boolean));
}

/** Everything a record says, folded, for checking that an error code occurs verbatim. */
export function haystack(record: LinkedRecord): string {
  const parts = [record.title, record.summary, record.text, ...(record.errors ?? []), ...(record.symptoms ?? []), ...(record.commands ?? [])];
  if (record.parentRecord) parts.push(...(record.parentRecord.errors ?? []));
  return foldText(parts.filter(Boolean).join('\n'));
}
