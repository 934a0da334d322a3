import Fuse, { type Expression } from 'fuse.js';
import { termRarity, type CandidateIndex, type TermPlan } from './candidates';
import { SEARCH_FIELDS, type AnalysedText } from './fields';
import { isCjk } from './normalize';

/**
 * How much a field's length lowers a match in it, as Fuse.js's
 * `fieldNormWeight`: the norm is 1 / terms^(FIELD_NORM_WEIGHT / 2), so a
 * term in a short title counts more than in a long text.
 */
const FIELD_NORM_WEIGHT = 0.5;

/**
 * How fast a term's evidence saturates, as BM25's k1 does for term
 * frequency: Fuse.js's -ln(score) for one term grows with every field that
 * holds it, so a common word found in a title, the symptoms and the text
 * could outweigh a rare word found once. `x / (x + K)` keeps the order of
 * the evidence but bounds it, so rare terms decide.
 */
const SATURATION = 20;

/** The analysed fields of every record, by position (see `analyseFields`). */
export type AnalysedFields = ReadonlyArray<ReadonlyArray<AnalysedText | readonly AnalysedText[] | undefined>>;

interface Candidate {
  position: number;
}

/** One query term as Fuse.js looks for it: the texts that stand for it and how much a match counts. */
interface Lookup {
  needles: string[];
  credit: number;
}

/**
 * What a planned term is searched as in the analysed fields: a Latin term
 * after a space (so it matches at the start of a term, and a prefix matches
 * the longer words it starts); a Chinese pair anywhere; a fragment of a code
 * (`date_invalid`) anywhere; a misspelt word as the index words it is a
 * typo of, credited by how close they are (one edit in a ten-letter word
 * counts 0.9).
 */
function lookupsOf(plan: TermPlan): Lookup[] {
  const { term, expansions } = plan;
  if (expansions.some((expansion) => expansion.kind === 'exact' || expansion.kind === 'prefix')) {
    // A number is a whole term (50 is not 502); a word also matches the words it starts.
    const needle = isCjk(term.charCodeAt(0)) ? term : /^\d+$/.test(term) ? ` ${term} ` : ` ${term}`;
    return [{ needles: [needle], credit: Math.max(...expansions.map((expansion) => (expansion.kind === 'exact' ? expansion.similarity : 1))) }];
  }
  if (expansions.some((expansion) => expansion.kind === 'inside')) return [{ needles: [term], credit: 1 }];
  const byEdits = new Map<number, string[]>();
  for (const expansion of expansions) {
    const edits = expansion.edits ?? 1;
    byEdits.set(edits, [...(byEdits.get(edits) ?? []), ` ${expansion.term}`]);
  }
  return [...byEdits].map(([edits, needles]) => ({ needles, credit: Math.max(0, 1 - edits / term.length) }));
}

/**
 * Fuse.js's logical query for one lookup: any field containing any needle
 * (extended search's `'"…"` is an exact "includes" match).
 */
function expression(lookup: Lookup): Expression {
  const value = lookup.needles.map((needle) => `'"${needle}"`).join(' | ');
  return { $or: SEARCH_FIELDS.map((field) => ({ [field.name]: value })) };
}

/**
 * Scores one query's candidates with Fuse.js (a fresh instance over just
 * them, documented API only). For each query term Fuse.js finds the fields
 * that hold it and scores the record by those fields' weights and lengths;
 * a record's strength is then the sum over the terms of that score
 * (as -ln) weighted by the term's rarity in the whole index (BM25's IDF),
 * divided by the query's total rarity. Higher is stronger; records matching
 * no term are left out.
 */
export function scoreCandidates(fields: AnalysedFields, index: CandidateIndex, positions: readonly number[], plan: readonly TermPlan[]): Map<number, number> {
  const fuse = new Fuse<Candidate>(
    positions.map((position) => ({ position })),
    {
      keys: SEARCH_FIELDS.map((field, key) => ({ name: field.name, weight: field.weight, getFn: (candidate: Candidate) => fields[candidate.position][key] })),
      useExtendedSearch: true,
      // The analysed text is folded already; Fuse.js need not lower-case it per search.
      isCaseSensitive: true,
      includeScore: true,
      shouldSort: false,
      fieldNormWeight: FIELD_NORM_WEIGHT,
    },
  );
  const strengths = new Map<number, number>();
  let totalRarity = 0;
  for (const entry of plan) {
    const rarity = termRarity(index, entry);
    totalRarity += rarity;
    const best = new Map<number, number>();
    for (const lookup of lookupsOf(entry)) {
      for (const result of fuse.search(expression(lookup))) {
        const strength = lookup.credit * -Math.log(Math.max(result.score ?? 1, Number.MIN_VALUE));
        if (strength > (best.get(result.item.position) ?? 0)) best.set(result.item.position, strength);
      }
    }
    for (const [position, strength] of best) strengths.set(position, (strengths.get(position) ?? 0) + (rarity * strength) / (strength + SATURATION));
  }
  for (const [position, strength] of strengths) strengths.set(position, strength / (totalRarity || 1));
  return strengths;
}
