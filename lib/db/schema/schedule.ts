import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';

/**
 * Verifications scheduled on a case ("Verify in N minutes", docs/cases.md#verify-later): a
 * queue in the database, so a scheduled check survives a restart, and a claim with
 * `for update skip locked` plus a lease (`claimed_until`), so of several instances exactly one
 * runs it and a crashed instance's claim is taken over once the lease runs out.
 */
export const verifySchedules = pgTable(
  'verify_schedules',
  {
    /** Sent as `scheduleId` in the timeline events. */
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The agent who scheduled it: the verification runs as them (their probe limit and share, the audit). */
    createdBy: text('created_by').notNull(),
    /** How they proved who they were when scheduling (`session` or `token`), kept for the audit. */
    via: text('via').notNull(),
    minutes: integer('minutes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** `pending` until it ran (`done`), was cancelled, or found nothing left to verify (`skipped`). */
    status: text('status').notNull().default('pending'),
    /** The current claim: only the worker holding this token may finish the job. */
    claimToken: uuid('claim_token'),
    /** While a worker runs it: other workers leave it alone until then, and take it over after. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The `verify` event the run recorded. */
    verifyEventId: bigint('verify_event_id', { mode: 'number' }),
    lastError: text('last_error'),
  },
  (table) => [
    check('verify_schedules_status', sql`${table.status} in ('pending', 'done', 'cancelled', 'skipped')`),
    check('verify_schedules_minutes', sql`${table.minutes} between 1 and 1440`),
    // Workers look only at pending jobs that are due; the page lists a case's pending ones.
    index('verify_schedules_due').on(table.dueAt).where(sql`${table.status} = 'pending'`),
    index('verify_schedules_case').on(table.caseId, table.dueAt),
  ],
);
