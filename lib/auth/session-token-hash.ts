import 'server-only';
import type { DBAdapter, Where } from 'better-auth';
import { tokenHash as hashToken } from './tokens';

/** The adapter factory better-auth takes as `database` (what `drizzleAdapter(db, …)` returns). */
type AdapterFactory = (options: never) => DBAdapter;

const SESSION = 'session';
const TOKEN = 'token';

/** `where` with every condition on the session token hashed, and the raw token it named (for the answer). */
function hashedWhere(model: string, where: Where[] | undefined): { where: Where[] | undefined; raw: Map<string, string> } {
  const raw = new Map<string, string>();
  if (model !== SESSION || !where) return { where, raw };
  const hash = (value: string) => {
    const hashed = hashToken(value);
    raw.set(hashed, value);
    return hashed;
  };
  return {
    raw,
    where: where.map((condition) => {
      if (condition.field !== TOKEN) return condition;
      const { value } = condition;
      if (typeof value === 'string') return { ...condition, value: hash(value) };
      if (Array.isArray(value)) return { ...condition, value: value.map((item) => (typeof item === 'string' ? hash(item) : item)) } as Where;
      return condition;
    }),
  };
}

/** A session row as better-auth expects it: with the token the caller holds, where the query named it. */
function withRawToken<T>(row: T, raw: Map<string, string>): T {
  if (!row || typeof row !== 'object') return row;
  const token = (row as Record<string, unknown>)[TOKEN];
  return typeof token === 'string' && raw.has(token) ? { ...row, [TOKEN]: raw.get(token) } : row;
}

function hashedUpdate(model: string, update: Record<string, unknown>): Record<string, unknown> {
  return model === SESSION && typeof update[TOKEN] === 'string' ? { ...update, [TOKEN]: hashToken(update[TOKEN]) } : update;
}

function wrap<A extends Omit<DBAdapter, 'transaction'> & Partial<Pick<DBAdapter, 'transaction'>>>(adapter: A): A {
  return {
    ...adapter,
    create: async (data) => {
      const token = data.model === SESSION ? (data.data as Record<string, unknown>)[TOKEN] : undefined;
      if (typeof token !== 'string') return adapter.create(data);
      const row = await adapter.create({ ...data, data: { ...data.data, [TOKEN]: hashToken(token) } });
      // The cookie carries the token itself: better-auth signs what create returns.
      return withRawToken(row, new Map([[hashToken(token), token]]));
    },
    findOne: async (data) => {
      const { where, raw } = hashedWhere(data.model, data.where);
      return withRawToken(await adapter.findOne({ ...data, where: where ?? [] }), raw);
    },
    findMany: async (data) => {
      const { where, raw } = hashedWhere(data.model, data.where);
      return (await adapter.findMany({ ...data, where })).map((row) => withRawToken(row, raw));
    },
    count: (data) => adapter.count({ ...data, where: hashedWhere(data.model, data.where).where }),
    update: async (data) => {
      const { where, raw } = hashedWhere(data.model, data.where);
      return withRawToken(await adapter.update({ ...data, where: where ?? [], update: hashedUpdate(data.model, data.update) }), raw);
    },
    updateMany: (data) => adapter.updateMany({ ...data, where: hashedWhere(data.model, data.where).where ?? [], update: hashedUpdate(data.model, data.update) }),
    delete: (data) => adapter.delete({ ...data, where: hashedWhere(data.model, data.where).where ?? [] }),
    deleteMany: (data) => adapter.deleteMany({ ...data, where: hashedWhere(data.model, data.where).where ?? [] }),
    consumeOne: async (data) => {
      const { where, raw } = hashedWhere(data.model, data.where);
      return withRawToken(await adapter.consumeOne({ ...data, where: where ?? [] }), raw);
    },
    ...(adapter.transaction ? { transaction: (callback: Parameters<DBAdapter['transaction']>[0]) => adapter.transaction!((trx) => callback(wrap(trx))) } : {}),
  } as A;
}

/**
 * Stores session tokens as their SHA-256, like personal tokens: better-auth 1.7 keeps
 * `sessions.token` in the clear, so a leaked database or backup would hand out live sessions.
 * Every query on the session token is hashed on the way in, and the raw token the caller
 * already holds is put back on the way out (better-auth signs it into the cookie). SHA-256
 * without salt is enough: the token is 256 random bits, with nothing to guess.
 */
export function hashingSessionTokens<F extends AdapterFactory>(factory: F): F {
  return ((options: never) => wrap(factory(options))) as F;
}
