import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';

/**
 * Customer links (`/c/<token>`): one customer fix of one article sent from a case. The token
 * itself is never stored, only its SHA-256, so a copy of the database opens no link.
 */
export const caseLinks = pgTable(
  'case_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the token. */
    tokenHash: text('token_hash').notNull().unique(),
    slug: text('slug').notNull(),
    fixId: text('fix_id').notNull(),
    lang: text('lang').notNull(),
    /** The user id of the agent who sent it. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
    /** The agent's choice when sending: the customer's "fixed" resolves the case. */
    resolveOnFixed: boolean('resolve_on_fixed').notNull().default(false),
  },
  (table) => [index('case_links_case').on(table.caseId, table.createdAt), check('case_links_lang', sql`${table.lang} in ('zh', 'en')`)],
);

/**
 * The webhook outbox: one row per case event to deliver to FIXPATH_WEBHOOK_URL, written in the
 * same transaction as the event, so a committed event is never missed and a rolled-back one
 * never sent. Workers of every instance claim due rows (`for update skip locked` plus a lease).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** Sent as `X-Fixpath-Delivery`; receivers de-duplicate on it. */
    id: uuid('id').primaryKey().defaultRandom(),
    /** Queue order: events go out in the order they were recorded (one worker; see docs/cases.md on order). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** The event kind, sent as `X-Fixpath-Event`: `created`, `status`, `link-sent`, … */
    kind: text('kind').notNull(),
    /** The body without its send-time fields (`sentAt`, `attempt`). */
    payload: jsonb('payload').notNull(),
    /** `pending` until delivered (2xx) or given up on (`failed`). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While a worker is sending it: another worker leaves the row alone until then. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    check('webhook_deliveries_status', sql`${table.status} in ('pending', 'delivered', 'failed')`),
    // Workers look only at pending rows that are due: a partial index keeps that cheap however many were delivered.
    index('webhook_deliveries_due').on(table.nextAttemptAt, table.seq).where(sql`${table.status} = 'pending'`),
  ],
);
