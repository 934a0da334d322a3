import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import type { InsightEvent } from './contract';

const DAY_MS = 86_400_000;

/** An event's time as stored: the browser's clock, kept within the last day up to now. */
function clampTime(text: string, now: number): Date {
  const time = Date.parse(text);
  return new Date(Math.min(now, Math.max(now - DAY_MS, Number.isFinite(time) ? time : now)));
}

/** Stores a batch of one caller's events in one insert. */
export async function storeEvents(db: FixpathDb, actor: string, events: InsightEvent[], now = Date.now()): Promise<void> {
  const rows = events.map((event) => {
    const at = clampTime(event.at, now);
    const base = { at, actor, lang: event.lang, kind: event.type };
    switch (event.type) {
      case 'search':
        return { ...base, query: event.query.trim(), shown: event.shown, resultCount: event.resultCount, clickedRank: event.clickedRank };
      case 'step': {
        const entered = clampTime(event.enteredAt, now);
        return { ...base, flowId: event.flowId, stateId: event.stateId, outcome: event.outcome, durationMs: Math.max(0, Math.min(2 ** 31 - 1, at.getTime() - entered.getTime())), caseId: event.caseId ?? null };
      }
      case 'ending':
        return { ...base, flowId: event.flowId, stateId: event.stateId, outcome: event.endingKind, slug: event.slug ?? null, fixId: event.fixId ?? null, caseId: event.caseId ?? null };
      case 'view':
        return { ...base, slug: event.slug };
    }
  });
  await db.insert(tables.insightEvents).values(rows);
}

/** Events this caller had stored in the last minute (every instance's), for the rate limit. */
export async function recentCount(db: FixpathDb, actor: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tables.insightEvents)
    .where(and(eq(tables.insightEvents.actor, actor), gt(tables.insightEvents.receivedAt, sql`now() - interval '1 minute'`)));
  return Number(row.n);
}
