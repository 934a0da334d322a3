import type { SearchHit } from '../engine/engine';
import type { RecordKind } from '../records';

/** The palette's result groups. Fixes come before articles, since opening one is the goal. */
const RESULT_GROUPS = ['fixes', 'articles', 'flows'] as const;

/** One of the palette's result groups. */
export type ResultGroup = (typeof RESULT_GROUPS)[number];

const GROUP_OF: Record<RecordKind, ResultGroup> = { fix: 'fixes', article: 'articles', flow: 'flows', step: 'flows' };

/**
 * The hits in their groups (empty groups left out), each group keeping the
 * ranking order. Fixes come before articles; flows take the place their
 * best hit earned, before every group whose best hit ranks lower, so the
 * flow to start with for a vague symptom is shown first rather than last.
 */
export function groupHits(hits: readonly SearchHit[]): Array<{ group: ResultGroup; hits: SearchHit[] }> {
  const groups = RESULT_GROUPS.map((group) => ({ group, hits: hits.filter((hit) => GROUP_OF[hit.record.kind] === group) })).filter((entry) => entry.hits.length > 0);
  const flows = groups.find((entry) => entry.group === 'flows');
  if (!flows) return groups;
  const rankOf = (entry: { hits: SearchHit[] }) => hits.indexOf(entry.hits[0]);
  const others = groups.filter((entry) => entry !== flows);
  const at = others.findIndex((entry) => rankOf(entry) > rankOf(flows));
  return at < 0 ? [...others, flows] : [...others.slice(0, at), flows, ...others.slice(at)];
}
