import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { BACKED_UP_TABLES, NOT_BACKED_UP } from '../../lib/db/backup';
import {
  backupDatabase,
  DatabaseUnavailableError,
  migrateDatabase,
  openDatabase,
  queryRows,
  restoreDatabase,
  tables,
  type Database,
  type DatabaseConfig,
} from '../../lib/db/server';
import { startTestPostgres, type TestPostgres } from '../fixtures/db/postgres-server';

/** Every migration drizzle-kit generated: each must be applied exactly once. */
const MIGRATION_COUNT = (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../lib/db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

const scratch = mkdtempSync(path.join(tmpdir(), 'fixpath-db-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let postgres: TestPostgres | { skip: string };
before(async () => {
  postgres = await startTestPostgres();
});
after(() => {
  if ('stop' in postgres) postgres.stop();
});

let counter = 0;
/** A new, empty database of the given kind. */
async function freshConfig(kind: DatabaseConfig['kind']): Promise<DatabaseConfig> {
  counter += 1;
  if (kind === 'pglite') return { kind, dataDir: path.join(scratch, `pglite-${counter}`) };
  if (!('url' in postgres)) throw new Error('unreachable: skipped above');
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  const name = `fixpath_test_${process.pid}_${counter}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return { kind, url: url.toString() };
}

async function openMigrated(config: DatabaseConfig): Promise<Database> {
  const database = await openDatabase(config);
  await migrateDatabase(database);
  return database;
}

/** Every row of a table as JSON text, sorted, to compare two databases table by table. */
async function rowsOf(database: Database, table: string): Promise<string[]> {
  const rows = await queryRows<{ row: string }>(database.db, sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`);
  return rows.map((row) => row.row).sort();
}

/** One row in every table a backup holds, each referring to the others where the schema lets it. */
async function seedEveryBackedUpTable(database: Database): Promise<void> {
  const { db } = database;
  const soon = new Date(Date.now() + 3_600_000);
  await db.insert(tables.settings).values({ key: 'insights.rolledUpThrough', value: '2026-11-01' });
  await db.insert(tables.users).values({ id: 'u-li', name: 'Li Wei', email: 'li@example.com', role: 'admin' });
  await db.insert(tables.accounts).values({ id: 'a-li', accountId: 'u-li', providerId: 'credential', userId: 'u-li', password: 'scrypt-hash' });
  await db.insert(tables.sessions).values({ id: 's-li', token: 'session-token-hash', userId: 'u-li', expiresAt: soon });
  await db.insert(tables.verifications).values({ id: 'v-1', identifier: 'oidc-state', value: 'x', expiresAt: soon });
  await db.insert(tables.rateLimits).values({ id: 'r-1', key: '127.0.0.1/sign-in', count: 2, lastRequest: Date.now() });
  await db.insert(tables.apiTokens).values({ id: 't-1', userId: 'u-li', name: 'ticket system', tokenHash: 'ab'.repeat(32) });
  await db.insert(tables.auditEvents).values({ kind: 'sign-in', userId: 'u-li', address: '127.0.0.1', detail: { via: 'password' } });
  const [{ id: caseId }] = await db.insert(tables.cases).values({ title: '连不上 / cannot connect', targetHost: 'api.example.com', targetPort: 443, assignee: 'u-li' }).returning({ id: tables.cases.id });
  const [{ id: eventId }] = await db.insert(tables.caseEvents).values({ caseId, actor: 'u-li', kind: 'note', payload: { text: '一直转圈' } }).returning({ id: tables.caseEvents.id });
  await db.insert(tables.caseLinks).values({ caseId, tokenHash: 'cd'.repeat(32), slug: 'tls-certificate-expired', fixId: 'renew-certificate', lang: 'zh', createdBy: 'u-li', expiresAt: soon, resolveOnFixed: true });
  await db.insert(tables.verifySchedules).values({ caseId, createdBy: 'u-li', via: 'session', minutes: 15, dueAt: soon, verifyEventId: eventId });
  await db.insert(tables.webhookDeliveries).values({ kind: 'note', payload: { caseId, eventId } });
  await db.insert(tables.insightEvents).values({ at: new Date(), kind: 'search', actor: 'u-li', lang: 'zh', query: '证书过期', shown: ['/zh/articles/tls-certificate-expired'], resultCount: 1, clickedRank: 1 });
  await db.insert(tables.insightSearchDaily).values({ day: '2026-05-01', lang: 'zh', actor: 'u-li', searches: 4, noResult: 1, noClick: 2 });
  await db.insert(tables.insightDaily).values({ day: '2026-10-31', kind: 'view', lang: 'en', slug: 'tls-certificate-expired', events: 7 });
}

/** The serial columns of the backed-up tables, as PostgreSQL has them. */
async function serialColumns(database: Database): Promise<Array<{ table_name: string; column_name: string }>> {
  return queryRows(
    database.db,
    sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%' order by table_name, column_name`,
  );
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`storage on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' && 'skip' in postgres ? postgres.skip : false);

    it('migrates an empty database, and a second migration changes nothing', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await openMigrated(await freshConfig(kind));
      try {
        await migrateDatabase(database);
        const [migrations] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        assert.equal(migrations.n, MIGRATION_COUNT);
        const [row] = await database.db.insert(tables.cases).values({ title: 'Printer cannot reach the server', targetHost: 'api.example.com', targetPort: 8443 }).returning();
        assert.equal(row.status, 'open');
        assert.equal(row.version, 1);
        assert.match(row.id, /^[0-9a-f-]{36}$/);
      } finally {
        await database.close();
      }
    });

    it('refuses rows the schema forbids, naming the constraint', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await openMigrated(await freshConfig(kind));
      try {
        await assert.rejects(database.db.insert(tables.cases).values({ title: 'x', status: 'lost' }), (error: Error) => /cases_status/.test(`${error.message} ${(error.cause as Error | undefined)?.message}`));
        await assert.rejects(database.db.insert(tables.caseEvents).values({ caseId: '00000000-0000-0000-0000-000000000000', actor: 'system', kind: 'note' }));
      } finally {
        await database.close();
      }
    });

    it('backs up and restores every row, and new rows continue after the restored ones', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const source = await openMigrated(await freshConfig(kind));
      const file = path.join(scratch, `backup-${kind}.json`);
      let caseId: string;
      try {
        [{ id: caseId }] = await source.db.insert(tables.cases).values({ title: '证书过期 / certificate expired', lang: 'zh' }).returning({ id: tables.cases.id });
        await source.db.insert(tables.caseEvents).values([
          { caseId, actor: 'u1', kind: 'note', payload: { text: 'customer says: 一直转圈' } },
          { caseId, actor: 'system', kind: 'probe', payload: { code: 'TLS_CERT_EXPIRED' } },
        ]);
        assert.deepEqual(await backupDatabase(source, file), { rows: 3 });
      } finally {
        await source.close();
      }
      const target = await openMigrated(await freshConfig(kind));
      try {
        await target.db.insert(tables.cases).values({ title: 'replaced by the restore' });
        assert.deepEqual(await restoreDatabase(target, file), { rows: 3 });
        const restored = await target.db.select().from(tables.cases);
        assert.deepEqual(restored.map((row) => row.title), ['证书过期 / certificate expired']);
        const events = await target.db.select().from(tables.caseEvents).where(eq(tables.caseEvents.caseId, caseId)).orderBy(tables.caseEvents.id);
        assert.deepEqual(events.map((event) => event.payload), [{ text: 'customer says: 一直转圈' }, { code: 'TLS_CERT_EXPIRED' }]);
        const [next] = await target.db.insert(tables.caseEvents).values({ caseId, actor: 'u1', kind: 'note' }).returning();
        assert.ok(next.id > Math.max(...events.map((event) => event.id)));
      } finally {
        await target.close();
      }
    });

    it('backs up and restores a row in every backed-up table, and every serial continues after the restored rows', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const source = await openMigrated(await freshConfig(kind));
      const file = path.join(scratch, `backup-every-table-${kind}.json`);
      const expected = new Map<string, string[]>();
      try {
        await seedEveryBackedUpTable(source);
        for (const table of BACKED_UP_TABLES) {
          const rows = await rowsOf(source, table);
          assert.ok(rows.length > 0, `${table} has a row to back up: seed one above when a table is added to the backup`);
          expected.set(table, rows);
        }
        const { rows } = await backupDatabase(source, file);
        assert.equal(rows, [...expected.values()].reduce((sum, tableRows) => sum + tableRows.length, 0));
      } finally {
        await source.close();
      }
      const target = await openMigrated(await freshConfig(kind));
      try {
        await seedEveryBackedUpTable(target);
        await target.db.insert(tables.cases).values({ title: 'replaced by the restore' });
        await restoreDatabase(target, file);
        for (const table of BACKED_UP_TABLES) assert.deepEqual(await rowsOf(target, table), expected.get(table), `${table} is restored as it was`);
        const serials = await serialColumns(target);
        assert.ok(serials.some((serial) => serial.table_name === 'insight_events'), 'insight_events.id is a serial the restore resets');
        for (const { table_name: table, column_name: column } of serials.filter((serial) => BACKED_UP_TABLES.includes(serial.table_name))) {
          const [{ next, max }] = await queryRows<{ next: number; max: number }>(
            target.db,
            sql`select nextval(pg_get_serial_sequence(${table}, ${column}))::int as next, (select max(${sql.identifier(column)}) from ${sql.identifier(table)})::int as max`,
          );
          assert.ok(next > max, `${table}.${column} continues after the restored rows (next ${next}, restored up to ${max})`);
        }
      } finally {
        await target.close();
      }
    });

    it('streams a backup larger than one batch as JSON lines, still restores a version 1 file, and refuses a cut-off one', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const source = await openMigrated(await freshConfig(kind));
      const file = path.join(scratch, `backup-lines-${kind}.jsonl`);
      const EVENTS = 2500;
      try {
        await source.db.execute(sql`insert into insight_events (at, kind, actor, lang, slug) select now() - n * interval '1 minute', 'view', 'u1', 'en', 'article-' || n from generate_series(1, ${EVENTS}) as n`);
        assert.deepEqual(await backupDatabase(source, file), { rows: EVENTS });
      } finally {
        await source.close();
      }
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, EVENTS + 2, 'a header, a line per row, an end line');
      assert.deepEqual(JSON.parse(lines.at(-1)!), { end: true, rows: EVENTS });
      const target = await openMigrated(await freshConfig(kind));
      const count = async () => (await queryRows<{ n: number; slugs: number }>(target.db, sql`select count(*)::int as n, count(distinct slug)::int as slugs from insight_events`))[0];
      try {
        assert.deepEqual(await restoreDatabase(target, file), { rows: EVENTS });
        assert.deepEqual(await count(), { n: EVENTS, slugs: EVENTS });
        // A file cut off before its end line (a full disk, a copy stopped halfway) restores nothing.
        writeFileSync(file, `${lines.slice(0, 1200).join('\n')}\n`);
        await assert.rejects(restoreDatabase(target, file), /is incomplete: it stops at line 1200 without its end line/);
        assert.deepEqual(await count(), { n: EVENTS, slugs: EVENTS }, 'the database is as it was');
        // What version 1 wrote: one JSON document.
        writeFileSync(file, JSON.stringify({ format: 'fixpath-backup', version: 1, createdAt: '2026-11-28T00:00:00Z', tables: { cases: [{ id: '7d0c1e7e-2f6a-4d4f-9d7e-0a0b0c0d0e0f', title: 'from version 1', lang: 'en', status: 'open', version: 1, created_at: '2026-11-28T00:00:00Z', updated_at: '2026-11-28T00:00:00Z' }] } }));
        assert.deepEqual(await restoreDatabase(target, file), { rows: 1 });
        assert.deepEqual((await target.db.select().from(tables.cases)).map((row) => row.title), ['from version 1']);
      } finally {
        await target.close();
      }
    });

    it('a bad backup file is refused with a message and changes nothing', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const database = await openMigrated(await freshConfig(kind));
      const file = path.join(scratch, `bad-${kind}.json`);
      try {
        await database.db.insert(tables.cases).values({ title: 'keep me' });
        writeFileSync(file, '{"format":"something-else"}');
        await assert.rejects(restoreDatabase(database, file), /not a Fixpath backup/);
        writeFileSync(file, JSON.stringify({ format: 'fixpath-backup', version: 1, createdAt: '', tables: { cases: [{ id: 'not-a-uuid', title: 'x' }] } }));
        await assert.rejects(restoreDatabase(database, file));
        assert.deepEqual((await database.db.select().from(tables.cases)).map((row) => row.title), ['keep me']);
      } finally {
        await database.close();
      }
    });
  });
}

describe('what a backup holds', () => {
  const schemaTables: string[] = Object.values(tables)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table));

  it('every table of lib/db/schema is backed up or left out with a reason', () => {
    const decided = new Set([...BACKED_UP_TABLES, ...Object.keys(NOT_BACKED_UP)]);
    assert.deepEqual(
      schemaTables.filter((table) => !decided.has(table)),
      [],
      'add a new table to BACKED_UP_TABLES (committed data) or to NOT_BACKED_UP with why (lib/db/backup.ts)',
    );
  });

  it('backs up only tables the schema has, each once, and never a table it leaves out', () => {
    assert.deepEqual(BACKED_UP_TABLES.filter((table) => !schemaTables.includes(table)), []);
    assert.equal(new Set(BACKED_UP_TABLES).size, BACKED_UP_TABLES.length);
    assert.deepEqual(BACKED_UP_TABLES.filter((table) => table in NOT_BACKED_UP), []);
    assert.deepEqual(Object.keys(NOT_BACKED_UP).filter((table) => !schemaTables.includes(table)), [], 'no stale name among the tables left out');
    for (const [table, reason] of Object.entries(NOT_BACKED_UP)) assert.ok(reason.length > 20, `${table} says why it is left out`);
  });
});

describe('moving and surviving', () => {
  it('a backup of the embedded database restores into PostgreSQL', async (t) => {
    if ('skip' in postgres) return t.skip(postgres.skip);
    const embedded = await openMigrated(await freshConfig('pglite'));
    const file = path.join(scratch, 'move.json');
    try {
      await embedded.db.insert(tables.cases).values({ title: 'moved', targetHost: 'db.internal', targetPort: 5432 });
      await backupDatabase(embedded, file);
    } finally {
      await embedded.close();
    }
    const server = await openMigrated(await freshConfig('postgres'));
    try {
      await restoreDatabase(server, file);
      const [row] = await server.db.select().from(tables.cases);
      assert.equal(row.title, 'moved');
      assert.equal(row.targetPort, 5432);
    } finally {
      await server.close();
    }
  });

  it('two instances migrating one PostgreSQL at once apply each migration once', async (t) => {
    if ('skip' in postgres) return t.skip(postgres.skip);
    const config = await freshConfig('postgres');
    const [a, b] = await Promise.all([openDatabase(config), openDatabase(config)]);
    try {
      await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      const [migrations] = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      assert.equal(migrations.n, MIGRATION_COUNT);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a PostgreSQL server that is down is reported at once as unavailable', async () => {
    const started = performance.now();
    await assert.rejects(openDatabase({ kind: 'postgres', url: 'postgres://fixpath@127.0.0.1:1/fixpath' }), DatabaseUnavailableError);
    assert.ok(performance.now() - started < 5_000);
  });

  it('an unusable data directory fails with a message naming it', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir: path.join(file, 'data') }), new RegExp(`data directory ${path.join(file, 'data')}`));
  });

  it('a second process cannot open a data directory in use', async () => {
    const config = await freshConfig('pglite');
    const first = await openDatabase(config);
    try {
      await assert.rejects(openDatabase(config), /is in use by process/);
    } finally {
      await first.close();
    }
    await (await openDatabase(config)).close();
  });

  it('a process killed with SIGKILL mid-write loses no committed row, and the directory opens again', async () => {
    const config = (await freshConfig('pglite')) as { kind: 'pglite'; dataDir: string };
    const writer = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, '../fixtures/db/crash-writer.ts'), config.dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      writer.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        committed.push(...lines);
        if (committed.length >= 25) writer.kill('SIGKILL');
      });
      writer.on('exit', () => resolve());
      writer.on('error', reject);
    });
    assert.ok(committed.length >= 25, `the writer committed ${committed.length} rows before it was killed`);
    const reopened = await openDatabase(config);
    try {
      const rows = await reopened.db.select({ id: tables.cases.id }).from(tables.cases);
      const stored = new Set(rows.map((row) => row.id));
      assert.deepEqual(committed.filter((id) => !stored.has(id)), []);
    } finally {
      await reopened.close();
    }
  });
});
