import 'server-only';
import { randomBytes } from 'node:crypto';
import type { FixpathDb } from '@/lib/db/server';
import { settingOrCreate } from './settings';

const SECRET_KEY = 'auth.secret';

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set, else one generated on
 * the first start (256 random bits) and kept in the settings table, so every instance on the
 * same database signs and checks cookies alike. It is never logged.
 */
export async function authSecret(db: FixpathDb, env: Record<string, string | undefined> = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  return settingOrCreate(db, SECRET_KEY, () => randomBytes(32).toString('base64url'));
}
