import 'server-only';
import { and, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import type { CaseRecord, CreateCase, ListQuery, PatchCase, TimelineEvent } from './contract';
import { queueForWebhook } from './webhook-events';

type CaseRow = typeof tables.cases.$inferSelect;
type EventRow = typeof tables.caseEvents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case row as the API shows it. */
export function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    title: row.title,
    ticketRef: row.ticketRef,
    ticketUrl: row.ticketUrl,
    customerName: row.customerName,
    target: row.targetHost || row.targetUrl ? { host: row.targetHost ?? '', port: row.targetPort, url: row.targetUrl } : null,
    lang: row.lang as CaseRecord['lang'],
    status: row.status as CaseRecord['status'],
    assignee: row.assignee,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A timeline row as the API returns it. */
export function toEvent(row: EventRow): TimelineEvent {
  return { id: row.id, at: row.at.toISOString(), actor: row.actor, kind: row.kind, payload: row.payload as Record<string, unknown> };
}

/** Opens a case and records who opened it as the first timeline event. */
export async function createCase(db: FixpathDb, input: CreateCase, actor: string): Promise<CaseRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tables.cases)
      .values({
        title: input.title,
        ticketRef: input.ticketRef || null,
        ticketUrl: input.ticketUrl ?? null,
        customerName: input.customerName || null,
        targetHost: input.target?.host ?? null,
        targetPort: input.target?.port ?? null,
        targetUrl: input.target?.url ?? null,
        lang: input.lang ?? 'zh',
        assignee: actor,
      })
      .returning();
    await insertEvents(tx, [{ caseId: row.id, actor, kind: 'created', payload: { title: row.title } }]);
    return toRecord(row);
  });
}

/** Where a page of the list ends: the last row's `updatedAt` and id, opaque to callers. */
function encodeCursor(row: CaseRow): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(time);
  return Number.isNaN(updatedAt.getTime()) || !UUID.test(id ?? '') ? null : { updatedAt, id };
}

/** Escapes `%`, `_` and `\` so a search for `50%` finds the text `50%`. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Cases, most recently touched first, filtered by status, assignee (`me` is the caller) and
 * text (title, ticket reference, host, customer); keyset-paged, so a page costs the same deep
 * in the list. Null when the cursor is not one this function wrote.
 */
export async function listCases(db: FixpathDb, query: ListQuery, callerId: string): Promise<{ items: CaseRecord[]; nextCursor: string | null } | null> {
  const conditions: SQL[] = [];
  // One status keeps the plain equality the (status, updated_at) index serves best.
  if (query.status) conditions.push(query.status.length === 1 ? eq(tables.cases.status, query.status[0]) : inArray(tables.cases.status, query.status));
  if (query.assignee) conditions.push(eq(tables.cases.assignee, query.assignee === 'me' ? callerId : query.assignee));
  if (query.q) {
    // One expression, the same the trigram index is built on, so the index answers it.
    conditions.push(ilike(tables.caseSearchText(tables.cases), likePattern(query.q)));
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) return null;
    conditions.push(sql`(${tables.cases.updatedAt}, ${tables.cases.id}) < (${after.updatedAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(tables.cases)
    .where(and(...conditions))
    .orderBy(desc(tables.cases.updatedAt), desc(tables.cases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(toRecord), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null };
}

/** One case with its whole timeline, oldest event first; null when there is no such case. */
export async function getCase(db: FixpathDb, id: string): Promise<(CaseRecord & { timeline: TimelineEvent[] }) | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(tables.cases).where(eq(tables.cases.id, id));
  if (!row) return null;
  const events = await db.select().from(tables.caseEvents).where(eq(tables.caseEvents.caseId, id)).orderBy(tables.caseEvents.at, tables.caseEvents.id);
  return { ...toRecord(row), timeline: events.map(toEvent) };
}

/** What became of an update: the new case, a stale version (with the current one), or no such case. */
export type UpdateOutcome = { ok: true; case: CaseRecord } | { ok: false; reason: 'conflict'; currentVersion: number } | { ok: false; reason: 'not-found' };

const COLUMN_OF = { title: 'title', status: 'status', assignee: 'assignee', ticketRef: 'ticketRef', ticketUrl: 'ticketUrl', customerName: 'customerName', lang: 'lang' } as const;

/**
 * Changes a case when `patch.version` is still current (optimistic concurrency: of two
 * writers who saw the same version, the second gets a conflict and no update is lost), and
 * records status changes, hand-overs and edits on the timeline in the same transaction.
 */
export async function updateCase(db: FixpathDb, id: string, patch: PatchCase, actor: string): Promise<UpdateOutcome> {
  if (!UUID.test(id)) return { ok: false, reason: 'not-found' };
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tables.cases).where(eq(tables.cases.id, id)).for('update');
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.version !== patch.version) return { ok: false, reason: 'conflict', currentVersion: current.version };
    const changes: Partial<CaseRow> = {};
    const edited: string[] = [];
    for (const [field, column] of Object.entries(COLUMN_OF) as Array<[keyof typeof COLUMN_OF, keyof CaseRow]>) {
      const value = patch[field];
      if (value === undefined || value === current[column]) continue;
      Object.assign(changes, { [column]: value === '' ? null : value });
      edited.push(field);
    }
    const [row] = await tx
      .update(tables.cases)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(eq(tables.cases.id, id))
      .returning();
    const events: Array<typeof tables.caseEvents.$inferInsert> = [];
    if (edited.includes('status')) events.push({ caseId: id, actor, kind: 'status', payload: { from: current.status, to: row.status } });
    if (edited.includes('assignee')) events.push({ caseId: id, actor, kind: 'assign', payload: { from: current.assignee, to: row.assignee } });
    const others = edited.filter((field) => field !== 'status' && field !== 'assignee');
    if (others.length > 0) events.push({ caseId: id, actor, kind: 'edit', payload: { fields: others } });
    if (events.length > 0) await insertEvents(tx, events);
    return { ok: true, case: toRecord(row) };
  });
}

/** A transaction of the case store. */
export type Transaction = Parameters<Parameters<FixpathDb['transaction']>[0]>[0];

/**
 * The one writer of timeline events: inserts them inside the caller's transaction and queues
 * them for the webhook in the same transaction, so no event can be recorded without being
 * sent, or sent without being recorded.
 */
export async function insertEvents(tx: Transaction, values: Array<typeof tables.caseEvents.$inferInsert>): Promise<EventRow[]> {
  const events = await tx.insert(tables.caseEvents).values(values).returning();
  await queueForWebhook(tx, events);
  return events;
}

/**
 * Appends one event to a case's timeline and marks the case as touched (not a new version:
 * events do not make anyone's pending edit stale). Null when there is no such case.
 */
export async function appendEvent(db: FixpathDb, id: string, kind: string, payload: Record<string, unknown>, actor: string): Promise<TimelineEvent | null> {
  if (!UUID.test(id)) return null;
  return db.transaction(async (tx) => {
    const [touched] = await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, id)).returning({ id: tables.cases.id });
    if (!touched) return null;
    const [event] = await insertEvents(tx, [{ caseId: id, actor, kind, payload }]);
    return toEvent(event);
  });
}

/** Adds an internal note to the timeline; null when there is no such case. */
export function addNote(db: FixpathDb, id: string, text: string, actor: string): Promise<TimelineEvent | null> {
  return appendEvent(db, id, 'note', { text }, actor);
}

/**
 * Stores what a probe found, as the server ran it, on the case's timeline: the request, the
 * result, when (the event's time) and who. Null when there is no such case.
 */
export function recordProbe(db: FixpathDb, id: string, evidence: { request: unknown; result: unknown } & Record<string, unknown>, actor: string): Promise<TimelineEvent | null> {
  return appendEvent(db, id, 'probe', evidence, actor);
}

/** Whether a case exists (a cheap check before work that should not run for nothing). */
export async function caseExists(db: FixpathDb, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const [row] = await db.select({ id: tables.cases.id }).from(tables.cases).where(eq(tables.cases.id, id));
  return Boolean(row);
}

/** The names of the given users, by id (ids of people who no longer exist are left out). */
export async function userNames(db: FixpathDb, ids: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db.select({ id: tables.users.id, name: tables.users.name }).from(tables.users).where(inArray(tables.users.id, unique));
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
