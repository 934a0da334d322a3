import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { getTableName, sql } from 'drizzle-orm';
import type { Database, FixpathDb } from './connect';
import { queryRows } from './query';
import {
  accounts,
  apiTokens,
  auditEvents,
  caseEvents,
  caseLinks,
  cases,
  insightDaily,
  insightEvents,
  insightSearchDaily,
  rateLimits,
  sessions,
  settings,
  users,
  verifications,
  verifySchedules,
  webhookDeliveries,
} from './schema';

/**
 * The tables `db:backup` writes, in an order where every row's references come before it.
 * `insight_daily` goes with `settings`: the rollup's watermark there says which days it holds.
 */
export const BACKED_UP_TABLES: readonly string[] = [
  settings,
  users,
  accounts,
  sessions,
  verifications,
  rateLimits,
  apiTokens,
  auditEvents,
  cases,
  caseEvents,
  caseLinks,
  verifySchedules,
  webhookDeliveries,
  insightEvents,
  insightSearchDaily,
  insightDaily,
].map((table) => getTableName(table));

/**
 * The tables of lib/db/schema a backup leaves out on purpose, and why. A table in neither list
 * fails tests/integration/db-storage.test.ts, so a new table is a decision, not an oversight.
 */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  probe_rate_buckets: 'probe rate-limit tokens: they refill within the window, so old ones mean nothing on another database',
  probe_leases: 'probes running right now on the old instances: a restored lease would only hold a caller’s share until it expired',
  insight_case_facts: 'derived from case_events by a trigger: restoring case_events fills it again',
  insight_link_facts: 'derived from case_events by a trigger: restoring case_events fills it again',
};

/**
 * The file `db:backup` writes (version 2): JSON lines, so neither side ever holds a whole
 * table. A header, one line per row in `BACKED_UP_TABLES` order, and an end line with the row
 * count, without which the file is incomplete and refused:
 *
 *     {"format":"fixpath-backup","version":2,"createdAt":"…"}
 *     {"table":"cases","row":{…}}
 *     {"end":true,"rows":1234}
 *
 * Version 1 (one JSON document, `tables` by name) is still read.
 */
interface Header {
  format: 'fixpath-backup';
  version: 1 | 2;
  createdAt: string;
  /** Version 1 only: every table's rows. */
  tables?: Record<string, unknown[]>;
}

/** Rows fetched from the database, and inserted into it, per statement. */
const BATCH_ROWS = 1000;

/** Writes `text` to `stream`, waiting when its buffer is full so memory stays flat. */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * Writes a logical backup of every table to `file`: one consistent snapshot (a repeatable-read
 * transaction), streamed through a cursor a thousand rows at a time, to a temporary file renamed
 * into place only when it is complete. The same file restores into PGlite or PostgreSQL, so
 * it also moves a desk from the embedded database to a server.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const temporary = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  let rows = 0;
  try {
    await write(out, `${JSON.stringify({ format: 'fixpath-backup', version: 2, createdAt: new Date().toISOString() })}\n`);
    await database.db.transaction(
      async (tx) => {
        for (const table of BACKED_UP_TABLES) {
          await tx.execute(sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.identifier(table)} t`);
          for (;;) {
            const batch = await queryRows<{ row: string }>(tx, sql.raw(`fetch ${BATCH_ROWS} from backup_rows`));
            // The row is PostgreSQL's own JSON text, written as it came: no parse, no stringify.
            for (const { row } of batch) await write(out, `{"table":${JSON.stringify(table)},"row":${row}}\n`);
            rows += batch.length;
            if (batch.length < BATCH_ROWS) break;
          }
          await tx.execute(sql`close backup_rows`);
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await write(out, `${JSON.stringify({ end: true, rows })}\n`);
    out.end();
    await once(out, 'finish');
    renameSync(temporary, file);
  } catch (error) {
    out.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
  return { rows };
}

/** What went wrong with a backup file, naming the file (and line). */
const badFile = (file: string, what: string) => new Error(`${file} ${what}`);

/** Reads the header line; for version 1 that line is the whole backup. */
function parseHeader(file: string, line: string | undefined): Header {
  let header: Partial<Header>;
  try {
    header = JSON.parse(line ?? '') as Partial<Header>;
  } catch (error) {
    throw new Error(`${file} is not a readable backup: ${(error as Error).message}`, { cause: error });
  }
  const legacy = header?.version === 1 && typeof header.tables === 'object' && header.tables !== null;
  if (header?.format !== 'fixpath-backup' || !(legacy || header.version === 2)) {
    throw badFile(file, 'is not a Fixpath backup (expected format "fixpath-backup", version 1 or 2)');
  }
  const unknown = Object.keys(header.tables ?? {}).filter((table) => !BACKED_UP_TABLES.includes(table));
  if (unknown.length > 0) throw badFile(file, `has tables this version does not know: ${unknown.join(', ')}`);
  return header as Header;
}

/** Inserts rows of one table in one statement; PostgreSQL turns the JSON back into columns. */
async function insertRows(tx: FixpathDb, table: string, rows: readonly unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const name = sql.identifier(table);
  await tx.execute(sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${JSON.stringify(rows)}::json)`);
}

/**
 * The rows of a version 2 file, table by table, in batches; checks each line, that the tables
 * come in reference order, and that the end line is there with the right count.
 */
async function restoreLines(tx: FixpathDb, file: string, lines: AsyncIterator<string>): Promise<number> {
  let rows = 0;
  let lineNumber = 1;
  let table: string | null = null;
  let batch: unknown[] = [];
  const flush = async () => {
    if (table !== null) await insertRows(tx, table, batch);
    batch = [];
  };
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    lineNumber += 1;
    if (next.value === '') continue;
    let entry: { table?: unknown; row?: unknown; end?: unknown; rows?: unknown };
    try {
      entry = JSON.parse(next.value) as typeof entry;
    } catch {
      throw badFile(file, `line ${lineNumber} is not JSON`);
    }
    if (entry.end === true) {
      await flush();
      if (entry.rows !== rows) throw badFile(file, `says it holds ${String(entry.rows)} rows but has ${rows}`);
      if (!(await lines.next()).done) throw badFile(file, `has lines after its end (line ${lineNumber})`);
      return rows;
    }
    if (typeof entry.table !== 'string' || !BACKED_UP_TABLES.includes(entry.table) || typeof entry.row !== 'object' || entry.row === null) {
      throw badFile(file, `line ${lineNumber} is not a row of a table this version knows`);
    }
    if (entry.table !== table) {
      if (table !== null && BACKED_UP_TABLES.indexOf(entry.table) < BACKED_UP_TABLES.indexOf(table)) {
        throw badFile(file, `line ${lineNumber}: ${entry.table} comes after ${table}, out of reference order`);
      }
      await flush();
      table = entry.table;
    }
    batch.push(entry.row);
    rows += 1;
    if (batch.length === BATCH_ROWS) await flush();
  }
  throw badFile(file, `is incomplete: it stops at line ${lineNumber} without its end line`);
}

/**
 * Replaces every row with the backup's, in one transaction: a restore that fails (a bad or
 * incomplete file included) leaves the database as it was. Run migrations first so the schema
 * matches. Reads the file a line at a time.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ rows: number }> {
  const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  try {
    const first = await lines.next().catch((error: Error) => {
      throw new Error(`${file} is not a readable backup: ${error.message}`, { cause: error });
    });
    const header = parseHeader(file, first.done ? undefined : first.value);
    let rows = 0;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`truncate ${BACKED_UP_TABLES.map((table) => `"${table}"`).join(', ')} restart identity cascade`));
      if (header.tables) {
        for (const table of BACKED_UP_TABLES) {
          const tableRows = header.tables[table] ?? [];
          for (let start = 0; start < tableRows.length; start += BATCH_ROWS) await insertRows(tx, table, tableRows.slice(start, start + BATCH_ROWS));
          rows += tableRows.length;
        }
      } else {
        rows = await restoreLines(tx, file, lines);
      }
      await continueSerials(tx);
    });
    return { rows };
  } finally {
    reader.close();
  }
}

/** Serial columns continue after the restored rows: every one the restored tables have, so a table added later is not missed. */
async function continueSerials(tx: FixpathDb): Promise<void> {
  const serials = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and column_default like 'nextval(%' and table_name in (${sql.join(
          BACKED_UP_TABLES.map((table) => sql`${table}`),
          sql`, `,
        )})`,
  );
  for (const { table_name: table, column_name: column } of serials) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}
