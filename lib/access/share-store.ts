import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type FixpathDb } from '@/lib/db/server';
import type { ConcurrencyShareStore } from '@/lib/probes/server';

/**
 * How long a place is held when nobody gives it back: longer than any probe may run (15 s
 * cap, plus queueing at the process gate), short enough that a killed instance's places
 * come back within a minute or two.
 */
const LEASE_TTL_SECONDS = 90;

/**
 * A caller's running probes as rows of `probe_leases`, so the share holds across instances.
 * Taking a place locks the caller's key (a transaction-scoped advisory lock), drops its
 * expired rows, counts the rest and inserts one when under `max`; giving it back deletes it.
 */
export function createPgShareStore(database: () => Promise<FixpathDb>, ttlSeconds = LEASE_TTL_SECONDS): ConcurrencyShareStore {
  return {
    async acquire(key, max) {
      const db = await database();
      const id = randomUUID();
      const taken = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`probe-share:${key}`}))`);
        await tx.execute(sql`delete from probe_leases where caller_key = ${key} and expires_at < now()`);
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`insert into probe_leases (id, caller_key, expires_at)
              select ${id}, ${key}, now() + make_interval(secs => ${ttlSeconds})
              where (select count(*) from probe_leases where caller_key = ${key}) < ${max}
              returning id`,
        );
        return rows.length > 0;
      });
      if (!taken) return null;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        try {
          await db.execute(sql`delete from probe_leases where id = ${id}`);
        } catch (error) {
          // The row expires by itself; the probe's answer must not fail over it.
          console.error(`probe share: could not give back a place of ${key}: ${(error as Error).message}`);
        }
      };
    },
  };
}
