import { CONCEPT_PREFIX } from './concepts';
import { boundedEditDistance } from './edit-distance';
import { SEARCH_FIELDS, termsOf, type AnalysedText } from './fields';
import { isCjk } from './normalize';

/*
 * Fuse.js compares every term with every field of every record, which is
 * too slow for ten thousand sections. This inverted index picks the few
 * dozen records worth scoring: those sharing terms with the query, exactly,
 * by prefix (`certif`), inside a code (`date_invalid`) or within one or two
 * typos, weighted by field and by how rare the term is. It also tells the
 * scorer what each query term stands for in the index.
 */

interface Posting {
  records: number[];
  weights: number[];
}

/** How a query term relates to an index term. */
type ExpansionKind = 'exact' | 'prefix' | 'inside' | 'typo';

/** A term of the index a query term stands for, and how sure that is. */
export interface Expansion {
  term: string;
  kind: ExpansionKind;
  similarity: number;
  /** For a typo: how many edits away the index term is. */
  edits?: number;
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
/**
 * A concept token (`~cellular`) counts more than a word: it is a
 * circumstance or symptom however it was worded, in either language, and
 * such circumstances are what tell causes apart (measured on both relevance
 * sets: 1.5 beat 0.5, 1 and 2).
 */
const CONCEPT_SIMILARITY = 1.5;
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

/** Indexes every field of every record (analysed by `analyseFields`) under its terms, keeping the heaviest field per record and term. */
export function buildCandidateIndex(fields: ReadonlyArray<ReadonlyArray<AnalysedText | readonly AnalysedText[] | undefined>>): CandidateIndex {
  const postings = new Map<string, Posting>();
  fields.forEach((recordFields, position) => {
    recordFields.forEach((analysed, key) => {
      if (analysed === undefined) return;
      for (const term of termsOf(analysed)) addPosting(postings, term, position, SEARCH_FIELDS[key].weight);
    });
  });
  const vocabulary = [...postings.keys()].filter((term) => !isCjk(term.charCodeAt(0))).sort();
  const wordsByLength = new Map<number, string[]>();
  for (const term of vocabulary) {
    if (/[_\d:~]/.test(term)) continue;
    const sameLength = wordsByLength.get(term.length) ?? [];
    sameLength.push(term);
    wordsByLength.set(term.length, sameLength);
  }
  return { postings, vocabulary, wordsByLength, recordCount: fields.length };
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

/** The endings `stem` cuts (see tokenize.ts), and how many letters the longest of them adds. */
const ENDINGS = ['ed', 'es', 'ing', 's', 'd', 'e'];
const STEM_ENDING = 3;

/** Edits between a typed word and an index word, or the index word with one of the endings its stem lost. */
function typoDistance(term: string, candidate: string, limit: number): number {
  let distance = boundedEditDistance(term, candidate, limit);
  for (const ending of ENDINGS) {
    if (distance === 1) break;
    if (Math.abs(candidate.length + ending.length - term.length) <= limit) distance = Math.min(distance, boundedEditDistance(term, candidate + ending, limit));
  }
  return distance;
}

/**
 * The index terms a query term may mean: itself; when it is not a whole
 * index term, or it is the word still being typed (`partial`), the longer
 * words it starts (`certif`); a code it is part of (`date_invalid`); or
 * words one or two typos away (`certifcate`).
 */
export function expandTerm(index: CandidateIndex, term: string, partial = false): Expansion[] {
  const known = index.postings.has(term);
  if (term.startsWith(CONCEPT_PREFIX)) return known ? [{ term, kind: 'exact', similarity: CONCEPT_SIMILARITY }] : [];
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
  // Index words are stems (`refus`), typos are of whole words (`refuesd` for `refused`): compare with the stem's common endings too.
  for (let length = term.length - limit - STEM_ENDING; length <= term.length + limit; length += 1) {
    for (const candidate of index.wordsByLength.get(length) ?? []) {
      const distance = typoDistance(term, candidate, limit);
      if (distance <= limit) expansions.push({ term: candidate, kind: 'typo', similarity: TYPO_SIMILARITY / distance, edits: distance });
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

/** A Chinese character pair is about half a word: it counts this much against a term budget. */
const CJK_PAIR_COST = 0.5;

/** The heaviest field a term (any of its expansions) occurs in anywhere: a pair across two Chinese words ("到系") turns up only in body text. */
function heaviestField(index: CandidateIndex, plan: TermPlan): number {
  let heaviest = 0;
  for (const expansion of plan.expansions) for (const weight of index.postings.get(expansion.term)?.weights ?? []) if (weight > heaviest) heaviest = weight;
  return heaviest;
}

/**
 * At most `budget` terms of a plan (a Chinese pair counting half), in the
 * order typed: when there are more, the most common ones are left out, not
 * the last ones, so a long complaint or paste keeps its telling words
 * ("TLS", "握手", "open files") wherever they come.
 */
export function keepMostTelling(index: CandidateIndex, plan: readonly TermPlan[], budget: number): TermPlan[] {
  const cost = (entry: TermPlan) => (isCjk(entry.term.charCodeAt(0)) ? CJK_PAIR_COST : 1);
  if (plan.reduce((total, entry) => total + cost(entry), 0) <= budget) return [...plan];
  const kept = new Set<TermPlan>();
  let spent = 0;
  const telling = new Map(plan.map((entry) => [entry, termRarity(index, entry) * heaviestField(index, entry)]));
  for (const entry of [...plan].sort((a, b) => (telling.get(b) ?? 0) - (telling.get(a) ?? 0))) {
    if (spent + cost(entry) > budget) continue;
    kept.add(entry);
    spent += cost(entry);
  }
  return plan.filter((entry) => kept.has(entry));
}

/** How rare a term is (BM25's IDF over records), by its most common expansion. */
export function termRarity(index: CandidateIndex, plan: TermPlan): number {
  const frequency = Math.max(1, ...plan.expansions.map((expansion) => index.postings.get(expansion.term)?.records.length ?? 0));
  return Math.log(1 + (index.recordCount - frequency + 0.5) / (frequency + 0.5));
}

/** Per-record scratch space of {@link findCandidates}, reused across queries (a search runs to the end before the next starts). */
interface Scratch {
  totals: Float64Array;
  best: Float64Array;
  touched: Int32Array;
}

const scratches = new WeakMap<CandidateIndex, Scratch>();

function scratchFor(index: CandidateIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const size = index.recordCount;
    scratch = { totals: new Float64Array(size), best: new Float64Array(size), touched: new Int32Array(size) };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** At most this many records of one article or flow (in all languages) are scored, so one article's fixes cannot crowd out the others. */
const PER_FAMILY = 4;

/**
 * Positions of the records most worth scoring, best first: each query term
 * adds its closest expansion's weight (IDF times the heaviest field it
 * occurs in) to every record containing it. Typed arrays rather than maps:
 * a common term's postings reach most of a ten-thousand-record index.
 * `families` gives each record's article or flow; at most PER_FAMILY
 * records of one are picked while others remain.
 */
export function findCandidates(index: CandidateIndex, plan: readonly TermPlan[], limit: number, families?: Int32Array): number[] {
  const { totals, best, touched } = scratchFor(index);
  let touchedCount = 0;
  for (const { expansions } of plan) {
    const termTouched: number[] = [];
    for (const { term, similarity } of expansions) {
      const posting = index.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + index.recordCount / posting.records.length);
      for (let i = 0; i < posting.records.length; i += 1) {
        const value = similarity * idf * posting.weights[i];
        const record = posting.records[i];
        if (best[record] === 0) termTouched.push(record);
        if (value > best[record]) best[record] = value;
      }
    }
    for (const record of termTouched) {
      if (totals[record] === 0) touched[touchedCount++] = record;
      totals[record] += best[record];
      best[record] = 0;
    }
  }
  // The best few times `limit`, kept sorted by insertion: most records fall below the last kept one and cost one comparison.
  const keep = families ? limit * PER_FAMILY : limit;
  const top: number[] = [];
  const before = (a: number, b: number) => totals[a] > totals[b] || (totals[a] === totals[b] && a < b);
  for (let i = 0; i < touchedCount; i += 1) {
    const record = touched[i];
    if (top.length === keep && !before(record, top[keep - 1])) continue;
    let at = top.length === keep ? keep - 1 : top.length;
    while (at > 0 && before(record, top[at - 1])) {
      top[at] = top[at - 1];
      at -= 1;
    }
    top[at] = record;
  }
  for (let i = 0; i < touchedCount; i += 1) totals[touched[i]] = 0;
  if (!families) return top;
  const perFamily = new Map<number, number>();
  const picked: number[] = [];
  const rest: number[] = [];
  for (const record of top) {
    const count = perFamily.get(families[record]) ?? 0;
    if (count < PER_FAMILY && picked.length < limit) {
      picked.push(record);
      perFamily.set(families[record], count + 1);
    } else rest.push(record);
  }
  return [...picked, ...rest].slice(0, limit);
}

/** True when the record at `position` holds any term the plan looks for (postings are sorted by position). */
export function mentionsAny(index: CandidateIndex, plan: readonly TermPlan[], position: number): boolean {
  return plan.some(({ expansions }) =>
    expansions.some(({ term }) => {
      const records = index.postings.get(term)?.records ?? [];
      let low = 0;
      let high = records.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (records[middle] < position) low = middle + 1;
        else high = middle;
      }
      return records[low] === position;
    }),
  );
}
