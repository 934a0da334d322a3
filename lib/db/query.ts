import type { SQL } from 'drizzle-orm';
import type { FixpathDb } from './connect';

/**
 * Rows of a raw SQL query. Both drivers answer `{ rows }`, but drizzle types a raw result
 * over either driver as unknown; this is the one place that says what it is.
 */
export async function queryRows<T>(db: Pick<FixpathDb, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
