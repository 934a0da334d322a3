import 'server-only';
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
 * `POST /api/cases/:id/verify` (no body, or `{}`): re-runs from this server, through the same
 * probe guard as the case probe handler (`deps.probe`: limits, shares, policy, audit), the latest probe of each distinct request whose
 * result was not OK; stores each re-run on the timeline and a `verify` event with
 * `{results: [{before, after}], verified}`. 409 `NOTHING_TO_VERIFY` when no probe needs it.
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
      if (!(await caseExists(db, id))) return notFound();
      const probes = await probeEvents(db, id);
      const before = failing(probes);
      if (before.length === 0) {
        const message = probes.length === 0 ? 'the case has no probe to verify; run a probe first' : 'the latest result of every probe on the case is OK; there is nothing to verify';
        return errorResponse(409, 'NOTHING_TO_VERIFY', message);
      }
      const results: Array<{ before: StoredProbe; after: After }> = [];
      // One at a time: verify counts against the caller's probe share like any other probe.
      for (const probe of before) {
        const parsed = parseProbeRequest(probe.request);
        if (!parsed.ok) {
          results.push({ before: probe, after: { request: probe.request, error: { code: 'INVALID_INPUT', message: parsed.error.message } } });
          continue;
        }
        // The case probe handler's own gate: the caller's limit and share, the target policy, the audit.
        const outcome = await deps.probe({ request: parsed.request, caller, http: request, caseId: id });
        if (!outcome.ok) {
          const refused = (await outcome.response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
          results.push({ before: probe, after: { request: parsed.request, error: { code: refused?.error?.code ?? `HTTP_${outcome.response.status}`, message: refused?.error?.message ?? 'the probe did not run' } } });
          continue;
        }
        const { result } = outcome;
        const event = await recordProbe(db, id, { request: parsed.request, result, verifies: probe.eventId }, caller.user.id);
        if (!event) return notFound();
        results.push({ before: probe, after: stored(event) });
      }
      const verified = results.every(({ after }) => 'result' in after && after.result.ok);
      const event = await appendEvent(db, id, 'verify', { results, verified }, caller.user.id);
      if (!event) return notFound();
      return jsonResponse(200, { results, verified, eventId: event.id });
    }),
  };
}
