import 'server-only';

/**
 * People and access, server-only: better-auth (email and password, sessions in the database,
 * rate-limited sign-in), personal API tokens, users, the first-run setup, audit rows, and the
 * route handlers the app binds. Role names and requireRole are in `@/lib/auth`.
 */
export { recordAudit } from './audit';
export { AUDIT_KINDS, type AuditRow } from './audit-log';
export { activeUsers, auditLog, authenticate, authorize, handleAuthRequest, handleMeRequest, handleSetupRequest, handleUsersRequest, pageCaller, setupState, singleSignOnEnabled, startServerOrExit } from './runtime';
export { runUserCli } from './cli/run';
export { extraTrustedOrigins, isSameOrigin } from './same-origin';
