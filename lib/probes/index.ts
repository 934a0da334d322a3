/**
 * The probe contract, browser-safe: what `POST /api/probe` takes and answers.
 * Decision flows branch on the codes, the flow runtime validates results with
 * the schema, and `parseProbeRequest` is the API's own input check. Running
 * probes is server-only: see `@/lib/probes/server`.
 */
export { ALL_PROBE_CODES, PROBE_CODES, type ProbeCode, type ProbeType } from './contract/codes';
export { probeCodeMessages } from './contract/code-messages';
export { parseProbeRequest, type ProbeRequest } from './contract/request';
export { probeResultSchema, type ProbeResult } from './contract/result';
