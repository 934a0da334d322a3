import Fuse from 'fuse.js';
import { planTerms, termRarity, type CandidateIndex } from './candidates';
import { LIST_SEPARATOR } from './config';
import { containsTerm, lineAround } from './term-match';
import { queryTerms } from './tokenize';

/*
 * A Fuse.js searcher plugin (`Fuse.use`). Fuse.js's own token search scores
 * a field by how much of the query it holds, each term weighted by rarity;
 * but it runs its bitap matcher over the whole field for every term, even
 * one that is there verbatim, which is what made ten thousand sections slow.
 * This searcher keeps that scoring and checks each term with indexOf first;
 * Fuse.js's bitap (`Fuse.match`, same threshold) runs only on a line where
 * the index knows a near spelling of the term occurs, to score the typo.
 */

/** Appended to a pattern whose last word is still being typed, so it also matches longer words. */
export const PARTIAL_MARK = '*';

/** The options the searcher reads; `termIndex` switches it on, the others are Fuse.js's own. */
export interface TermSearchOptions {
  termIndex?: CandidateIndex;
  threshold?: number;
  ignoreLocation?: boolean;
}

interface WeightedTerm {
  term: string;
  rarity: number;
  /** Index terms one or two typos away, when the term itself is not in the index. */
  typos: string[];
}

/** Fuse.js searcher: IDF-weighted share of the query's terms found in a field (0 = all, 1 = none). */
export class TermSearch {
  /** Fuse.js asks each registered searcher whether it handles these options. */
  static condition(_pattern: string, options: TermSearchOptions): boolean {
    return options.termIndex !== undefined;
  }

  private readonly terms: WeightedTerm[];
  private readonly total: number;
  private readonly fuzzy: { threshold: number; ignoreLocation: boolean };

  constructor(pattern: string, options: TermSearchOptions) {
    const index = options.termIndex as CandidateIndex;
    const plan = planTerms(index, queryTerms(pattern), pattern.endsWith(PARTIAL_MARK));
    this.terms = plan.map((entry) => ({
      term: entry.term,
      rarity: termRarity(index, entry),
      typos: entry.expansions.filter((expansion) => expansion.kind === 'typo').map((expansion) => expansion.term),
    }));
    this.total = this.terms.reduce((sum, term) => sum + term.rarity, 0);
    this.fuzzy = { threshold: options.threshold ?? 0.3, ignoreLocation: options.ignoreLocation ?? true };
  }

  /** Scores one field value (already folded to lower case by the field reader); a list by its best item. */
  searchIn(text: string): { isMatch: boolean; score: number } {
    const found = text.includes(LIST_SEPARATOR)
      ? Math.max(...text.split(LIST_SEPARATOR).map((item) => this.weightFound(item)))
      : this.weightFound(text);
    if (found === 0) return { isMatch: false, score: 1 };
    return { isMatch: true, score: Math.max(0.001, 1 - found / this.total) };
  }

  /** The summed rarity of the terms found in `text`, a typo counting by how close it is. */
  private weightFound(text: string): number {
    let found = 0;
    for (const { term, rarity, typos } of this.terms) {
      if (containsTerm(text, term)) {
        found += rarity;
        continue;
      }
      const near = typos.find((typo) => containsTerm(text, typo));
      if (!near) continue;
      const fuzzy = Fuse.match(term, lineAround(text, text.indexOf(near)), this.fuzzy);
      if (fuzzy.isMatch) found += rarity * (1 - fuzzy.score);
    }
    return found;
  }
}

let registered = false;

/** Registers {@link TermSearch} with Fuse.js once; Fuse.js instances without `termIndex` are unaffected. */
export function registerTermSearch(): void {
  if (registered) return;
  Fuse.use(TermSearch);
  registered = true;
}
