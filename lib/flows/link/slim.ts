import type { ProbeResult } from '@/machines';
import type { PathStep } from '../runtime/path';

/** Detail keys kept at the strongest trimming level: the ones the runner shows in plain words. */
const ESSENTIAL_DETAILS = [
  'address',
  'addresses',
  'status',
  'location',
  'clockSkewSeconds',
  'protocol',
  'versions',
  'certificate',
  'error',
  'phase',
  'legacyProtocol',
];

const HEAVY_KEYS = new Set(['fingerprint256', 'serialNumber', 'raw', 'pem']);

function withoutHeavyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHeavyKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !HEAVY_KEYS.has(key)).map(([key, inner]) => [key, withoutHeavyKeys(inner)]),
  );
}

/**
 * A smaller copy of a probe result for links: level 1 drops fingerprints and serials,
 * level 2 also the certificate chain and timings, level 3 keeps only the essential details.
 */
function slimResult(result: ProbeResult, level: number): ProbeResult {
  let details = withoutHeavyKeys(result.details) as Record<string, unknown>;
  if (level >= 2) {
    const { chain: _chain, timings: _timings, headers: _headers, ...rest } = details;
    details = rest;
  }
  if (level >= 3) details = Object.fromEntries(Object.entries(details).filter(([key]) => ESSENTIAL_DETAILS.includes(key)));
  return { ...result, summary: result.summary.slice(0, 500), details };
}

/** The step with its probe result slimmed; other steps unchanged. */
export function slimStep(step: PathStep, level: number): PathStep {
  return step.kind === 'probe' ? { ...step, result: slimResult(step.result, level) } : step;
}
