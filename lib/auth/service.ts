import 'server-only';
import { sql } from 'drizzle-orm';
import { DatabaseUnavailableError, isUnavailable, type FixpathDb } from '@/lib/db/server';
import { recordAudit } from './audit';
import { clientAddressOf } from './client-address';
import { errorResponse, unavailableResponse } from './errors';
import { CLIENT_ADDRESS_HEADER, createAuth, signInLimitFromEnv, type FixpathAuth } from './instance';
import { oidcConfigFromEnv } from './oidc';
import { isRole, type Caller } from './roles';
import { extraTrustedOrigins, isSameOrigin } from './same-origin';
import { authSecret } from './secret';
import { userForToken } from './tokens';

/** Who a request speaks for: a caller, a session refused for coming from another origin, or nobody. */
type Identity = { caller: Caller } | { refused: 'cross-origin' } | null;

/** Authentication over one database: the better-auth endpoints, and who a request speaks for. */
export interface AuthService {
  db: FixpathDb;
  /** The better-auth instance for this request: cookies are Secure when it came over HTTPS. */
  authFor(request: Request): Promise<FixpathAuth>;
  /** `/api/auth/*`: better-auth's endpoints, with the client address set for its rate limiter and 503 when the database is down. */
  handle(request: Request): Promise<Response>;
  /** The caller behind a personal token or a session cookie; see Identity. */
  identify(request: Request): Promise<Identity>;
  /** A copy of `request` whose CLIENT_ADDRESS_HEADER is ours, whatever the client sent; rejects a body over 16 KB. */
  withClientAddress(request: Request): Promise<Request>;
}

/** Sign-in and setup bodies are a few hundred bytes; the copy withClientAddress makes is capped. */
const MAX_BODY_BYTES = 16 * 1024;

class BodyTooLarge extends Error {}

const tooLarge = () => errorResponse(413, 'INVALID_INPUT', `the request body is over ${MAX_BODY_BYTES / 1024} KB`);

/**
 * better-auth turns a failed query inside an endpoint into its own 500 and drops the cause,
 * so after a failure we ask the database directly: the error when it does not answer, else null.
 */
async function databaseDown(db: FixpathDb): Promise<unknown> {
  try {
    await db.execute(sql`select 1`);
    return null;
  } catch (error) {
    return isUnavailable(error) ? error : null;
  }
}

/**
 * Builds the auth service over `db`, configured by `env`: BETTER_AUTH_SECRET (else a secret
 * kept in the database), BETTER_AUTH_URL (the public URL; its scheme decides Secure cookies
 * when set), BETTER_AUTH_TRUSTED_ORIGINS, and OIDC_ISSUER / OIDC_CLIENT_ID /
 * OIDC_CLIENT_SECRET for single sign-on, FIXPATH_SIGN_IN_LIMIT (sign-in attempts a minute per
 * client address). Throws when the OIDC settings are incomplete or the limit is not a number.
 */
export function createAuthService(db: FixpathDb, env: Record<string, string | undefined> = process.env): AuthService {
  const baseURL = env.BETTER_AUTH_URL?.trim() || undefined;
  const trusted = extraTrustedOrigins(env);
  const oidc = oidcConfigFromEnv(env);
  const signInLimit = signInLimitFromEnv(env);
  const instances = new Map<boolean, Promise<FixpathAuth>>();

  function authFor(request: Request): Promise<FixpathAuth> {
    const secure = baseURL ? baseURL.startsWith('https:') : new URL(request.url).protocol === 'https:';
    let instance = instances.get(secure);
    if (!instance) {
      instance = authSecret(db, env).then((secret) => createAuth(db, { secret, secure, baseURL, trustedOrigins: trusted, oidc, signInLimit }));
      instance.catch(() => instances.delete(secure));
      instances.set(secure, instance);
    }
    return instance;
  }

  async function withClientAddress(request: Request): Promise<Request> {
    const headers = new Headers(request.headers);
    headers.set(CLIENT_ADDRESS_HEADER, clientAddressOf(request));
    const hasBody = !['GET', 'HEAD'].includes(request.method.toUpperCase());
    const body = hasBody ? await request.arrayBuffer() : undefined;
    if (body && body.byteLength > MAX_BODY_BYTES) throw new BodyTooLarge();
    return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
  }

  async function handle(request: Request): Promise<Response> {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge();
    try {
      const auth = await authFor(request);
      const response = await auth.handler(await withClientAddress(request));
      const down = response.status >= 500 ? await databaseDown(db) : null;
      return down ? unavailableResponse(down) : response;
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLarge();
      if (isUnavailable(error)) return unavailableResponse(error);
      throw error;
    }
  }

  async function identify(request: Request): Promise<Identity> {
    const authorization = request.headers.get('authorization');
    if (authorization !== null) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const user = token ? await userForToken(db, token) : null;
      if (!user) return null;
      const { tokenId, ...rest } = user;
      await recordAudit(db, { kind: 'token-used', userId: user.id, address: clientAddressOf(request), detail: { tokenId, method: request.method, path: new URL(request.url).pathname } });
      return { caller: { user: rest, via: 'token' } };
    }
    const auth = await authFor(request);
    let session;
    try {
      session = await auth.api.getSession({ headers: request.headers });
    } catch (error) {
      const down = await databaseDown(db);
      if (down) throw new DatabaseUnavailableError(`the database does not answer: ${(down as Error).message}`, { cause: down });
      throw error;
    }
    if (!session || session.user.disabled || !isRole(session.user.role)) return null;
    if (!isSameOrigin(request, trusted)) return { refused: 'cross-origin' };
    const { id, email, name, role } = session.user;
    return { caller: { user: { id, email, name, role }, via: 'session' } };
  }

  return { db, authFor, handle, identify, withClientAddress };
}
