import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { generateId } from 'better-auth';
import { hashPassword } from 'better-auth/crypto';
import { tables, type FixpathDb } from '@/lib/db/server';
import { isRole, type AuthUser, type Role } from './roles';

/** Password length bounds, shared with better-auth's sign-in (see instance.ts). */
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/** A request to add a user that cannot be carried out; `field` names the input at fault. */
export class UserInputError extends Error {
  constructor(
    readonly field: 'email' | 'name' | 'role' | 'password',
    message: string,
    /** The value is well-formed but taken (an email already in use). */
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** A user as `user -- list` shows them. */
export interface UserRecord extends AuthUser {
  disabled: boolean;
  createdAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a new user needs; the password is hashed with better-auth's scrypt before it is stored. */
export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  password: string;
}

/** Checks and normalises a new user's fields, naming the first one at fault. */
function checkNewUser(input: NewUser): Required<NewUser> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new UserInputError('email', `"${input.email}" is not an email address`);
  if (!isRole(input.role)) throw new UserInputError('role', `role must be agent, editor or admin, not "${input.role}"`);
  const { min, max } = PASSWORD_LENGTH;
  if (input.password.length < min || input.password.length > max) throw new UserInputError('password', `the password must be ${min} to ${max} characters long`);
  const name = input.name?.trim() || email.split('@')[0];
  if (name.length > 100) throw new UserInputError('name', 'the name must be at most 100 characters long');
  return { email, name, role: input.role, password: input.password };
}

/**
 * Adds a user who signs in with email and password: the user row and better-auth's
 * `credential` account holding the password hash, in one transaction. Fails with a
 * UserInputError (`email`) when the address is taken. `db` may be a transaction.
 */
export async function createUser(db: FixpathDb, input: NewUser): Promise<AuthUser> {
  const user = checkNewUser(input);
  const hash = await hashPassword(user.password);
  const id = generateId();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(tables.users).values({ id, email: user.email, name: user.name, role: user.role, emailVerified: true });
      await tx.insert(tables.accounts).values({ id: generateId(), userId: id, accountId: id, providerId: 'credential', password: hash });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserInputError('email', `a user with the email ${user.email} already exists`, true);
    throw error;
  }
  return { id, email: user.email, name: user.name, role: user.role };
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.code === '23505') return true;
  }
  return false;
}

/** Whether anyone can sign in yet; while nobody can, /setup creates the first admin. */
export async function hasUsers(db: FixpathDb): Promise<boolean> {
  const rows = await db.select({ id: tables.users.id }).from(tables.users).limit(1);
  return rows.length > 0;
}

/** Every user, oldest first. */
export async function listUsers(db: FixpathDb): Promise<UserRecord[]> {
  const rows = await db.select().from(tables.users).orderBy(asc(tables.users.createdAt), asc(tables.users.email));
  return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, role: row.role as Role, disabled: row.disabled, createdAt: row.createdAt }));
}

/** The user with this email (case-insensitive), or null. */
export async function findUserByEmail(db: FixpathDb, email: string): Promise<UserRecord | null> {
  const [row] = await db.select().from(tables.users).where(eq(tables.users.email, email.trim().toLowerCase()));
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role as Role, disabled: row.disabled, createdAt: row.createdAt } : null;
}

/**
 * Disables a user: they can no longer sign in, every session they have ends now, and their
 * personal tokens stop working (authenticate checks the flag). Returns false when no user has
 * this email.
 */
export async function disableUser(db: FixpathDb, email: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.users)
      .set({ disabled: true, updatedAt: sql`now()` })
      .where(eq(tables.users.email, email.trim().toLowerCase()))
      .returning({ id: tables.users.id });
    if (!row) return false;
    await tx.delete(tables.sessions).where(eq(tables.sessions.userId, row.id));
    return true;
  });
}

/** A person others can hand a case to. */
export type ActiveUser = AuthUser;

/** Everyone who can sign in (disabled users left out), by name. */
export async function listActiveUsers(db: FixpathDb): Promise<ActiveUser[]> {
  const rows = await db
    .select({ id: tables.users.id, email: tables.users.email, name: tables.users.name, role: tables.users.role })
    .from(tables.users)
    .where(eq(tables.users.disabled, false))
    .orderBy(asc(tables.users.name), asc(tables.users.email));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}
