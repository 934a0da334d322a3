import 'server-only';
import { inArray } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import { enqueueDeliveries, webhookEnabled } from '@/lib/webhooks/server';

type EventRow = typeof tables.caseEvents.$inferSelect;

/**
 * What of an event's payload leaves Fixpath. Notes are internal: the receiver learns that a
 * note was added and by whom, never its text.
 */
function publicPayload(event: EventRow): Record<string, unknown> {
  return event.kind === 'note' ? {} : (event.payload as Record<string, unknown>);
}

/**
 * Queues timeline events for the webhook in the transaction that records them (nothing when
 * FIXPATH_WEBHOOK_URL is unset). Each body carries the case as it stands after the event, so
 * a ticket system can follow status and hand-over without calling back.
 */
export async function queueForWebhook(tx: Pick<FixpathDb, 'insert' | 'select'>, events: readonly EventRow[]): Promise<void> {
  if (events.length === 0 || !webhookEnabled()) return;
  const ids = [...new Set(events.map((event) => event.caseId))];
  const rows = await tx
    .select({ id: tables.cases.id, title: tables.cases.title, ticketRef: tables.cases.ticketRef, status: tables.cases.status, assignee: tables.cases.assignee, version: tables.cases.version })
    .from(tables.cases)
    .where(inArray(tables.cases.id, ids));
  const caseOf = new Map(rows.map((row) => [row.id, row]));
  await enqueueDeliveries(
    tx,
    events.map((event) => ({
      kind: event.kind,
      payload: {
        case: caseOf.get(event.caseId) ?? { id: event.caseId },
        caseEvent: { id: event.id, at: event.at.toISOString(), actor: event.actor, kind: event.kind, payload: publicPayload(event) },
      },
    })),
  );
}
