import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The text staff search a case by: title, ticket reference, host and customer, in one string. */
export function caseSearchText(table: { title: AnyPgColumn; ticketRef: AnyPgColumn; targetHost: AnyPgColumn; customerName: AnyPgColumn }) {
  return sql`(${table.title} || ' ' || coalesce(${table.ticketRef}, '') || ' ' || coalesce(${table.targetHost}, '') || ' ' || coalesce(${table.customerName}, ''))`;
}

/** One ticket's work (docs/cases.md): who has it, what it targets, where it stands. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    ticketRef: text('ticket_ref'),
    ticketUrl: text('ticket_url'),
    customerName: text('customer_name'),
    targetHost: text('target_host'),
    targetPort: integer('target_port'),
    targetUrl: text('target_url'),
    lang: text('lang').notNull().default('zh'),
    status: text('status').notNull().default('open'),
    /** The user id of the agent who has the case; null while nobody does. */
    assignee: text('assignee'),
    /** Bumped by every update; a write naming an older version is refused (409). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('cases_status', sql`${table.status} in ('open', 'waiting', 'resolved', 'closed')`),
    check('cases_lang', sql`${table.lang} in ('zh', 'en')`),
    check('cases_port', sql`${table.targetPort} between 1 and 65535`),
    index('cases_status_updated').on(table.status, table.updatedAt),
    index('cases_assignee_updated').on(table.assignee, table.updatedAt),
    index('cases_ticket_ref').on(table.ticketRef),
    // Insights count the cases created in a date range.
    index('cases_created_at').on(table.createdAt),
    // Staff search a case by any of these words, anywhere in them (`ilike '%…%'`): trigrams let an index answer that.
    index('cases_search_trgm').using('gin', sql`${caseSearchText(table)} gin_trgm_ops`),
  ],
);

/** The timeline: everything that happened on a case, in order; rows are never updated. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who did it: a user id, `customer`, or `system`. */
    actor: text('actor').notNull(),
    /** What happened: `note`, `probe`, `status`, `assign`, `link-sent`, … */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
  },
  // case + kind + at: one kind of event on a case (its runs, a link's answers), and the insights
  // facts trigger (migration 0009), which must find them by an index even before the table has
  // statistics (a restore into a new database), or each event would scan all of that kind.
  (table) => [index('case_events_case_at').on(table.caseId, table.at), index('case_events_case_kind_at').on(table.caseId, table.kind, table.at)],
);
