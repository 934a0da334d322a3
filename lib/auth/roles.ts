/** The roles, least to most: an editor can do all an agent can, an admin all an editor can. */
export const ROLES = ['agent', 'editor', 'admin'] as const;

/** `agent` (flows, probes, cases), `editor` (also insights and content feedback), `admin` (also users and the audit log). */
export type Role = (typeof ROLES)[number];

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person a request speaks for. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Who is calling, and how they proved it: a session cookie or a personal API token. */
export interface Caller {
  user: AuthUser;
  via: 'session' | 'token';
}

/** The outcome of requireRole: the caller, or the status and error code to answer with. */
export type RoleCheck =
  | { ok: true; caller: Caller }
  | { ok: false; status: 401; code: 'UNAUTHORIZED' }
  | { ok: false; status: 403; code: 'FORBIDDEN' };

/**
 * Whether `caller` may do what needs `role`: no caller is 401 (sign in or send a token),
 * a caller whose role ranks below `role` is 403 (signing in again would not help).
 */
export function requireRole(caller: Caller | null, role: Role): RoleCheck {
  if (!caller) return { ok: false, status: 401, code: 'UNAUTHORIZED' };
  if (ROLES.indexOf(caller.user.role) < ROLES.indexOf(role)) return { ok: false, status: 403, code: 'FORBIDDEN' };
  return { ok: true, caller };
}

/**
 * How a feature asks who may call (`authorize` of `@/lib/auth/server`, or a test's): the caller
 * with at least `role`, or the 401/403/503 response to send.
 */
export type Authorize = (request: Request, role: Role) => Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }>;
