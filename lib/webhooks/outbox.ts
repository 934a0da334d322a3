import 'server-only';
import { tables, type FixpathDb } from '@/lib/db/server';

/** One event to deliver: its kind (`X-Fixpath-Event`) and the body without its send-time fields. */
export interface OutgoingEvent {
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * Queues events for the webhook inside the caller's transaction (the outbox pattern): they
 * are delivered exactly when the transaction that recorded them commits.
 */
export async function enqueueDeliveries(tx: Pick<FixpathDb, 'insert'>, events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(tables.webhookDeliveries).values(events.map((event) => ({ kind: event.kind, payload: event.payload })));
}
