import 'server-only';
import { databaseConfigFromEnv } from './config';
import { openDatabase, type Database } from './connect';
import { migrateDatabase } from './migrate';

/**
 * Next bundles instrumentation and each route separately, so a module-level variable would
 * exist once per bundle; the handle lives on globalThis so the whole process shares one.
 */
const HOLDER = Symbol.for('fixpath.database');
type Holder = { [HOLDER]?: Promise<Database> };

/**
 * The process-wide database of the Next server, from the environment (DATABASE_URL, else
 * FIXPATH_DATA_DIR): opened and migrated on first use, never at import (so `next build`
 * opens nothing). A failed open is forgotten, so the next call tries again: a PostgreSQL
 * server that was down answers once it is back. Rejects with DatabaseUnavailableError when
 * the server does not answer, and with a message naming the directory when the embedded
 * data directory cannot be used.
 */
export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[HOLDER] ??= openMigrated().catch((error: unknown) => {
    holder[HOLDER] = undefined;
    throw error;
  });
  return holder[HOLDER];
}

async function openMigrated(): Promise<Database> {
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}
