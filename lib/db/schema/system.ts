import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Values every instance must agree on (the generated auth secret, the first-run setup codes),
 * so they live in the database rather than in one process or one data directory.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who did what, when, from where: sign-ins, token uses, later probes and case changes. Rows are never updated. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** What happened: `sign-in`, `sign-in-failed`, `sign-out`, `token-used`, `setup`, … */
    kind: text('kind').notNull(),
    /** The user it concerns, when known (not a foreign key: audit rows outlive users). */
    userId: text('user_id'),
    /** The client address as the server saw it (see clientAddressOf in lib/auth). */
    address: text('address'),
    detail: jsonb('detail').notNull().default({}),
  },
  (table) => [index('audit_events_at').on(table.at), index('audit_events_user_at').on(table.userId, table.at)],
);
