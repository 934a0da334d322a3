// Transitional: machines/ and lib/flows still import this path. They should
// import `@/lib/probes` instead; then delete this file.
export { ALL_PROBE_CODES, PROBE_CODES, probeResultSchema, type ProbeCode, type ProbeResult, type ProbeType } from './index';
