import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';

/** The kinds of audit row, for the audit page's filter (others may exist: the filter takes any). */
export const AUDIT_KINDS = [
  'sign-in',
  'sign-in-failed',
  'token-used',
  'probe',
  'case-created',
  'case-updated',
  'case-note',
  'setup',
  'setup-failed',
  'user-added',
  'user-disabled',
  'token-created',
  'token-revoked',
] as const;

/** What the audit page asks for: newest first, optionally one kind or one user, older than `before` (a row id). */
export interface AuditQuery {
  kind?: string;
  userId?: string;
  before?: number;
  limit: number;
}

/** One audit row as the page shows it, with the user's name and email when the user still exists. */
export interface AuditRow {
  id: number;
  at: Date;
  kind: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

/** A page of audit rows and the cursor (the last row's id) of the next, older page; null at the end. */
export interface AuditPage {
  rows: AuditRow[];
  next: number | null;
  /** Everyone who can appear in the user filter. */
  users: Array<{ id: string; name: string; email: string }>;
}

/**
 * Audit rows newest first, by keyset: each page continues below the last id of the one
 * before, so paging stays fast and stable while rows are added. Ids come from one sequence
 * in the database, so every instance's rows sort in the order they were written.
 */
export async function readAuditLog(db: FixpathDb, query: AuditQuery): Promise<AuditPage> {
  const { auditEvents, users } = tables;
  const where: SQL[] = [];
  if (query.kind) where.push(eq(auditEvents.kind, query.kind));
  if (query.userId) where.push(eq(auditEvents.userId, query.userId));
  if (query.before !== undefined) where.push(lt(auditEvents.id, query.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      kind: auditEvents.kind,
      userId: auditEvents.userId,
      userName: users.name,
      userEmail: users.email,
      address: auditEvents.address,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map((row) => ({ ...row, detail: (row.detail ?? {}) as Record<string, unknown> }));
  const everyone = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(users.name);
  return { rows: page, next: rows.length > query.limit ? page[page.length - 1].id : null, users: everyone };
}
