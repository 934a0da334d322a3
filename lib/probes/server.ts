/**
 * The server half of probes: running them, the `POST /api/probe` handler,
 * the target policy and the CLI. Node only; never import it from a client component.
 */
import 'server-only';

export { createProbeHandler, type ProbeHandler } from './api/handler';
export { type ProbeHandlerOptions } from './api/options';
export { handleProbeRequest } from './api/route';
export { runProbeCli } from './cli/run';
export { MemoryRateLimitStore } from './limits/memory-store';
export { parseRateLimit } from './limits/rule';
export { TargetForbiddenError } from './policy/forbidden';
export { checkAddress, createTargetPolicy, policyFromEnv } from './policy/ranges';
export { contextFromEnv, type ProbeContext } from './run/context';
export { runProbe } from './run/run-probe';
