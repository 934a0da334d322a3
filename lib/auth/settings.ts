import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';

/**
 * The value stored under `key`, creating it with `make()` when absent. Instances starting
 * together race on the insert; `on conflict do nothing` and the read after it make every one
 * of them end up with the same value, the first one written.
 */
export async function settingOrCreate<T>(db: FixpathDb, key: string, make: () => T): Promise<T> {
  await db.insert(tables.settings).values({ key, value: make() }).onConflictDoNothing();
  const [row] = await db.select({ value: tables.settings.value }).from(tables.settings).where(eq(tables.settings.key, key));
  return row.value as T;
}

/** Appends `item` to the JSON array stored under `key` (creating it), in one statement. */
export async function appendSetting(db: FixpathDb, key: string, item: unknown): Promise<void> {
  const value = [item];
  await db
    .insert(tables.settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: tables.settings.key, set: { value: sql`${tables.settings.value} || excluded.value`, updatedAt: sql`now()` } });
}
