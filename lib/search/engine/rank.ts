import type { SearchRecord } from '../records';

/** A scored record before it becomes a result. */
export interface RankedRecord {
  record: SearchRecord;
  position: number;
  /** How strongly it matched: -ln(Fuse.js score), language preference applied. Higher is better. */
  strength: number;
  otherLanguage: boolean;
  exactCodes: string[];
  /** True when the query quotes one of the record's error messages word for word (or the typed query is part of one). */
  quoted?: boolean;
}

/** Each further result from the same article or flow, after the first two, counts this share less. */
const SAME_SOURCE_DECAY = 0.8;

/** The same article, fix, flow or step, whatever the language. */
export function keyOf(record: SearchRecord): string {
  return `${record.kind} ${record.slug} ${record.anchor ?? ''}`;
}

/** Verbatim evidence: each error code the record contains, and a whole error message of it quoted, count one. */
const verbatim = (hit: RankedRecord) => hit.exactCodes.length + (hit.quoted ? 1 : 0);

/** How many results of one article or flow its verbatim evidence may lift above results without as much. */
const VERBATIM_PER_SOURCE = 2;

function better(a: RankedRecord, b: RankedRecord, strengthA: number, strengthB: number, evidenceA = verbatim(a), evidenceB = verbatim(b)): boolean {
  if (evidenceA !== evidenceB) return evidenceA > evidenceB;
  return strengthA !== strengthB ? strengthA > strengthB : a.position < b.position;
}

/**
 * Orders scored records: those containing more of the query's error codes
 * or quoting one of its error messages verbatim first, then by strength. Each article, fix or flow appears once
 * (its best language version's rank). Picking greedily, a record's strength
 * is lowered by SAME_SOURCE_DECAY for every result its article already has
 * beyond two, and its verbatim evidence no longer counts once two results
 * of its article are shown, so one article's fixes (which share its
 * symptoms and errors) do not fill the list, while a strong fix still
 * stays near the top.
 */
export function rank(scored: readonly RankedRecord[]): RankedRecord[] {
  const seen = new Set<string>();
  const remaining = [...scored]
    .sort((a, b) => (better(a, b, a.strength, b.strength) ? -1 : 1))
    .filter((hit) => !seen.has(keyOf(hit.record)) && seen.add(keyOf(hit.record)));
  const shown = new Map<string, number>();
  const adjusted = (hit: RankedRecord) => hit.strength * Math.pow(SAME_SOURCE_DECAY, Math.max(0, (shown.get(hit.record.slug) ?? 0) - 1));
  // A fix quotes its article's errors, so one article's evidence would otherwise lift all its fixes above every other cause.
  const evidence = (hit: RankedRecord) => ((shown.get(hit.record.slug) ?? 0) < VERBATIM_PER_SOURCE ? verbatim(hit) : 0);
  const ranked: RankedRecord[] = [];
  while (remaining.length > 0) {
    let best = 0;
    for (let i = 1; i < remaining.length; i += 1) {
      const [a, b] = [remaining[i], remaining[best]];
      if (better(a, b, adjusted(a), adjusted(b), evidence(a), evidence(b))) best = i;
    }
    const [hit] = remaining.splice(best, 1);
    shown.set(hit.record.slug, (shown.get(hit.record.slug) ?? 0) + 1);
    ranked.push(hit);
  }
  return ranked;
}

/** For each record, its version in the reader's language among `scored`, when that version matched too. */
export function readerVersions(scored: readonly RankedRecord[]): Map<string, RankedRecord> {
  const versions = new Map<string, RankedRecord>();
  for (const hit of scored) {
    const known = versions.get(keyOf(hit.record));
    if (!hit.otherLanguage && (!known || hit.strength > known.strength)) versions.set(keyOf(hit.record), hit);
  }
  return versions;
}
