import { SEARCH_FIELDS, type LinkedRecord, type SearchField } from './config';
import { boundedEditDistance } from './edit-distance';
import { isCjk } from './normalize';
import { tokenize } from './tokenize';

/*
 * Fuse.js compares every term with every field of every record, which is
 * too slow for ten thousand sections. This inverted index picks the few
 * dozen records worth scoring: those sharing terms with the query, exactly,
 * by prefix (`certif`), inside a code (`date_invalid`) or within one or two
 * typos, weighted by field and by how rare the term is.
 */

interface Posting {
  records: number[];
  weights: number[];
}

/** How a query term relates to an index term. */
export type ExpansionKind = 'exact' | 'prefix' | 'inside' | 'typo';

/** A term of the index a query term stands for, and how sure that is. */
export interface Expansion {
  term: string;
  kind: ExpansionKind;
  similarity: number;
}

/** The inverted index over all records, built once when the index loads. */
export interface CandidateIndex {
  postings: Map<string, Posting>;
  /** Every Latin term, sorted, for prefix and code look-ups. */
  vocabulary: string[];
  /** Latin words (no digits or `_`) by length, for typo look-ups. */
  wordsByLength: Map<number, string[]>;
  recordCount: number;
}

const PREFIX_SIMILARITY = 0.7;
const INSIDE_SIMILARITY = 0.6;
const TYPO_SIMILARITY = 0.6;
const MAX_EXPANSIONS = 24;

function addPosting(postings: Map<string, Posting>, term: string, record: number, weight: number): void {
  let posting = postings.get(term);
  if (!posting) {
    posting = { records: [], weights: [] };
    postings.set(term, posting);
  }
  const last = posting.records.length - 1;
  if (posting.records[last] === record) posting.weights[last] = Math.max(posting.weights[last], weight);
  else {
    posting.records.push(record);
    posting.weights.push(weight);
  }
}

/** Indexes every field of every record under its terms, keeping the heaviest field per record and term. */
export function buildCandidateIndex(records: readonly LinkedRecord[], fields: readonly SearchField[] = SEARCH_FIELDS): CandidateIndex {
  const postings = new Map<string, Posting>();
  // A fix repeats its article's symptoms and errors: tokenize each distinct text once.
  const termsOf = new Map<string, string[]>();
  records.forEach((record, position) => {
    for (const field of fields) {
      const text = field.read(record);
      if (!text) continue;
      let terms = termsOf.get(text);
      if (!terms) {
        terms = [...new Set(tokenize(text))];
        termsOf.set(text, terms);
      }
      for (const term of terms) addPosting(postings, term, position, field.weight);
    }
  });
  const vocabulary = [...postings.keys()].filter((term) => !isCjk(term.charCodeAt(0))).sort();
  const wordsByLength = new Map<number, string[]>();
  for (const term of vocabulary) {
    if (/[_\d:]/.test(term)) continue;
    const sameLength = wordsByLength.get(term.length) ?? [];
    sameLength.push(term);
    wordsByLength.set(term.length, sameLength);
  }
  return { postings, vocabulary, wordsByLength, recordCount: records.length };
}

function firstWithPrefix(vocabulary: string[], prefix: string): number {
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (vocabulary[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The index terms a query term may mean: itself; when it is not a whole
 * index term, or it is the word still being typed (`partial`), the longer
 * words it starts (`certif`); a code it is part of (`date_invalid`); or
 * words one or two typos away (`certifcate`).
 */
export function expandTerm(index: CandidateIndex, term: string, partial = false): Expansion[] {
  const known = index.postings.has(term);
  const expansions: Expansion[] = known ? [{ term, kind: 'exact', similarity: 1 }] : [];
  if (isCjk(term.charCodeAt(0)) || term.length < 3 || (known && !partial)) return expansions;
  const { vocabulary } = index;
  for (let i = firstWithPrefix(vocabulary, term); i < vocabulary.length && vocabulary[i].startsWith(term); i += 1) {
    if (vocabulary[i] !== term) expansions.push({ term: vocabulary[i], kind: 'prefix', similarity: PREFIX_SIMILARITY });
    if (expansions.length >= MAX_EXPANSIONS) return expansions;
  }
  if (expansions.length > 0) return expansions;
  const codeLike = /[_\d]/.test(term);
  if (codeLike && term.length >= 5) {
    for (const candidate of vocabulary) {
      if (candidate.includes(term)) expansions.push({ term: candidate, kind: 'inside', similarity: INSIDE_SIMILARITY });
      if (expansions.length >= MAX_EXPANSIONS) break;
    }
    return expansions;
  }
  if (codeLike || term.length < 4) return expansions;
  const limit = term.length >= 8 ? 2 : 1;
  for (let length = term.length - limit; length <= term.length + limit; length += 1) {
    for (const candidate of index.wordsByLength.get(length) ?? []) {
      const distance = boundedEditDistance(term, candidate, limit);
      if (distance <= limit) expansions.push({ term: candidate, kind: 'typo', similarity: TYPO_SIMILARITY / distance });
      if (expansions.length >= MAX_EXPANSIONS) return expansions;
    }
  }
  return expansions;
}

/** A query term with the index terms it stands for. */
export interface TermPlan {
  term: string;
  expansions: Expansion[];
}

/**
 * Looks every query term up (the last one as a word still being typed when
 * `lastIsPartial`) and drops those nothing in the index answers to.
 */
export function planTerms(index: CandidateIndex, terms: readonly string[], lastIsPartial = false): TermPlan[] {
  return terms
    .map((term, position) => ({ term, expansions: expandTerm(index, term, lastIsPartial && position === terms.length - 1) }))
    .filter((plan) => plan.expansions.length > 0);
}

/** How rare a term is (BM25's IDF over records), by its most common expansion. */
export function termRarity(index: CandidateIndex, plan: TermPlan): number {
  const frequency = Math.max(1, ...plan.expansions.map((expansion) => index.postings.get(expansion.term)?.records.length ?? 0));
  return Math.log(1 + (index.recordCount - frequency + 0.5) / (frequency + 0.5));
}

/**
 * Positions of the records most worth scoring, best first: each query term
 * adds its closest expansion's weight (IDF times the heaviest field it
 * occurs in) to every record containing it.
 */
export function findCandidates(index: CandidateIndex, plan: readonly TermPlan[], limit: number): number[] {
  const totals = new Map<number, number>();
  for (const { expansions } of plan) {
    const best = new Map<number, number>();
    for (const { term, similarity } of expansions) {
      const posting = index.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + index.recordCount / posting.records.length);
      for (let i = 0; i < posting.records.length; i += 1) {
        const value = similarity * idf * posting.weights[i];
        const record = posting.records[i];
        if (value > (best.get(record) ?? 0)) best.set(record, value);
      }
    }
    for (const [record, value] of best) totals.set(record, (totals.get(record) ?? 0) + value);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([record]) => record);
}
