import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateId } from 'better-auth';
import { tables, type FixpathDb } from '@/lib/db/server';
import { isRole, type AuthUser } from './roles';

/** Every personal token starts with this, so a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'fxp_';

/** What the database keeps of a token: its SHA-256, in hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Makes a personal API token for a user: 256 random bits, returned once; only its hash is
 * stored. The user must exist and not be disabled.
 */
export async function createToken(db: FixpathDb, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = generateId();
  await db.insert(tables.apiTokens).values({ id, userId, name, tokenHash: tokenHash(token) });
  return { id, token };
}

/** Revokes a user's tokens: the one named `name`, or all of them. Returns how many were revoked. */
export async function revokeTokens(db: FixpathDb, userId: string, name?: string): Promise<number> {
  const rows = await db
    .update(tables.apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(tables.apiTokens.userId, userId), isNull(tables.apiTokens.revokedAt), name === undefined ? undefined : eq(tables.apiTokens.name, name)))
    .returning({ id: tables.apiTokens.id });
  return rows.length;
}

/**
 * The user a personal token speaks for, or null when the token is unknown, revoked, or its
 * user is disabled. Notes when it was last used.
 */
export async function userForToken(db: FixpathDb, token: string): Promise<(AuthUser & { tokenId: string }) | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .update(tables.apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(tables.users)
    .where(and(eq(tables.apiTokens.tokenHash, tokenHash(token)), isNull(tables.apiTokens.revokedAt), eq(tables.users.id, tables.apiTokens.userId), eq(tables.users.disabled, false)))
    .returning({ tokenId: tables.apiTokens.id, id: tables.users.id, email: tables.users.email, name: tables.users.name, role: tables.users.role });
  if (!row || !isRole(row.role)) return null;
  return { ...row, role: row.role };
}
