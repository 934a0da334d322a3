import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import { invalidInput } from '@/lib/http/server';
import { probeRunQuerySchema, type TimelineEvent } from './contract';
import { fieldError } from './guard';
import { toEvent } from './store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `runId` a timeline event's payload names, as SQL. */
const runIdOf = sql<string>`${tables.caseEvents.payload} ->> 'runId'`;

/** The language of a case, or null when there is no such case. */
export async function caseLang(db: FixpathDb, caseId: string): Promise<string | null> {
  if (!UUID.test(caseId)) return null;
  const [row] = await db.select({ lang: tables.cases.lang }).from(tables.cases).where(eq(tables.cases.id, caseId));
  return row?.lang ?? null;
}

/** The `flow-run` event that started run `runId` on the case, or null. */
export async function findRun(db: FixpathDb, caseId: string, runId: string): Promise<TimelineEvent | null> {
  if (!UUID.test(caseId) || !UUID.test(runId)) return null;
  const [row] = await db
    .select()
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, caseId), eq(tables.caseEvents.kind, 'flow-run'), eq(runIdOf, runId)))
    .limit(1);
  return row ? toEvent(row) : null;
}

/** One event of the case by id and kind, or null (an event of another case is not found). */
export async function findEvent(db: FixpathDb, caseId: string, eventId: number, kind: string): Promise<TimelineEvent | null> {
  const [row] = await db
    .select()
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, caseId), eq(tables.caseEvents.id, eventId), eq(tables.caseEvents.kind, kind)));
  return row ? toEvent(row) : null;
}

/** Everything of one run, oldest first: its start, steps, probes (re-checks too) and endings. */
export async function runEvents(db: FixpathDb, caseId: string, runId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .select()
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, caseId), eq(runIdOf, runId)))
    .orderBy(tables.caseEvents.at, tables.caseEvents.id);
  return rows.map(toEvent);
}

/** Every probe stored on the case, oldest first. */
export async function probeEvents(db: FixpathDb, caseId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .select()
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, caseId), eq(tables.caseEvents.kind, 'probe')))
    .orderBy(tables.caseEvents.at, tables.caseEvents.id);
  return rows.map(toEvent);
}

/**
 * The run and state a case probe belongs to, from `?run=&state=` (both or neither; the run
 * must be one started on this case), to store in the probe event; or the 400 to answer.
 */
export async function probeRunOf(db: FixpathDb, caseId: string, url: string): Promise<{ ok: true; value: { runId?: string; stateId?: string } } | { ok: false; response: Response }> {
  const params = new URL(url).searchParams;
  const parsed = probeRunQuerySchema.safeParse({ run: params.get('run') ?? undefined, state: params.get('state') ?? undefined });
  if (!parsed.success) return { ok: false, response: invalidInput(parsed.error) };
  const { run, state } = parsed.data;
  if (run === undefined || state === undefined) return { ok: true, value: {} };
  if (!(await findRun(db, caseId, run))) return { ok: false, response: fieldError('run', 'is not a run of this case') };
  return { ok: true, value: { runId: run, stateId: state } };
}
