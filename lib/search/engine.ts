import Fuse from 'fuse.js';
import type { Locale } from '../i18n/locales';
import { buildCandidateIndex, findCandidates, planTerms, type CandidateIndex } from './candidates';
import { CANDIDATE_LIMIT, fuseOptions, OTHER_LANGUAGE_FACTOR, type LinkedRecord } from './config';
import { applyFieldNorms } from './field-norms';
import { SEARCH_INDEX_VERSION } from './kinds';
import { foldText } from './normalize';
import { keyOf, rank, readerVersions, type RankedRecord } from './rank';
import { resultUrl } from './result-url';
import type { SearchIndex, SearchRecord } from './schema';
import { findErrorCodes, readErrorSignature, type ErrorSignature } from './signature';
import { PARTIAL_MARK, registerTermSearch } from './term-search';
import { queryTerms } from './tokenize';

/** At most this many query terms are looked up: a paste's codes and exception names come first. */
const MAX_TERMS = 16;

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
export interface SearchOptions {
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

function linkRecords(records: readonly SearchRecord[]): LinkedRecord[] {
  return records.map((record) =>
    record.parent === undefined ? record : Object.defineProperty({ ...record }, 'parentRecord', { value: records[record.parent], enumerable: false }),
  );
}

/** Everything a record says, folded, for checking that an error code occurs verbatim. */
function haystack(record: LinkedRecord): string {
  const parts = [record.title, record.summary, record.text, ...(record.errors ?? []), ...(record.symptoms ?? []), ...(record.commands ?? [])];
  if (record.parentRecord) parts.push(...(record.parentRecord.errors ?? []));
  return foldText(parts.filter(Boolean).join('\n'));
}

/** Loads an index for searching; throws when the file was built for another version of the search. */
export function createSearchEngine(index: SearchIndex): SearchEngine {
  if (index.version !== SEARCH_INDEX_VERSION) {
    throw new Error(`search index version ${String(index.version)} is not ${SEARCH_INDEX_VERSION}: rebuild it with \`npx tsx scripts/build-search-index.ts\``);
  }
  registerTermSearch();
  const records = linkRecords(index.records);
  const candidates: CandidateIndex = buildCandidateIndex(records);
  const fuse = new Fuse(records, fuseOptions(candidates));
  const fuseIndex = fuse.getIndex();
  const allFuseRecords = fuseIndex.records;
  applyFieldNorms(allFuseRecords);
  const twins = new Map<string, number[]>();
  records.forEach((record, position) => twins.set(keyOf(record), [...(twins.get(keyOf(record)) ?? []), position]));
  /** The candidates and their versions in the other language, so a result can be shown in the reader's language when both match. */
  const withTwins = (positions: number[]) => [...new Set(positions.flatMap((position) => twins.get(keyOf(records[position])) ?? [position]))];
  const haystacks = new Map<number, string>();
  const textOf = (position: number) => {
    let text = haystacks.get(position);
    if (text === undefined) {
      text = haystack(records[position]);
      haystacks.set(position, text);
    }
    return text;
  };

  /** Fuse.js scores only the candidates: its index is narrowed to them for one search. */
  function scoreCandidates(positions: number[], pattern: string) {
    fuseIndex.setIndexRecords(positions.map((position) => allFuseRecords[position]));
    try {
      return fuse.search(pattern, { limit: positions.length });
    } finally {
      fuseIndex.setIndexRecords(allFuseRecords);
    }
  }

  function search(query: string, { lang, limit = 20 }: SearchOptions): SearchResponse {
    const signature = readErrorSignature(query);
    const text = signature?.query ?? query;
    const stillTyping = !signature && /[\p{L}\p{N}]$/u.test(query);
    const plan = planTerms(candidates, queryTerms(text), stillTyping).slice(0, MAX_TERMS);
    const terms = plan.map((entry) => entry.term);
    if (terms.length === 0) return { signature, terms, highlight: [], hits: [] };
    const codes = (signature?.codes ?? findErrorCodes(query)).map((code) => foldText(code));
    const positions = withTwins(findCandidates(candidates, plan, CANDIDATE_LIMIT));
    const pattern = terms.join(' ') + (stillTyping ? PARTIAL_MARK : '');
    const scored = scoreCandidates(positions, pattern).map((result): RankedRecord => {
      const record = records[result.refIndex];
      const otherLanguage = record.lang !== lang;
      const strength = -Math.log(Math.max(result.score ?? 1, Number.MIN_VALUE)) * (otherLanguage ? OTHER_LANGUAGE_FACTOR : 1);
      const exactCodes = codes.filter((code) => textOf(result.refIndex).includes(code));
      return { record, position: result.refIndex, strength, otherLanguage, exactCodes };
    });
    const inReaderLanguage = readerVersions(scored);
    const hits = rank(scored)
      .slice(0, limit)
      .map((hit): SearchHit => {
        const shown = inReaderLanguage.get(keyOf(hit.record)) ?? hit;
        return {
          record: shown.record,
          position: shown.position,
          score: Number(Math.exp(-hit.strength).toPrecision(3)),
          url: resultUrl(shown.record),
          otherLanguage: shown.otherLanguage,
          exactCodes: hit.exactCodes,
        };
      });
    const highlight = [...new Set(plan.flatMap((entry) => [entry.term, ...entry.expansions.filter((expansion) => expansion.kind === 'typo').map((expansion) => expansion.term)]))];
    return { signature, terms, highlight, hits };
  }

  return { records, search };
}
