import path from 'node:path';

/** Where the data lives: an embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Default embedded data directory, relative to the working directory (git-ignored). */
const DEFAULT_DATA_DIR = '.data';

/**
 * Reads DATABASE_URL (a `postgres://` or `postgresql://` URL) or, when it is unset,
 * FIXPATH_DATA_DIR (default `.data/`) for the embedded database.
 */
export function databaseConfigFromEnv(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL; unset it to use the embedded database');
    }
    return { kind: 'postgres', url };
  }
  // The directory is chosen at run time; the comment keeps Next's file tracing from taking the whole project.
  return { kind: 'pglite', dataDir: path.resolve(/* turbopackIgnore: true */ env.FIXPATH_DATA_DIR?.trim() || DEFAULT_DATA_DIR) };
}

/** The config with any password hidden, for logs and error messages. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return `embedded PGlite at ${config.dataDir}`;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = '***';
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
