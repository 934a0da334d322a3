import 'server-only';

/**
 * Access, server-only: who may probe and how much. Wires people (`lib/auth`) and storage
 * (`lib/db`) to the probe guard (`lib/probes`): sign-in or a token for every probe, rate
 * limits and concurrency shares per caller in PostgreSQL, and audit rows for probes and case
 * changes. `/api/probe` and a case's probes go through the same guard.
 */
export { createAccess, type Access, type CaseChange, type CaseProbe } from './access';
export { createPgRateLimitStore } from './rate-store';
export { handleProbeRequest, runtimeAccess } from './runtime';
