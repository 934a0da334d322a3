import 'server-only';
import { createHash, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import { appendSetting } from './settings';
import { createUser, hasUsers, type NewUser } from './users';
import type { AuthUser } from './roles';

/** Hashes of the setup codes printed so far; any instance accepts any of them until an admin exists. */
const CODES_KEY = 'setup.codes';
/** No 0/O or 1/I, so a code read off a log is typed right: 32 symbols, 5 bits each, 60 bits a code. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function codeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^0-9A-Z]/g, '')).digest('hex');
}

function newCode(): string {
  const symbols = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/**
 * At start: while no user exists, makes a one-time setup code, stores only its hash and
 * returns the code for the server log; null once someone can sign in. Several instances
 * starting at once each print a code, and each code works until the first admin is created.
 */
export async function issueSetupCode(db: FixpathDb): Promise<string | null> {
  if (await hasUsers(db)) {
    await db.delete(tables.settings).where(eq(tables.settings.key, CODES_KEY));
    return null;
  }
  const code = newCode();
  await appendSetting(db, CODES_KEY, codeHash(code));
  return code;
}

/** How a setup attempt ended when it did not create the admin. */
export type SetupRefusal = 'done' | 'invalid-code';

/**
 * Creates the first admin when `code` is one of the printed setup codes and nobody exists yet.
 * The codes row is locked for the transaction, so two attempts at once create one admin, and
 * it is deleted with the admin's creation: every code is void from then on. Bad fields throw
 * UserInputError (naming the field) and change nothing.
 */
export async function completeSetup(db: FixpathDb, code: string, admin: Omit<NewUser, 'role'>): Promise<{ ok: true; user: AuthUser } | { ok: false; refusal: SetupRefusal }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ value: tables.settings.value }).from(tables.settings).where(eq(tables.settings.key, CODES_KEY)).for('update');
    if (await hasUsers(tx)) return { ok: false, refusal: 'done' } as const;
    const hashes = Array.isArray(row?.value) ? (row.value as unknown[]) : [];
    if (!hashes.includes(codeHash(code))) return { ok: false, refusal: 'invalid-code' } as const;
    const user = await createUser(tx, { ...admin, role: 'admin' });
    await tx.delete(tables.settings).where(eq(tables.settings.key, CODES_KEY));
    return { ok: true, user } as const;
  });
}
