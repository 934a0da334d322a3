// Transitional: machines/types.ts still imports this path. It should import
// `@/lib/probes` instead; then delete this file.
export type { ProbeRequest } from './index';
