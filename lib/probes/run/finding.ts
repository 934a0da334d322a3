import 'server-only';
import type { ProbeCode, ProbeType } from '../contract/codes';
import type { ProbeResult, Severity } from '../contract/result';

const OK_CODES = new Set<ProbeCode>(['DNS_OK', 'TCP_OPEN', 'TLS_OK', 'HTTP_OK', 'PING_OK', 'TRACE_OK', 'MTU_OK']);

/** What a probe found, before the common fields are added. */
export interface Finding {
  code: ProbeCode;
  summary: string;
  /** Defaults to `ok` for the *_OK/TCP_OPEN codes, `fail` otherwise. */
  severity?: Severity;
  details: Record<string, unknown>;
}

/** Builds the contract's result object from a finding. */
export function buildResult(type: ProbeType, target: string, durationMs: number, finding: Finding): ProbeResult {
  const ok = OK_CODES.has(finding.code);
  return {
    type,
    target,
    ok,
    code: finding.code,
    severity: finding.severity ?? (ok ? 'ok' : 'fail'),
    summary: finding.summary,
    durationMs: Math.round(durationMs * 10) / 10,
    details: finding.details,
  };
}
