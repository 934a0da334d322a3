import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import { parseCommandOutput } from '@/lib/evidence';
import type { Locale } from '@/lib/i18n';
import type { TimelineEvent } from './contract';
import type { BrowserCheckInput, FeedbackOutcome } from './customer-contract';
import type { LinkRecord } from './links';
import { appendEvent, insertEvents, toEvent } from './store';

/** The actor of everything a customer does through a link. */
const CUSTOMER = 'customer';

/** Statuses a customer's "fixed" may resolve: a case staff already resolved or closed stays as it is. */
const RESOLVABLE = new Set(['open', 'waiting']);

/** What a recorded answer did: the `feedback` event, and the case's new status when the answer resolved it. */
interface FeedbackRecorded {
  event: TimelineEvent;
  resolved: boolean;
}

/**
 * Records the customer's answer as a `feedback` event. When the link lets "fixed" resolve the
 * case and the case is open or waiting, the same transaction sets it to `resolved`, bumps its
 * version (an agent's pending edit is then stale, as after any status change) and records the
 * `status` event, so the answer and its effect are never seen apart.
 */
export async function recordFeedback(db: FixpathDb, link: LinkRecord, answer: { outcome: FeedbackOutcome; comment?: string; lang: Locale }): Promise<FeedbackRecorded | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tables.cases).where(eq(tables.cases.id, link.caseId)).for('update');
    if (!current) return null;
    const resolves = link.resolveOnFixed && answer.outcome === 'fixed' && RESOLVABLE.has(current.status);
    await tx
      .update(tables.cases)
      .set(resolves ? { status: 'resolved', version: current.version + 1, updatedAt: new Date() } : { updatedAt: new Date() })
      .where(eq(tables.cases.id, link.caseId));
    const payload = { linkId: link.id, slug: link.slug, fixId: link.fixId, lang: answer.lang, outcome: answer.outcome, ...(answer.comment ? { comment: answer.comment } : {}) };
    const events: Array<typeof tables.caseEvents.$inferInsert> = [{ caseId: link.caseId, actor: CUSTOMER, kind: 'feedback', payload }];
    if (resolves) events.push({ caseId: link.caseId, actor: CUSTOMER, kind: 'status', payload: { from: current.status, to: 'resolved', reason: 'customer-fixed', linkId: link.id } });
    const [event] = await insertEvents(tx, events);
    return { event: toEvent(event), resolved: resolves };
  });
}

/** The customer's latest answer through this link (a later one supersedes an earlier one), or null. */
export async function latestFeedback(db: FixpathDb, link: LinkRecord): Promise<TimelineEvent | null> {
  const [row] = await db
    .select()
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, link.caseId), eq(tables.caseEvents.kind, 'feedback'), sql`${tables.caseEvents.payload}->>'linkId' = ${link.id}`))
    .orderBy(desc(tables.caseEvents.at), desc(tables.caseEvents.id))
    .limit(1);
  return row ? toEvent(row) : null;
}

/**
 * Stores pasted command output as an `evidence` event: the text exactly as pasted (kept as
 * text; pages render it as a text node, never as HTML) and what the parser read from it.
 */
export function recordCustomerEvidence(db: FixpathDb, link: LinkRecord, text: string): Promise<TimelineEvent | null> {
  return appendEvent(db, link.caseId, 'evidence', { source: 'customer', linkId: link.id, text, parsed: parseCommandOutput(text) }, CUSTOMER);
}

/** Where Fixpath saw the customer's request come from. */
export interface SeenFrom {
  address: string;
  family: 4 | 6;
}

/** Stores what the customer's browser measured as a `browser-check` event, with the server's time and the address it came from. */
export function recordBrowserCheck(db: FixpathDb, link: LinkRecord, input: BrowserCheckInput, seenFrom: SeenFrom, receivedAt: Date): Promise<TimelineEvent | null> {
  return appendEvent(db, link.caseId, 'browser-check', { linkId: link.id, receivedAt: receivedAt.toISOString(), seenFrom, ...input }, CUSTOMER);
}
