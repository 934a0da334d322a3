// Transitional: machines/types.ts still imports this path for the body a flow
// sends. It should import `@/lib/probes` (ProbeRequest or ProbeRequestBody)
// instead; then delete this file.
export type { ProbeRequestBody as ProbeRequest } from './index';
