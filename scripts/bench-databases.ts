import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Database, type DatabaseConfig } from '@/lib/db/server';
import { startTestPostgres } from '../tests/fixtures/db/postgres-server';

/** The p-th percentile (nearest rank) of some timings. */
export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** `runs` timings of `work`, in milliseconds, one after another. */
export async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

/** Opens and migrates the database, runs the bench on it, closes it. */
async function onDatabase(label: string, config: DatabaseConfig, bench: (label: string, database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    await bench(label, database);
  } finally {
    await database.close();
  }
}

/**
 * Runs a benchmark on a new, migrated embedded PGlite database, then on PostgreSQL
 * (BENCH_DATABASE_URL, or a throwaway cluster; skipped with the reason when neither is there),
 * and cleans up. `BENCH_SKIP_PGLITE=1` runs PostgreSQL only.
 */
export async function onEachDatabase(name: string, bench: (label: string, database: Database) => Promise<void>): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), `fixpath-bench-${name}-`));
  try {
    if (process.env.BENCH_SKIP_PGLITE !== '1') await onDatabase('PGlite', { kind: 'pglite', dataDir: path.join(scratch, 'pglite') }, bench);
    const server = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: () => {} } : await startTestPostgres();
    if ('skip' in server) {
      console.log(`\nPostgreSQL: skipped (${server.skip})`);
      return;
    }
    try {
      await onDatabase('PostgreSQL', { kind: 'postgres', url: server.url }, bench);
    } finally {
      server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
