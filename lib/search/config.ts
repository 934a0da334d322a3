import type { IFuseOptions } from 'fuse.js';
import type { CandidateIndex } from './candidates';
import { foldText } from './normalize';
import type { SearchRecord } from './schema';
import type { TermSearchOptions } from './term-search';

/** A record as the engine holds it: a fix knows its article, a step its flow. */
export interface LinkedRecord extends SearchRecord {
  readonly parentRecord?: SearchRecord;
}

/**
 * Joins the items of a list field (errors, symptoms, headings…). The term
 * searcher scores such a field by its best item, so a long error list
 * neither dilutes nor multiplies a match.
 */
export const LIST_SEPARATOR = '\n\u001f';

function joined(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? foldText(values.join(LIST_SEPARATOR)) : undefined;
}

function folded(value: string | undefined): string | undefined {
  return value ? foldText(value) : undefined;
}

/** One searched field: its weight, whether it is a list, and how to read it from a record. */
export interface SearchField {
  name: string;
  weight: number;
  list: boolean;
  read: (record: LinkedRecord) => string | undefined;
}

/**
 * The searched fields, heaviest first. What customers say (symptoms) and
 * paste (errors) and the title weigh most; a fix also answers to its
 * article's symptoms and errors, slightly lighter than its own words; body
 * text weighs least.
 */
export const SEARCH_FIELDS: readonly SearchField[] = [
  { name: 'title', weight: 5, list: false, read: (record) => folded(record.title) },
  { name: 'errors', weight: 4, list: true, read: (record) => joined(record.errors) },
  { name: 'symptoms', weight: 4, list: true, read: (record) => joined(record.symptoms) },
  { name: 'articleErrors', weight: 3, list: true, read: (record) => joined(record.parentRecord?.errors) },
  { name: 'articleSymptoms', weight: 3, list: true, read: (record) => joined(record.parentRecord?.symptoms) },
  { name: 'headings', weight: 2, list: true, read: (record) => joined(record.headings) },
  { name: 'tags', weight: 2, list: true, read: (record) => joined(record.tags) },
  { name: 'summary', weight: 2, list: false, read: (record) => folded(record.summary) },
  { name: 'context', weight: 1.5, list: false, read: (record) => folded(record.context) },
  { name: 'commands', weight: 1.5, list: true, read: (record) => joined(record.commands) },
  { name: 'text', weight: 1, list: false, read: (record) => folded(record.text) },
];

/**
 * The one Fuse.js configuration, used by the palette in the browser and by
 * the CLI, tests and benchmark in Node. Fields are weighted as above and
 * length-normalised (a term in a short title counts more than in a long
 * text); each field is scored by the term searcher (see term-search.ts),
 * whose typo matching uses Fuse.js's bitap anywhere in the line
 * (`ignoreLocation`: by default Fuse.js only looks near the start) with
 * `threshold` 0.3, about one typo in a short word and two in a long one.
 */
export function fuseOptions(termIndex: CandidateIndex): IFuseOptions<LinkedRecord> & TermSearchOptions {
  return {
    keys: SEARCH_FIELDS.map((field) => ({ name: field.name, weight: field.weight, getFn: field.read })),
    termIndex,
    ignoreLocation: true,
    threshold: 0.3,
    includeScore: true,
    shouldSort: true,
  };
}

/**
 * How much a field's length lowers a match in it: the norm is
 * 1 / words^(FIELD_NORM_WEIGHT / 2), as Fuse.js's `fieldNormWeight`, but
 * counting two Chinese characters as a word (Fuse.js counts spaces, which
 * Chinese does not use) and taking a list's norm as 1 (it is scored by its
 * best item).
 */
export const FIELD_NORM_WEIGHT = 0.5;

/** How many records the candidate filter hands to Fuse.js for scoring. */
export const CANDIDATE_LIMIT = 24;

/** A result in the reader's other language counts as this share of its match strength. */
export const OTHER_LANGUAGE_FACTOR = 0.75;
