/**
 * The server half of probes: running them, the `POST /api/probe` handler and the guard every
 * probe passes (rate limit, concurrency, audit), the target policy and the CLI. Node only;
 * never import it from a client component. Who a caller is comes from outside (lib/access).
 */
import 'server-only';

export { type AuditSink, stdoutAudit } from './api/audit';
export { type ProbeAuthorize, type ProbeCaller } from './api/caller';
export { type GuardedOutcome } from './api/guard';
export { createProbeHandler, createProbeService, type ProbeHandler } from './api/handler';
export { errorResponse as probeErrorResponse } from './api/json';
export { type ProbeHandlerOptions } from './api/options';
export { runProbeCli } from './cli/run';
export { MemoryRateLimitStore } from './limits/memory-store';
export { parseRateLimit, type RateLimitRule } from './limits/rule';
export { type ConcurrencyShareStore } from './limits/share';
export { type RateLimitDecision, type RateLimitStore } from './limits/store';
export { TargetForbiddenError } from './policy/forbidden';
export { checkAddress, createTargetPolicy, policyFromEnv } from './policy/ranges';
export { contextFromEnv, type ProbeContext } from './run/context';
export { runProbe } from './run/run-probe';
