import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '@/lib/db/server';
import { startTestPostgres } from '../tests/fixtures/db/postgres-server';

/**
 * Runs a benchmark on a new embedded PGlite directory, then on PostgreSQL (BENCH_DATABASE_URL,
 * or a throwaway cluster; skipped with the reason when neither is there), and cleans up.
 * `BENCH_SKIP_PGLITE=1` runs PostgreSQL only.
 */
export async function onEachDatabase(name: string, bench: (label: string, config: DatabaseConfig) => Promise<void>): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), `fixpath-bench-${name}-`));
  try {
    if (process.env.BENCH_SKIP_PGLITE !== '1') await bench('PGlite', { kind: 'pglite', dataDir: path.join(scratch, 'pglite') });
    const server = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: () => {} } : await startTestPostgres();
    if ('skip' in server) {
      console.log(`\nPostgreSQL: skipped (${server.skip})`);
      return;
    }
    try {
      await bench('PostgreSQL', { kind: 'postgres', url: server.url });
    } finally {
      server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
