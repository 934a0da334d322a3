import 'server-only';
import { APIError, BASE_ERROR_CODES } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import { eq } from 'drizzle-orm';
import { tables, type FixpathDb } from '@/lib/db/server';
import { recordAudit } from './audit';
import { OIDC_PROVIDER_ID, oidcPlugin, type OidcConfig } from './oidc';
import { ownOrigin } from './same-origin';
import { hashingSessionTokens } from './session-token-hash';
import { PASSWORD_LENGTH } from './users';

/**
 * The header our route wrapper sets to the client address (clientAddressOf) after dropping any
 * copy the client sent; better-auth's rate limiter keys on it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-fixpath-client-address';

/** The client address our wrapper put on the request (server-side calls pass it in `headers`). */
function addressOf(context: { request?: Request; headers?: Headers } | null): string | null {
  return (context?.request?.headers ?? context?.headers)?.get(CLIENT_ADDRESS_HEADER) ?? null;
}

/** Sign-in attempts allowed per client address per window, across every instance (FIXPATH_SIGN_IN_LIMIT changes `max`). */
export const SIGN_IN_LIMIT = { window: 60, max: 10 } as const;

/**
 * Sign-in attempts a client address may make a minute: FIXPATH_SIGN_IN_LIMIT (1–10000), else
 * 10. Throws naming the variable when it is not a whole number in range.
 */
export function signInLimitFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.FIXPATH_SIGN_IN_LIMIT?.trim();
  if (!raw) return SIGN_IN_LIMIT.max;
  const max = Number(raw);
  if (!Number.isInteger(max) || max < 1 || max > 10_000) throw new Error(`FIXPATH_SIGN_IN_LIMIT must be a whole number of sign-in attempts a minute from 1 to 10000, not "${raw}"`);
  return max;
}

/** Endpoints Fixpath does not use: users are added by an admin, not by themselves, and there is no mail. */
const DISABLED_PATHS = [
  '/sign-up/email',
  '/change-email',
  '/update-user',
  '/delete-user',
  '/request-password-reset',
  '/reset-password',
  '/send-verification-email',
  '/verify-email',
  '/link-social',
  '/unlink-account',
];

/** What an auth instance is built from. */
export interface AuthOptions {
  secret: string;
  /** Cookies get `Secure` (and better-auth's `__Secure-` prefix): the site is served over HTTPS. */
  secure: boolean;
  /** The public URL (BETTER_AUTH_URL); unset, each request's own origin is used and trusted. */
  baseURL?: string;
  /** Origins trusted besides the request's own (BETTER_AUTH_URL's, BETTER_AUTH_TRUSTED_ORIGINS). */
  trustedOrigins: readonly string[];
  /** Single sign-on, when configured. */
  oidc: OidcConfig | null;
  /** Sign-in attempts a client address may make a minute (default {@link SIGN_IN_LIMIT}). */
  signInLimit?: number;
}

/**
 * One better-auth instance over the database: email and password with better-auth's scrypt
 * hashing, sessions in the `sessions` table, HttpOnly SameSite=Lax cookies, the Origin check
 * on every state-changing request, and sign-in attempts rate limited in the database. A
 * disabled user gets exactly the answer a wrong password gets.
 */
export function createAuth(db: FixpathDb, options: AuthOptions) {
  return betterAuth({
    appName: 'Fixpath',
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    database: hashingSessionTokens(
      drizzleAdapter(db, {
        provider: 'pg',
        schema: { user: tables.users, session: tables.sessions, account: tables.accounts, verification: tables.verifications, rateLimit: tables.rateLimits },
      }),
    ),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_LENGTH.min, maxPasswordLength: PASSWORD_LENGTH.max },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'agent' },
        disabled: { type: 'boolean', input: false, required: false, defaultValue: false },
      },
    },
    // The page's own origin (scheme + Host), which better-auth alone would take from Next's bind address.
    trustedOrigins: (request) => (request ? [ownOrigin(request), ...options.trustedOrigins] : [...options.trustedOrigins]),
    disabledPaths: DISABLED_PATHS,
    // The company's identity provider vouches for the email: sign-in there reaches the Fixpath user with that email.
    account: { accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] } },
    plugins: options.oidc ? [oidcPlugin(options.oidc)] : [],
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      customRules: { '/sign-in/*': { window: SIGN_IN_LIMIT.window, max: options.signInLimit ?? SIGN_IN_LIMIT.max } },
    },
    advanced: {
      useSecureCookies: options.secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.secure },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    logger: { level: 'error' },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db.select({ disabled: tables.users.disabled }).from(tables.users).where(eq(tables.users.id, session.userId));
            // The same error a wrong password gets: a caller cannot tell a disabled account from a typo.
            if (!user || user.disabled) throw APIError.from('UNAUTHORIZED', BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
          },
          after: async (session, context) => {
            await recordAudit(db, { kind: 'sign-in', userId: session.userId, address: addressOf(context), detail: { path: context?.path ?? null } });
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (!ctx.path.startsWith('/sign-in/') || !(ctx.context.returned instanceof APIError)) return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email.slice(0, 200).toLowerCase() : null;
        await recordAudit(db, { kind: 'sign-in-failed', address: addressOf(ctx), detail: { email, status: ctx.context.returned.statusCode } });
      }),
    },
  });
}

/** A better-auth instance as createAuth builds it. */
export type FixpathAuth = ReturnType<typeof createAuth>;
