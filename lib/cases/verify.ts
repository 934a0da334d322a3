import 'server-only';
import type { Caller } from '@/lib/auth';
import type { FixpathDb } from '@/lib/db/server';
import { parseProbeRequest, type ProbeRequest, type ProbeResult } from '@/lib/probes';
import { errorResponse, jsonResponse } from '@/lib/http/server';
import type { CasesApiDeps } from './api';
import { verifySchema, type TimelineEvent } from './contract';
import { bodyOf, guardedWith, notFound } from './guard';
import { probeEvents } from './runs-store';
import { appendEvent, caseExists, recordProbe } from './store';

/** One probe as stored: its event, what was asked and found, when and by whom. */
interface StoredProbe {
  eventId: number;
  request: ProbeRequest;
  result: ProbeResult;
  ranAt: string;
  ranBy: string;
}

/** What a re-run gave: the stored probe, or why it could not run (the guard's error: `TARGET_FORBIDDEN`, `RATE_LIMITED`…). */
type After = StoredProbe | { request: ProbeRequest; error: { code: string; message: string } };

/** A value as JSON with object keys sorted, so two equal requests give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function stored(event: TimelineEvent): StoredProbe {
  return { eventId: event.id, request: event.payload.request as ProbeRequest, result: event.payload.result as ProbeResult, ranAt: event.at, ranBy: event.actor };
}

/** The latest probe of each distinct request on the case whose result was not OK, oldest first. */
function failing(events: TimelineEvent[]): StoredProbe[] {
  const latest = new Map<string, TimelineEvent>();
  for (const event of events) {
    latest.delete(canonical(event.payload.request));
    latest.set(canonical(event.payload.request), event);
  }
  return [...latest.values()].map(stored).filter((probe) => probe.result?.ok === false);
}

/**
 * The probes a verification would re-run: the latest of each distinct request on the case whose
 * result was not OK; `nothing` (with the 409's message) when there is none, `not-found` when
 * there is no such case.
 */
export async function failingProbes(db: FixpathDb, id: string): Promise<{ ok: true; probes: StoredProbe[] } | { ok: false; reason: 'nothing'; message: string } | { ok: false; reason: 'not-found' }> {
  if (!(await caseExists(db, id))) return { ok: false, reason: 'not-found' };
  const probes = await probeEvents(db, id);
  const before = failing(probes);
  if (before.length > 0) return { ok: true, probes: before };
  const message = probes.length === 0 ? 'the case has no probe to verify; run a probe first' : 'the latest result of every probe on the case is OK; there is nothing to verify';
  return { ok: false, reason: 'nothing', message };
}

/** What a verification found: each re-run probe before and after, and the verdict. */
interface Verification {
  results: Array<{ before: StoredProbe; after: After }>;
  verified: boolean;
}

/** Why there was nothing to verify, in the words of the 409 `NOTHING_TO_VERIFY`. */
export type Rerun = ({ ok: true } & Verification) | { ok: false; reason: 'nothing'; message: string } | { ok: false; reason: 'not-found' };

/**
 * Re-runs from this server, through the one probe guard (`probe`: the caller's limit and share,
 * the target policy, the audit), the latest probe of each distinct request on the case whose
 * result was not OK, one at a time, and stores each re-run as a `probe` event (`verifies` names
 * the one it re-ran). The caller records the `verify` event: the API at once, a scheduled run
 * in the transaction that marks its job done (lib/cases/schedule-worker.ts).
 */
export async function rerunFailing(probe: CasesApiDeps['probe'], db: FixpathDb, id: string, caller: Caller, http: Request): Promise<Rerun> {
  const found = await failingProbes(db, id);
  if (!found.ok) return found;
  const before = found.probes;
  const results: Verification['results'] = [];
  // One at a time: verify counts against the caller's probe share like any other probe.
  for (const stale of before) {
    const parsed = parseProbeRequest(stale.request);
    if (!parsed.ok) {
      results.push({ before: stale, after: { request: stale.request, error: { code: 'INVALID_INPUT', message: parsed.error.message } } });
      continue;
    }
    // The case probe handler's own gate: the caller's limit and share, the target policy, the audit.
    const outcome = await probe({ request: parsed.request, caller, http, caseId: id });
    if (!outcome.ok) {
      const refused = (await outcome.response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      results.push({ before: stale, after: { request: parsed.request, error: { code: refused?.error?.code ?? `HTTP_${outcome.response.status}`, message: refused?.error?.message ?? 'the probe did not run' } } });
      continue;
    }
    const event = await recordProbe(db, id, { request: parsed.request, result: outcome.result, verifies: stale.eventId }, caller.user.id);
    if (!event) return { ok: false, reason: 'not-found' };
    results.push({ before: stale, after: stored(event) });
  }
  return { ok: true, results, verified: results.every(({ after }) => 'result' in after && after.result.ok) };
}

/**
 * `POST /api/cases/:id/verify` (no body, or `{}`): `rerunFailing` for the caller, then a
 * `verify` event with `{results: [{before, after}], verified}`, which is also the answer.
 * 409 `NOTHING_TO_VERIFY` when no probe needs it.
 */
export function createVerifyApi(deps: Pick<CasesApiDeps, 'db' | 'authorize' | 'probe'>) {
  const guarded = guardedWith(deps);
  return {
    verify: guarded<[string]>(async (request, caller, db, id) => {
      // No body at all is the usual call; a body, when sent, must be JSON `{}`.
      if (request.body !== null && request.headers.get('content-length') !== '0') {
        const body = await bodyOf(request, verifySchema);
        if (!body.ok) return body.response;
      }
      const rerun = await rerunFailing(deps.probe, db, id, caller, request);
      if (!rerun.ok) return rerun.reason === 'nothing' ? errorResponse(409, 'NOTHING_TO_VERIFY', rerun.message) : notFound();
      const { results, verified } = rerun;
      const event = await appendEvent(db, id, 'verify', { results, verified }, caller.user.id);
      if (!event) return notFound();
      return jsonResponse(200, { results, verified, eventId: event.id });
    }),
  };
}
