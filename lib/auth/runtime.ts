import 'server-only';
import { getDatabase, isUnavailable, type Database } from '@/lib/db/server';
import { handleMe } from './api/me';
import { readAuditLog, type AuditPage, type AuditQuery } from './audit-log';
import { handleSetup } from './api/setup';
import { handleUsers } from './api/users';
import { errorResponse, unavailableResponse } from './errors';
import { oidcConfigFromEnv } from './oidc';
import { requireRole, type Caller, type Role } from './roles';
import { createAuthService, type AuthService } from './service';
import { issueSetupCode } from './setup';
import { hasUsers, listActiveUsers, type ActiveUser } from './users';

const services = new WeakMap<Database, AuthService>();

/** The auth service over the process-wide database (opened on first use). */
async function runtimeService(): Promise<AuthService> {
  const database = await getDatabase();
  let service = services.get(database);
  if (!service) {
    service = createAuthService(database.db);
    services.set(database, service);
  }
  return service;
}

/** Runs `use` with the process-wide service; a database that does not answer gives 503 `UNAVAILABLE` at once. */
async function withService(use: (service: AuthService) => Promise<Response>): Promise<Response> {
  let service: AuthService;
  try {
    service = await runtimeService();
    return await use(service);
  } catch (error) {
    if (isUnavailable(error)) return unavailableResponse(error);
    throw error;
  }
}

/** Route handler for `/api/auth/[...all]` (every method): better-auth's endpoints. */
export function handleAuthRequest(request: Request): Promise<Response> {
  return withService((service) => service.handle(request));
}

/** Route handler for `/api/setup` (every method; only POST does anything). */
export function handleSetupRequest(request: Request): Promise<Response> {
  return withService((service) => handleSetup(service, request));
}

/** Route handler for `GET /api/me`. */
export function handleMeRequest(request: Request): Promise<Response> {
  return withService((service) => handleMe(service, request));
}

/** Route handler for `/api/users`: GET, the people a case can be handed to (agent role or higher); POST, an admin adds a person. */
export function handleUsersRequest(request: Request): Promise<Response> {
  return withService((service) => handleUsers(service, request, (incoming, role) => authorizeWith(service, incoming, role)));
}

/** For server-rendered pages: everyone who can sign in, by name. Rejects with DatabaseUnavailableError when the database does not answer. */
export async function activeUsers(): Promise<ActiveUser[]> {
  return listActiveUsers((await runtimeService()).db);
}

/**
 * The caller behind a request: `Authorization: Bearer <personal token>` or the session
 * cookie; null when neither proves anyone (unknown or revoked token, disabled user, expired
 * session, or a session cookie on a state-changing request from another origin). Rejects with
 * DatabaseUnavailableError when the database does not answer: an outage is a 503, never a 401.
 * `PROBE_TOKEN` is not a personal token: check it before calling this.
 */
export async function authenticate(request: Request): Promise<Caller | null> {
  const identity = await (await runtimeService()).identify(request);
  return identity && 'caller' in identity ? identity.caller : null;
}

/** The outcome of an authorization: the caller, or the JSON error response to send. */
type Authorization = { ok: true; caller: Caller } | { ok: false; response: Response };

/**
 * For a route: the caller when they hold `role`, else the JSON error response to send: 401
 * `UNAUTHORIZED` (nobody), 403 `FORBIDDEN` (role too low, or a session cookie from another
 * origin), 503 `UNAVAILABLE` (database down).
 */
export async function authorize(request: Request, role: Role): Promise<Authorization> {
  let service: AuthService;
  try {
    service = await runtimeService();
  } catch (error) {
    if (isUnavailable(error)) return { ok: false, response: unavailableResponse(error) };
    throw error;
  }
  return authorizeWith(service, request, role);
}

/** authorize over a given auth service (tests and other instances pass their own). */
export async function authorizeWith(service: Pick<AuthService, 'identify'>, request: Request, role: Role): Promise<Authorization> {
  let identity;
  try {
    identity = await service.identify(request);
  } catch (error) {
    if (isUnavailable(error)) return { ok: false, response: unavailableResponse(error) };
    throw error;
  }
  if (identity && 'refused' in identity) return { ok: false, response: errorResponse(403, 'FORBIDDEN', 'cross-origin request refused') };
  const check = requireRole(identity?.caller ?? null, role);
  if (check.ok) return check;
  return {
    ok: false,
    response: check.status === 401 ? errorResponse(401, 'UNAUTHORIZED', 'sign in, or send Authorization: Bearer <token>') : errorResponse(403, 'FORBIDDEN', `this needs the ${role} role`),
  };
}

/** For the /setup page: whether the first admin still has to be created. */
export async function setupState(): Promise<'needed' | 'done' | 'unavailable'> {
  try {
    return (await hasUsers((await runtimeService()).db)) ? 'done' : 'needed';
  } catch (error) {
    if (isUnavailable(error)) return 'unavailable';
    throw error;
  }
}

/**
 * Called once when the Next server starts (instrumentation.ts): opens the database, runs the
 * migrations, and while no user exists prints a one-time setup code to stdout. Rejects with a
 * message naming the data directory when it cannot be used, or the OIDC_* variable missing.
 */
async function startServer(log: (line: string) => void = console.log): Promise<void> {
  const oidc = oidcConfigFromEnv(process.env);
  const { db, description } = await getDatabase();
  if (oidc) log(`Fixpath single sign-on: ${oidc.issuer}`);
  log(`Fixpath storage: ${description}, schema up to date`);
  const code = await issueSetupCode(db);
  if (code) log(`Fixpath setup code: ${code} (open /setup to create the first admin)`);
}

/**
 * startServer for instrumentation.ts: skipped during `next build` (which opens nothing); an
 * unusable data directory or incomplete OIDC settings end the process with exit 1 and a
 * message; a PostgreSQL server that does not answer only warns (pages still serve, API calls
 * answer 503 until it is back, and the next start prints a setup code if one is needed).
 */
export async function startServerOrExit(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    await startServer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isUnavailable(error)) {
      console.error(`Fixpath: the database is unavailable at start (${message}); API calls answer 503 until it is back.`);
      return;
    }
    console.error(`Fixpath cannot start: ${message}`);
    process.exit(1);
  }
}

/** Whether the sign-in page offers single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are set). */
export function singleSignOnEnabled(): boolean {
  try {
    return oidcConfigFromEnv(process.env) !== null;
  } catch {
    return false;
  }
}

/**
 * The caller of a page render (a server component), from the request's headers: the session
 * cookie, as for an API call. `unavailable` when the database does not answer.
 */
export async function pageCaller(headers: Headers): Promise<Caller | null | 'unavailable'> {
  try {
    // A GET from this site: the same-origin rule lets reads through, so only the cookie matters.
    return await authenticate(new Request('http://page.invalid/', { headers: new Headers(headers) }));
  } catch (error) {
    if (isUnavailable(error)) return 'unavailable';
    throw error;
  }
}

/** The audit log for the admin page (the caller is checked by the page), or `unavailable`. */
export async function auditLog(query: AuditQuery): Promise<AuditPage | 'unavailable'> {
  try {
    return await readAuditLog((await runtimeService()).db, query);
  } catch (error) {
    if (isUnavailable(error)) return 'unavailable';
    throw error;
  }
}
