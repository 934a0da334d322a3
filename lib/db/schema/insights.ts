import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseEvents, cases } from './cases';

/**
 * What staff did on the site, for the insights page (lib/insights): searches, flow steps and
 * endings, article views. One row per event, never updated. What cases already record (links
 * sent and opened, customer feedback, verifications, status changes) is read from
 * `case_events`, not copied here. Columns are typed rather than one JSON payload so the
 * reports group and filter on plain columns.
 */
export const insightEvents = pgTable(
  'insight_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** When it happened (the browser's time, clamped by the server to the last day). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** When the server stored it: the per-caller rate limit counts by this. */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** `search`, `step`, `ending` or `view`. */
    kind: text('kind').notNull(),
    /** The user id of the signed-in caller who sent it. */
    actor: text('actor').notNull(),
    lang: text('lang').notNull(),
    /** The case a flow ran on, when it did (not a foreign key: insights outlive deleted cases). */
    caseId: uuid('case_id'),
    flowId: text('flow_id'),
    /** The step (`step`) or final state (`ending`). */
    stateId: text('state_id'),
    /**
     * `step`: how the step was left: the answer, form action or probe code, `back`, or null
     * when the page was left there (a drop-off). `ending`: the ending's kind (fix, handoff, …).
     */
    outcome: text('outcome'),
    /** `step`: time from entering to leaving the step. */
    durationMs: integer('duration_ms'),
    /** `view`: the article; `ending` at a fix: the fix's article and id. */
    slug: text('slug'),
    fixId: text('fix_id'),
    /** `search`: what was typed (deleted after FIXPATH_RETENTION_DAYS, like `shown`). */
    query: text('query'),
    /** `search`: the ids (URLs) of the top results shown. */
    shown: jsonb('shown'),
    resultCount: integer('result_count'),
    /** `search`: 1-based rank of the result chosen; null when none was. */
    clickedRank: integer('clicked_rank'),
  },
  (table) => [
    check('insight_events_kind', sql`${table.kind} in ('search', 'step', 'ending', 'view')`),
    index('insight_events_kind_at').on(table.kind, table.at),
    // Reports for one agent read the events themselves (the daily rollup has no agent).
    index('insight_events_actor_kind_at').on(table.actor, table.kind, table.at),
    index('insight_events_actor_received').on(table.actor, table.receivedAt),
  ],
);

/**
 * Searches past FIXPATH_RETENTION_DAYS, counted per day, language and agent before their
 * queries and results are deleted, so the totals of old ranges still add up.
 */
export const insightSearchDaily = pgTable(
  'insight_search_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    lang: text('lang').notNull(),
    actor: text('actor').notNull(),
    searches: integer('searches').notNull(),
    noResult: integer('no_result').notNull(),
    noClick: integer('no_click').notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.lang, table.actor] })],
);

/**
 * The events of closed days, counted per UTC day, language and what the reports group by
 * (not per agent): the reports read these for the days they cover and the events themselves
 * only for the days since, so a report over months reads thousands of rows, not millions.
 * Filled by the hourly job (lib/insights maintain); empty strings stand for "none" so the key
 * can be a primary key. Search rows hold the query (trimmed, lower-cased) and go with the
 * searches at FIXPATH_RETENTION_DAYS.
 */
export const insightDaily = pgTable(
  'insight_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    lang: text('lang').notNull(),
    flowId: text('flow_id').notNull().default(''),
    stateId: text('state_id').notNull().default(''),
    /** `ending`: its kind; empty otherwise. */
    outcome: text('outcome').notNull().default(''),
    slug: text('slug').notNull().default(''),
    query: text('query').notNull().default(''),
    events: integer('events').notNull(),
    /** `step`: visits left with no outcome. */
    dropped: integer('dropped').notNull().default(0),
    /** `step`: total time on the step. */
    durationMs: bigint('duration_ms', { mode: 'number' }).notNull().default(0),
    noResult: integer('no_result').notNull().default(0),
    noClick: integer('no_click').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.kind, table.day, table.lang, table.flowId, table.stateId, table.outcome, table.slug, table.query] })],
);

/**
 * Per case, when it was first resolved: derived from `case_events` by a trigger (migration
 * 0009), never written by the application. The time-to-resolution report joins it to the
 * cases of its range instead of searching each case's timeline for its first resolution.
 * Left out of backups: restoring `case_events` fills it again.
 */
export const insightCaseFacts = pgTable('insight_case_facts', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
});

/**
 * Per fix link sent (one row per `link-sent` event), what became of it: opened, the
 * customer's latest answer, the case's latest verification since it was sent. Derived from
 * `case_events` by a trigger (migration 0009) that keeps it exactly what the fix-success report
 * used to compute from the timelines on every request; never written by the application,
 * left out of backups (restoring `case_events` fills it again). The `…_event_id` columns say
 * which event each fact came from, so every number traces back to the timeline.
 */
export const insightLinkFacts = pgTable(
  'insight_link_facts',
  {
    sentEventId: bigint('sent_event_id', { mode: 'number' })
      .primaryKey()
      .references(() => caseEvents.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    linkId: text('link_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** The user id of the agent who sent the link. */
    sentBy: text('sent_by').notNull(),
    lang: text('lang'),
    slug: text('slug'),
    fixId: text('fix_id'),
    opened: boolean('opened').notNull(),
    /** The customer's latest answer on this link: `fixed`, `not-fixed` or `not-yet`. */
    outcome: text('outcome'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    outcomeEventId: bigint('outcome_event_id', { mode: 'number' }),
    /** The latest verification on the case at or after the link was sent. */
    verified: boolean('verified'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifyEventId: bigint('verify_event_id', { mode: 'number' }),
  },
  (table) => [index('insight_link_facts_sent_at').on(table.sentAt), index('insight_link_facts_case_link').on(table.caseId, table.linkId)],
);
