import type { CandidateIndex, TermPlan } from './candidates';
import { GENERIC_CONCEPTS, withoutGenericPhrases } from './concepts';
import { foldText, isCjk } from './normalize';
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

/**
 * What a complaint says the person did with the program and what it showed
 * ("右键管理员启动", "弹窗", "I clicked connect and a dialog said"): the
 * way to a symptom, in every ticket, naming no cause.
 */
const APP_ACTIONS =
  /\b(?:right[- ]click(?:ed|ing)?|run(?:ning)? as (?:an )?admin(?:istrator)?|admin(?:istrator)?|launch(?:ed|es|ing)?|start(?:ed|s|ing)?(?: up)?|open(?:ed|s|ing)?|click(?:ed|s|ing)?|tap(?:ped|s)?|press(?:ed|es)?|pop-?ups?|dialog(?: box)?|window|message|app|application|program|software|button)\b|右键|鼠标|管理员(?:身份)?|以管理员|启动|打开|运行|点击|点了|双击|弹窗|弹出|窗口|提示框|对话框|按钮|软件|程序|应用/g;

/** A Chinese pair is half a word when counting how much a query says (see MAX_VAGUE_TERMS). */
const CJK_PAIR_SHARE = 0.5;

/** A term in at least this share of the articles and flows says nothing about which one. */
const COMMON_SHARE = 0.45;

/** A query saying more words than this besides its symptom and what was clicked describes enough to rank on its own. */
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
 * telling symptom, and every other term, once what the person clicked and
 * what popped up are set aside, (or the words a misspelt one stands for, as
 * `plan` has them) is common to many articles or unknown.
 */
export function isVague(query: string, plan: readonly TermPlan[], index: CandidateIndex, families: Int32Array, familyCount: number): boolean {
  const concepts = conceptTerms(query);
  if (!concepts.some((term) => GENERIC_CONCEPTS.has(term))) return false;
  // A circumstance or a telling symptom ("refused", "timed out", "VPN", "证书") is a lead, not vagueness.
  if (concepts.some((term) => !GENERIC_CONCEPTS.has(term))) return false;
  const rest = queryTerms(withoutGenericPhrases(foldText(query)).replace(APP_ACTIONS, ' '));
  if (rest.reduce((words, term) => words + (isCjk(term.charCodeAt(0)) ? CJK_PAIR_SHARE : 1), 0) > MAX_VAGUE_TERMS) return false;
  return rest.every((term) => {
    const expansions = plan.find((entry) => entry.term === term)?.expansions ?? [];
    return expansions.length === 0 || Math.max(...expansions.map((expansion) => familyShare(index, families, familyCount, expansion.term))) >= COMMON_SHARE;
  });
}
