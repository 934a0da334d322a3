/**
 * People and access, the browser-safe half: role names, the caller's shape and the 401/403
 * rule. Sessions, tokens, users and the better-auth instance are in `@/lib/auth/server`.
 */
export { isRole, requireRole, ROLES, type Authorize, type Caller, type Role } from './roles';
