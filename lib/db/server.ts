import 'server-only';

/**
 * Storage: one PostgreSQL schema, embedded PGlite by default (FIXPATH_DATA_DIR) or a server
 * (DATABASE_URL); migrations, backup and restore. Server-only.
 */
export { backupDatabase, restoreDatabase } from './backup';
export { databaseConfigFromEnv, type DatabaseConfig } from './config';
export { openDatabase, type Database, type FixpathDb } from './connect';
export { DatabaseUnavailableError, isUnavailable } from './errors';
export { migrateDatabase } from './migrate';
export { startPolling, type Poller } from './poll';
export { getDatabase } from './process';
export { queryRows } from './query';
export * as tables from './schema';
