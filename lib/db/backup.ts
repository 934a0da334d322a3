import { renameSync, writeFileSync, readFileSync } from 'node:fs';
import { getTableName, sql } from 'drizzle-orm';
import type { Database } from './connect';
import { queryRows } from './query';
import { accounts, apiTokens, auditEvents, caseEvents, caseLinks, cases, rateLimits, sessions, settings, users, verifications, webhookDeliveries } from './schema';

/** Tables in an order where every row's references come before it. */
const TABLES: readonly string[] = [settings, users, accounts, sessions, verifications, rateLimits, apiTokens, auditEvents, cases, caseEvents, caseLinks, webhookDeliveries].map((table) =>
  getTableName(table),
);

/** What `db:backup` writes: every row of every table, as JSON, in one consistent snapshot. */
interface Backup {
  format: 'fixpath-backup';
  version: 1;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

/**
 * Writes a logical backup of every table to `file` (atomically: a temporary file renamed
 * into place). The same file restores into PGlite or PostgreSQL, so it also moves a desk
 * from the embedded database to a server.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const tables: Record<string, unknown[]> = {};
  let rows = 0;
  await database.db.transaction(
    async (tx) => {
      for (const table of TABLES) {
        const [{ rows: tableRows }] = await queryRows<{ rows: unknown[] }>(tx, sql`select coalesce(json_agg(t), '[]'::json) as rows from ${sql.identifier(table)} t`);
        tables[table] = tableRows;
        rows += tableRows.length;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const backup: Backup = { format: 'fixpath-backup', version: 1, createdAt: new Date().toISOString(), tables };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(backup));
  renameSync(temporary, file);
  return { rows };
}

/** Reads and checks a backup file, naming what is wrong with it. */
function readBackup(file: string): Backup {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a readable backup: ${(error as Error).message}`, { cause: error });
  }
  const backup = parsed as Partial<Backup>;
  if (backup?.format !== 'fixpath-backup' || backup.version !== 1 || typeof backup.tables !== 'object' || backup.tables === null) {
    throw new Error(`${file} is not a Fixpath backup (expected format "fixpath-backup", version 1)`);
  }
  const unknown = Object.keys(backup.tables).filter((table) => !TABLES.includes(table));
  if (unknown.length > 0) throw new Error(`${file} has tables this version does not know: ${unknown.join(', ')}`);
  return backup as Backup;
}

/**
 * Replaces every row with the backup's, in one transaction: a restore that fails leaves the
 * database as it was. Run migrations first so the schema matches.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const backup = readBackup(file);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${TABLES.map((table) => `"${table}"`).join(', ')} restart identity cascade`));
    for (const table of TABLES) {
      const tableRows = backup.tables[table] ?? [];
      rows += tableRows.length;
      if (tableRows.length === 0) continue;
      const name = sql.identifier(table);
      await tx.execute(sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${JSON.stringify(tableRows)}::json)`);
    }
    // Serial columns continue after the restored rows.
    for (const [table, column] of [['case_events', 'id'], ['audit_events', 'id'], ['webhook_deliveries', 'seq']]) {
      const name = sql.identifier(table);
      await tx.execute(sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${name}), 0) + 1, false)`);
    }
  });
  return { rows };
}
