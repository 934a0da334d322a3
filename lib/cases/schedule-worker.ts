import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { isRole, type Caller } from '@/lib/auth';
import { queryRows, startPolling, tables, type FixpathDb, type Poller } from '@/lib/db/server';
import type { CasesApiDeps } from './api';
import { insertEvents } from './store';
import { rerunFailing } from './verify';

/** How a worker runs scheduled verifications; everything but `db` and `probe` has a default. */
export interface VerifyWorkerOptions {
  /** The database, asked for on every pass (a server that was down answers once it is back). */
  db: () => Promise<FixpathDb>;
  /** The one probe guard, as for `POST /api/cases/:id/verify`. */
  probe: CasesApiDeps['probe'];
  /** How long a claim holds: longer than a verification's probes can take, so only a dead worker's claim runs out. */
  leaseMs?: number;
  /** Pause between passes. */
  pollMs?: number;
  /** Jobs one pass claims at most. */
  batch?: number;
  /** Attempts (passes that threw) before a job is given up. */
  maxAttempts?: number;
  log?: (line: string) => void;
}

const DEFAULTS = { leaseMs: 300_000, pollMs: 5_000, batch: 5, maxAttempts: 5 };

interface Claimed {
  id: string;
  case_id: string;
  created_by: string;
  via: string;
  claim_token: string;
  attempts: number;
}

/**
 * Claims due jobs for this worker. `for update skip locked` lets the workers of several
 * instances claim at once without taking each other's jobs; the lease (`claimed_until`) then
 * keeps a job this worker's while it runs outside any transaction, and the fresh claim token
 * lets only this claim finish it: a worker whose lease ran out and was taken over records nothing.
 */
async function claimDue(db: FixpathDb, batch: number, leaseMs: number): Promise<Claimed[]> {
  return queryRows<Claimed>(
    db,
    sql`update verify_schedules s
        set claim_token = gen_random_uuid(), claimed_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = s.attempts + 1
        where s.id in (
          select id from verify_schedules
          where status = 'pending' and due_at <= now() and (claimed_until is null or claimed_until <= now())
          order by due_at
          limit ${batch}
          for update skip locked)
        returning s.id, s.case_id, s.created_by, s.via, s.claim_token, s.attempts`,
  );
}

/** The agent who scheduled the job, as a caller, while they may still verify (an active user; every role may). */
async function schedulerOf(db: FixpathDb, job: Claimed): Promise<Caller | null> {
  const [user] = await db.select().from(tables.users).where(eq(tables.users.id, job.created_by));
  if (!user || user.disabled || !isRole(user.role)) return null;
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, via: job.via === 'token' ? 'token' : 'session' };
}

/**
 * Finishes a job this worker still holds, recording `events` (as the scheduler) in the same
 * transaction; false when the claim was lost (cancelled, or taken over after the lease ran
 * out), and then nothing is recorded: that is what makes each job record once.
 */
async function finish(db: FixpathDb, job: Claimed, status: 'done' | 'skipped', events: Array<{ kind: string; payload: Record<string, unknown> }>, lastError: string | null = null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .update(tables.verifySchedules)
      .set({ status, finishedAt: new Date(), claimedUntil: null, lastError })
      .where(and(eq(tables.verifySchedules.id, job.id), eq(tables.verifySchedules.status, 'pending'), eq(tables.verifySchedules.claimToken, job.claim_token)))
      .returning({ id: tables.verifySchedules.id });
    if (!held) return false;
    const [touched] = await tx.update(tables.cases).set({ updatedAt: new Date() }).where(eq(tables.cases.id, job.case_id)).returning({ id: tables.cases.id });
    if (!touched || events.length === 0) return true;
    const recorded = await insertEvents(tx, events.map((event) => ({ caseId: job.case_id, actor: job.created_by, ...event })));
    const verify = recorded.find((event) => event.kind === 'verify');
    if (verify) await tx.update(tables.verifySchedules).set({ verifyEventId: verify.id }).where(eq(tables.verifySchedules.id, job.id));
    return true;
  });
}

/**
 * Runs one claimed job through the same path as "Verify now" (`rerunFailing`: the probe guard,
 * as the agent who scheduled it) and records `verify` with `scheduleId`. A job with nothing left
 * to re-run, or whose agent can no longer sign in, records `verify-cancelled` with the reason.
 */
async function runJob(db: FixpathDb, job: Claimed, settings: typeof DEFAULTS & VerifyWorkerOptions): Promise<void> {
  const caller = await schedulerOf(db, job);
  if (!caller) {
    await finish(db, job, 'skipped', [{ kind: 'verify-cancelled', payload: { scheduleId: job.id, reason: 'agent-inactive' } }]);
    return;
  }
  // No browser asked for this run: the audit rows say so with a client address of `unknown`.
  const http = new Request(`http://fixpath.internal/api/cases/${job.case_id}/verify/schedule/${job.id}`, { method: 'POST' });
  const rerun = await rerunFailing(settings.probe, db, job.case_id, caller, http);
  if (rerun.ok) {
    await finish(db, job, 'done', [{ kind: 'verify', payload: { results: rerun.results, verified: rerun.verified, scheduleId: job.id } }]);
  } else if (rerun.reason === 'nothing') {
    await finish(db, job, 'skipped', [{ kind: 'verify-cancelled', payload: { scheduleId: job.id, reason: 'nothing-to-verify' } }]);
  } else {
    await finish(db, job, 'skipped', []);
  }
}

/**
 * One pass: claims the due jobs and runs them one at a time (each counts against its agent's
 * probe share). A job that throws keeps its claim for a short wait and is tried again, up to
 * `maxAttempts`; then it is given up with `verify-cancelled` (reason `failed`). Returns how many
 * jobs were claimed.
 */
export async function runDueVerifications(options: VerifyWorkerOptions): Promise<number> {
  const settings = { ...DEFAULTS, ...options };
  const db = await options.db();
  const claimed = await claimDue(db, settings.batch, settings.leaseMs);
  for (const job of claimed) {
    try {
      await runJob(db, job, settings);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      settings.log?.(`Fixpath: scheduled verification ${job.id} failed (attempt ${job.attempts}): ${message}`);
      if (job.attempts >= settings.maxAttempts) {
        await finish(db, job, 'skipped', [{ kind: 'verify-cancelled', payload: { scheduleId: job.id, reason: 'failed' } }], message).catch(() => false);
      } else {
        await db
          .update(tables.verifySchedules)
          .set({ claimedUntil: sql`now() + make_interval(secs => ${30 * job.attempts})`, lastError: message })
          .where(and(eq(tables.verifySchedules.id, job.id), eq(tables.verifySchedules.claimToken, job.claim_token)))
          .catch(() => undefined);
      }
    }
  }
  return claimed.length;
}

/**
 * Runs due verifications in a loop until stopped (`startPolling`; every instance runs one, the
 * claim makes each job run once). A database that is down is logged once per distinct message
 * and retried.
 */
export function startVerifyWorker(options: VerifyWorkerOptions): Poller {
  const batch = options.batch ?? DEFAULTS.batch;
  return startPolling({
    pollMs: options.pollMs ?? DEFAULTS.pollMs,
    pass: async () => (await runDueVerifications(options)) >= batch,
    failed: (message) => options.log?.(`Fixpath: the scheduled-verification worker could not run (${message}); it keeps trying.`),
  });
}
