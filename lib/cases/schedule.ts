import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type FixpathDb } from '@/lib/db/server';
import { errorResponse, jsonResponse } from '@/lib/http/server';
import type { CasesApiDeps } from './api';
import { bodyOf, guardedWith, notFound } from './guard';
import { insertEvents } from './store';
import { failingProbes } from './verify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `POST /api/cases/:id/verify/schedule`: verify again in 1 to 1440 minutes (a day). */
const scheduleSchema = z.strictObject({
  minutes: z.number().int('must be a whole number of minutes').min(1, 'must be at least 1').max(1440, 'must be at most 1440 (a day)'),
});

/** A verification waiting to run, as the case page lists it. */
export interface PendingVerification {
  scheduleId: string;
  dueAt: string;
  minutes: number;
  createdBy: string;
}

/**
 * Queues a verification of the case in `minutes` and records `verify-scheduled`
 * `{scheduleId, dueAt, minutes}` in the same transaction. Null when there is no such case.
 */
async function scheduleVerify(db: FixpathDb, caseId: string, minutes: number, caller: { id: string; via: string }, now = new Date()): Promise<{ scheduleId: string; dueAt: string } | null> {
  const dueAt = new Date(now.getTime() + minutes * 60_000);
  return db.transaction(async (tx) => {
    const [touched] = await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, caseId)).returning({ id: tables.cases.id });
    if (!touched) return null;
    const [row] = await tx.insert(tables.verifySchedules).values({ caseId, createdBy: caller.id, via: caller.via, minutes, createdAt: now, dueAt }).returning();
    await insertEvents(tx, [{ caseId, actor: caller.id, kind: 'verify-scheduled', payload: { scheduleId: row.id, dueAt: dueAt.toISOString(), minutes } }]);
    return { scheduleId: row.id, dueAt: dueAt.toISOString() };
  });
}

/**
 * Cancels a pending verification and records `verify-cancelled` `{scheduleId}`, once. A job a
 * worker is running at that moment is cancelled too: its run then records no `verify`.
 */
async function cancelScheduled(db: FixpathDb, caseId: string, scheduleId: string, actor: string): Promise<'cancelled' | 'already-cancelled' | 'finished' | 'not-found'> {
  if (!UUID.test(scheduleId)) return 'not-found';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.verifySchedules)
      .set({ status: 'cancelled', finishedAt: new Date() })
      .where(and(eq(tables.verifySchedules.id, scheduleId), eq(tables.verifySchedules.caseId, caseId), eq(tables.verifySchedules.status, 'pending')))
      .returning();
    if (!row) {
      const [found] = await tx.select({ status: tables.verifySchedules.status }).from(tables.verifySchedules).where(and(eq(tables.verifySchedules.id, scheduleId), eq(tables.verifySchedules.caseId, caseId)));
      if (!found) return 'not-found';
      return found.status === 'cancelled' ? 'already-cancelled' : 'finished';
    }
    await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, caseId));
    await insertEvents(tx, [{ caseId, actor, kind: 'verify-cancelled', payload: { scheduleId } }]);
    return 'cancelled';
  });
}

/** The case's verifications still to run, soonest first. */
export async function pendingVerifications(db: FixpathDb, caseId: string): Promise<PendingVerification[]> {
  if (!UUID.test(caseId)) return [];
  const rows = await db
    .select()
    .from(tables.verifySchedules)
    .where(and(eq(tables.verifySchedules.caseId, caseId), eq(tables.verifySchedules.status, 'pending')))
    .orderBy(asc(tables.verifySchedules.dueAt));
  return rows.map((row) => ({ scheduleId: row.id, dueAt: row.dueAt.toISOString(), minutes: row.minutes, createdBy: row.createdBy }));
}

/**
 * "Verify in N minutes" (docs/cases.md#verify-later), agent role and up: `schedule`
 * (`POST /api/cases/:id/verify/schedule {minutes}`, 201 `{scheduleId, dueAt}`; 409
 * `NOTHING_TO_VERIFY` as for verify) and `cancel` (`DELETE …/verify/schedule/:scheduleId`, 204;
 * 409 `ALREADY_RAN` once it ran). The worker in schedule-worker.ts runs what is due.
 */
export function createScheduleApi(deps: Pick<CasesApiDeps, 'db' | 'authorize'>) {
  const guarded = guardedWith(deps);
  return {
    schedule: guarded<[string]>(async (request, caller, db, id) => {
      const body = await bodyOf(request, scheduleSchema);
      if (!body.ok) return body.response;
      // Scheduling a check that has nothing to re-run would only fail later, out of sight.
      const found = await failingProbes(db, id);
      if (!found.ok) return found.reason === 'nothing' ? errorResponse(409, 'NOTHING_TO_VERIFY', found.message) : notFound();
      const scheduled = await scheduleVerify(db, id, body.value.minutes, { id: caller.user.id, via: caller.via });
      if (!scheduled) return notFound();
      return jsonResponse(201, scheduled, { location: `/api/cases/${id}/verify/schedule/${scheduled.scheduleId}` });
    }),
    cancel: guarded<[string, string]>(async (_request, caller, db, id, scheduleId) => {
      const outcome = await cancelScheduled(db, id, scheduleId, caller.user.id);
      if (outcome === 'not-found') return notFound('scheduled verification on this case');
      if (outcome === 'finished') return errorResponse(409, 'ALREADY_RAN', 'the scheduled verification has already run; its result is on the timeline');
      return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    }),
  };
}
