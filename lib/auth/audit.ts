import 'server-only';
import { tables, type FixpathDb } from '@/lib/db/server';

/** One audit row: what happened, to whom, from where. */
interface AuditEvent {
  /** `sign-in`, `sign-in-failed`, `token-used`, `setup`, `user-added`, `user-disabled`, `token-created`, `token-revoked`, … */
  kind: string;
  userId?: string | null;
  /** The client address (clientAddressOf), or `cli` for the user CLI. */
  address?: string | null;
  detail?: Record<string, unknown>;
}

/** Records `event` in `audit_events` (time from the database). Never throws: a lost audit row must not fail the request it describes. */
export async function recordAudit(db: FixpathDb, event: AuditEvent): Promise<void> {
  try {
    await db.insert(tables.auditEvents).values({ kind: event.kind, userId: event.userId ?? null, address: event.address ?? null, detail: event.detail ?? {} });
  } catch (error) {
    console.error(`audit: could not record ${event.kind}: ${(error as Error).message}`);
  }
}
