import type { CandidateIndex, TermPlan } from './candidates';
import { CONCEPT_PREFIX, GENERIC_CONCEPTS, withoutGenericPhrases } from './concepts';
import { foldText } from './normalize';
import { conceptTerms, queryTerms } from './tokenize';

/*
 * "连不上", "cannot connect", "keeps spinning": a query that says only that
 * something does not work names no cause, so any fix it happens to match is
 * a guess. What helps is the place to start: the triage article and the
 * five-layer flow. A query is vague when, once its generic symptom phrases
 * are taken out, every word left is one that most articles use ("client",
 * "server", "服务器") or one the index does not know.
 */

/**
 * Where a vague query should start, best first (as `kind slug anchor`): the
 * knowledge base's own entry points, the first-five-minutes triage and the
 * layer-by-layer flow and model (docs/content-model.md).
 */
export const ENTRY_POINTS = ['article connection-triage ', 'flow five-layer ', 'article five-layer-model '] as const;

/** A term in at least this share of the articles and flows says nothing about which one. */
const COMMON_SHARE = 0.45;

/** A query with more terms than this describes enough to rank on its own. */
const MAX_VAGUE_TERMS = 8;

/** How many families (articles and flows) each term occurs in, computed on first use. */
const coverage = new WeakMap<CandidateIndex, Map<string, number>>();

function familyShare(index: CandidateIndex, families: Int32Array, familyCount: number, term: string): number {
  let known = coverage.get(index);
  if (!known) {
    known = new Map();
    coverage.set(index, known);
  }
  let count = known.get(term);
  if (count === undefined) {
    count = new Set((index.postings.get(term)?.records ?? []).map((record) => families[record])).size;
    known.set(term, count);
  }
  return count / familyCount;
}

/**
 * True when `query` (typed words, no error codes) says nothing beyond a
 * generic symptom: it has a generic symptom phrase, no circumstance or
 * telling symptom, and every other term (or the words a misspelt one stands
 * for, as `plan` has them) is common to many articles or unknown.
 */
export function isVague(query: string, plan: readonly TermPlan[], index: CandidateIndex, families: Int32Array, familyCount: number): boolean {
  const terms = [...queryTerms(query), ...conceptTerms(query)];
  if (!terms.some((term) => GENERIC_CONCEPTS.has(term))) return false;
  if (terms.filter((term) => !term.startsWith(CONCEPT_PREFIX)).length > MAX_VAGUE_TERMS) return false;
  // A circumstance or a telling symptom ("refused", "timed out", "VPN", "证书") is a lead, not vagueness.
  if (terms.some((term) => term.startsWith(CONCEPT_PREFIX) && !GENERIC_CONCEPTS.has(term))) return false;
  const rest = queryTerms(withoutGenericPhrases(foldText(query)));
  return rest.every((term) => {
    const expansions = plan.find((entry) => entry.term === term)?.expansions ?? [];
    return expansions.length === 0 || Math.max(...expansions.map((expansion) => familyShare(index, families, familyCount, expansion.term))) >= COMMON_SHARE;
  });
}
