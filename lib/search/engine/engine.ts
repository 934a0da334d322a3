import type { Locale } from '@/lib/i18n';
import { SEARCH_INDEX_VERSION, type SearchIndex, type SearchRecord } from '../records';
import { buildCandidateIndex, findCandidates, keepMostTelling, mentionsAny, planTerms } from './candidates';
import { analyseFields, haystack, type LinkedRecord } from './fields';
import { foldText } from './normalize';
import { keyOf, rank, readerVersions, type RankedRecord } from './rank';
import { resultUrl } from './result-url';
import { scoreCandidates } from './scoring';
import { CONCEPT_PREFIX } from './concepts';
import { findErrorCodes, readErrorSignature, type ErrorSignature } from './signature';
import { conceptTerms, queryTerms } from './tokenize';
import { MIN_VERBATIM, quotedForms, quotesAnError, wordsOnly } from './verbatim';
import { ENTRY_POINTS, isVague } from './vague';

/** At most this many query terms are looked up (a Chinese pair counting half): the rarest, so a long paste or complaint keeps what tells it apart. */
const MAX_TERMS = 16;

/** How many records the candidate filter hands to Fuse.js for scoring (plus their other-language versions). */
const CANDIDATE_LIMIT = 24;

/** For a vague query, the entry points rank above the best match by this share, each one before the next (see vague.ts). */
const ENTRY_LIFT = 0.1;

/** A result in the reader's other language counts as this share of its match strength. */
const OTHER_LANGUAGE_FACTOR = 0.75;

/** One result. `score` follows Fuse.js: 0 is a perfect match, 1 no match. */
export interface SearchHit {
  record: SearchRecord;
  /** Position of the record in the index. */
  position: number;
  score: number;
  /** The page to open, in the record's language. */
  url: string;
  /** True when the record is not in the reader's language. */
  otherLanguage: boolean;
  /** Error codes from the query that this record contains verbatim. */
  exactCodes: string[];
}

/** What a search found, and what it understood of the query. */
export interface SearchResponse {
  /** The signature of a pasted error, or null for typed words. */
  signature: ErrorSignature | null;
  /** The terms that were looked up (after reducing a paste). */
  terms: string[];
  /** What to mark in result text: the terms and the index words their typos stand for. */
  highlight: string[];
  hits: SearchHit[];
}

/** Options of one search. */
interface SearchOptions {
  /** The reader's language: its results come first. */
  lang: Locale;
  /** At most this many results (default 20). */
  limit?: number;
}

/** A loaded index, ready to answer queries in Node or the browser. */
export interface SearchEngine {
  records: readonly SearchRecord[];
  search(query: string, options: SearchOptions): SearchResponse;
}

/** Each record's article or flow as a number, the same in every language. */
function familiesOf(records: readonly SearchRecord[]): Int32Array {
  const ids = new Map<string, number>();
  const families = new Int32Array(records.length);
  records.forEach((record, position) => {
    const family = `${record.kind === 'step' || record.kind === 'flow' ? 'flow' : 'article'} ${record.slug}`;
    if (!ids.has(family)) ids.set(family, ids.size);
    families[position] = ids.get(family) ?? 0;
  });
  return families;
}

/**
 * Puts the entry points of a vague query above every match, in their order
 * (each version of an entry point, both languages, lifted alike).
 */
function liftEntryPoints(strengths: Map<number, number>, entryPositions: ReadonlyArray<readonly number[]>): void {
  const top = Math.max(0, ...strengths.values()) || 1;
  entryPositions.forEach((versions, order) => {
    for (const position of versions) strengths.set(position, top * (1 + ENTRY_LIFT * (entryPositions.length - order)));
  });
}

function linkRecords(records: readonly SearchRecord[]): LinkedRecord[] {
  return records.map((record) =>
    record.parent === undefined ? record : Object.defineProperty({ ...record }, 'parentRecord', { value: records[record.parent], enumerable: false }),
  );
}

/**
 * Loads an index for searching; throws when the file was built for another
 * version of the search. A query goes: pasted error reduced to its
 * signature, our tokenizer's terms planned against the index (prefixes,
 * codes, typos), the candidate filter, Fuse.js scoring of the candidates,
 * then our ranking (verbatim error codes first, the reader's language,
 * one article not filling the list).
 */
export function createSearchEngine(index: SearchIndex): SearchEngine {
  if (index.version !== SEARCH_INDEX_VERSION) {
    throw new Error(`search index version ${String(index.version)} is not ${SEARCH_INDEX_VERSION}: rebuild it with \`npm run -s build:search\``);
  }
  const records = linkRecords(index.records);
  const fields = analyseFields(records);
  const candidates = buildCandidateIndex(fields);
  const twins = new Map<string, number[]>();
  records.forEach((record, position) => twins.set(keyOf(record), [...(twins.get(keyOf(record)) ?? []), position]));
  const families = familiesOf(records);
  const familyCount = new Set(families).size;
  const entryPositions = ENTRY_POINTS.map((key) => twins.get(key) ?? []);
  const haystacks = new Map<number, string>();
  const errorsCache = new Map<number, string[]>();
  const errorsOf = (position: number) => {
    let errors = errorsCache.get(position);
    if (errors === undefined) {
      const record = records[position];
      errors = [...(record.errors ?? []), ...(record.parentRecord?.errors ?? [])].map(wordsOnly).filter((error) => error.length >= MIN_VERBATIM);
      errorsCache.set(position, errors);
    }
    return errors;
  };
  const textOf = (position: number) => {
    let text = haystacks.get(position);
    if (text === undefined) {
      text = haystack(records[position]);
      haystacks.set(position, text);
    }
    return text;
  };

  function search(query: string, { lang, limit = 20 }: SearchOptions): SearchResponse {
    const signature = readErrorSignature(query);
    const text = signature?.query ?? query;
    const stillTyping = !signature && /[\p{L}\p{N}]$/u.test(query);
    // Concepts are few and say the most about a complaint, so the cut applies to words only.
    const plan = [...keepMostTelling(candidates, planTerms(candidates, queryTerms(text), stillTyping), MAX_TERMS), ...planTerms(candidates, conceptTerms(query))];
    const terms = plan.map((entry) => entry.term);
    const codes = (signature?.codes ?? findErrorCodes(query)).map((code) => foldText(code));
    // A vague symptom leads to the entry points even when none of its words is in the index ("keeps spinning").
    const vague = !signature && codes.length === 0 && isVague(text, plan, candidates, families, familyCount);
    if (terms.length === 0 && !vague) return { signature, terms, highlight: [], hits: [] };
    // The best candidates, and their versions in the other language when those match too, so a result can be shown in the reader's language.
    const best = findCandidates(candidates, plan, CANDIDATE_LIMIT, families);
    const positions = [...new Set(best.flatMap((position) => (twins.get(keyOf(records[position])) ?? [position]).filter((twin) => twin === position || mentionsAny(candidates, plan, twin))))];
    const forms = quotedForms(query, codes);
    const strengths = scoreCandidates(fields, candidates, vague ? [...new Set([...positions, ...entryPositions.flat()])] : positions, plan);
    if (vague) liftEntryPoints(strengths, entryPositions);
    const scored = [...strengths].map(([position, strength]): RankedRecord => {
      const record = records[position];
      const otherLanguage = record.lang !== lang;
      const exactCodes = codes.filter((code) => textOf(position).includes(code));
      return { record, position, strength: strength * (otherLanguage ? OTHER_LANGUAGE_FACTOR : 1), otherLanguage, exactCodes, quoted: quotesAnError(errorsOf(position), forms) };
    });
    // A version is shown when it holds a word of the query: one reached only through a concept ("证书" → "certificate") is not what was searched for.
    const wordPlan = plan.filter((entry) => !entry.term.startsWith(CONCEPT_PREFIX));
    const saysWords = (hit: RankedRecord) => wordPlan.length === 0 || mentionsAny(candidates, wordPlan, hit.position);
    const worded = scored.filter(saysWords);
    const inReaderLanguage = readerVersions(worded);
    const bestWorded = new Map<string, RankedRecord>();
    for (const hit of worded) if ((bestWorded.get(keyOf(hit.record))?.strength ?? -1) < hit.strength) bestWorded.set(keyOf(hit.record), hit);
    const hits = rank(scored)
      .slice(0, limit)
      .map((hit): SearchHit => {
        const shown = inReaderLanguage.get(keyOf(hit.record)) ?? bestWorded.get(keyOf(hit.record)) ?? hit;
        return {
          record: shown.record,
          position: shown.position,
          score: Number(Math.exp(-hit.strength).toPrecision(3)),
          url: resultUrl(shown.record),
          otherLanguage: shown.otherLanguage,
          exactCodes: hit.exactCodes,
        };
      });
    const highlight = [...new Set(plan.flatMap((entry) => [entry.term, ...entry.expansions.filter((expansion) => expansion.kind === 'typo').map((expansion) => expansion.term)]))].filter(
      (term) => !term.startsWith(CONCEPT_PREFIX),
    );
    return { signature, terms, highlight, hits };
  }

  return { records, search };
}
