import type { SearchHit } from '../engine/engine';
import type { RecordKind } from '../records';

/** The palette's result groups, in the order shown: fixes first, since opening one is the goal. */
const RESULT_GROUPS = ['fixes', 'articles', 'flows'] as const;

/** One of the palette's result groups. */
export type ResultGroup = (typeof RESULT_GROUPS)[number];

const GROUP_OF: Record<RecordKind, ResultGroup> = { fix: 'fixes', article: 'articles', flow: 'flows', step: 'flows' };

/** The hits in their groups (empty groups left out), each group keeping the ranking order. */
export function groupHits(hits: readonly SearchHit[]): Array<{ group: ResultGroup; hits: SearchHit[] }> {
  return RESULT_GROUPS.map((group) => ({ group, hits: hits.filter((hit) => GROUP_OF[hit.record.kind] === group) })).filter((entry) => entry.hits.length > 0);
}
