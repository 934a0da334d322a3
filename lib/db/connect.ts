import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { describeDatabase, type DatabaseConfig } from './config';
import { DatabaseUnavailableError, isUnavailable } from './errors';
import * as schema from './schema';

/** Drizzle over either driver: the same queries run on PGlite and on PostgreSQL. */
export type FixpathDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database and how to close it. */
export interface Database {
  kind: DatabaseConfig['kind'];
  db: FixpathDb;
  /** Where the data lives, with any password hidden. */
  description: string;
  /** Applies the migrations in `folder` that have not run yet (one instance at a time). */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** How long a PostgreSQL connection attempt may take before the API answers 503. */
const CONNECT_TIMEOUT_MS = 3_000;
/** An arbitrary constant: the advisory lock that lets one instance migrate at a time. */
const MIGRATION_LOCK = 0x66697870;
/** Longest any one statement may run on PostgreSQL. */
const STATEMENT_TIMEOUT_MS = 15_000;

/** Opens the database the config names; for PostgreSQL, checks that the server answers. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config);
}

/**
 * One process owns an embedded data directory: a second one would corrupt it. The lock file
 * holds the owner's pid; a lock left by a killed process (pid gone) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'fixpath.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && processIsAlive(owner)) {
        throw new Error(`The data directory ${dataDir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}; stop it, or set FIXPATH_DATA_DIR to another directory.`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  let unlock: () => void;
  try {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  } catch (error) {
    throw new Error(`Cannot use the data directory ${dataDir} (FIXPATH_DATA_DIR): ${(error as Error).message}`, { cause: error });
  }
  try {
    // pg_trgm backs the case search index (migration 0002), as the contrib module does on a server.
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema });
    return {
      kind: 'pglite',
      db,
      description: describeDatabase({ kind: 'pglite', dataDir }),
      // One process owns the directory (the lock above), so no other migrator can interleave.
      migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw new Error(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
}

async function openPostgres(config: { kind: 'postgres'; url: string }): Promise<Database> {
  const description = describeDatabase(config);
  const pool = new pg.Pool({
    connectionString: config.url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    max: 10,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    if (isUnavailable(error)) throw new DatabaseUnavailableError(`${description} does not answer: ${(error as Error).message}`, { cause: error });
    throw error;
  }
  const db = drizzlePostgres(pool, { schema });
  return {
    kind: 'postgres',
    db,
    description,
    migrate: async (migrationsFolder) => {
      // Instances starting together take turns through an advisory lock held on one connection.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
