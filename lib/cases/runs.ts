import 'server-only';
import { randomUUID } from 'node:crypto';
import { jsonResponse } from '@/lib/http/server';
import type { CasesApiDeps } from './api';
import { endRunSchema, runStepSchema, startRunSchema } from './contract';
import { bodyOf, fieldError, guardedWith, notFound } from './guard';
import { caseLang, findEvent, findRun, runEvents } from './runs-store';
import { appendEvent, userNames } from './store';

/**
 * Flow runs on a case (docs/cases.md): a run starts (`flow-run`), records each step the agent
 * completes (`flow-step`) and its ending (`flow-end`); its probes are stored by the case probe
 * handler with the run and state. Reading a run returns all of it, with the names of who did it,
 * so the runner can replay the path and show the stored evidence without probing again.
 */
export function createRunsApi(deps: Pick<CasesApiDeps, 'db' | 'authorize'>) {
  const guarded = guardedWith(deps);
  return {
    /** `POST /api/cases/:id/runs {flowId, lang?, from?}` → 201 `{runId, eventId, at}`; `from` names the run it was handed over from. */
    start: guarded<[string]>(async (request, caller, db, id) => {
      const body = await bodyOf(request, startRunSchema);
      if (!body.ok) return body.response;
      const lang = await caseLang(db, id);
      if (!lang) return notFound();
      const { flowId, from } = body.value;
      // A hand-over: the run continues one recorded on this same case.
      const previous = from ? await findRun(db, id, from) : null;
      if (from && !previous) return fieldError('from', 'is not a run of this case');
      const handedOver = previous ? { from: { runId: from, flowId: previous.payload.flowId } } : {};
      const runId = randomUUID();
      const event = await appendEvent(db, id, 'flow-run', { runId, flowId, lang: body.value.lang ?? lang, ...handedOver }, caller.user.id);
      if (!event) return notFound();
      return jsonResponse(201, { runId, eventId: event.id, at: event.at }, { location: `/api/cases/${id}/runs/${runId}` });
    }),
    /** `POST /api/cases/:id/runs/:runId/steps` → 201 with the `flow-step` event. */
    step: guarded<[string, string]>(async (request, caller, db, id, runId) => {
      const body = await bodyOf(request, runStepSchema);
      if (!body.ok) return body.response;
      const run = await findRun(db, id, runId);
      if (!run) return notFound(missing(await caseLang(db, id)));
      const { probeEventId } = body.value;
      if (probeEventId !== undefined) {
        // A step's evidence is a probe this server ran for this run, never a result a browser sends.
        const probe = await findEvent(db, id, probeEventId, 'probe');
        if (!probe || probe.payload.runId !== runId) return fieldError('probeEventId', 'is not a probe stored for this run');
      }
      const event = await appendEvent(db, id, 'flow-step', { runId, flowId: run.payload.flowId, ...body.value }, caller.user.id);
      return event ? jsonResponse(201, event) : notFound();
    }),
    /** `POST /api/cases/:id/runs/:runId/end {endingId, title}` → 201 with the `flow-end` event. */
    end: guarded<[string, string]>(async (request, caller, db, id, runId) => {
      const body = await bodyOf(request, endRunSchema);
      if (!body.ok) return body.response;
      const run = await findRun(db, id, runId);
      if (!run) return notFound(missing(await caseLang(db, id)));
      const event = await appendEvent(db, id, 'flow-end', { runId, flowId: run.payload.flowId, ...body.value }, caller.user.id);
      return event ? jsonResponse(201, event) : notFound();
    }),
    /** `GET /api/cases/:id/runs/:runId` → the run: its events oldest first, and who is who. */
    read: guarded<[string, string]>(async (_request, _caller, db, id, runId) => {
      const run = await findRun(db, id, runId);
      if (!run) return notFound(missing(await caseLang(db, id)));
      const events = await runEvents(db, id, runId);
      const names = await userNames(db, events.map((event) => event.actor));
      return jsonResponse(200, { runId, flowId: run.payload.flowId, lang: run.payload.lang, startedAt: run.at, startedBy: run.actor, events, names });
    }),
  };
}

/** Which thing a 404 is about: the case when it does not exist, else the run. */
function missing(caseLanguage: string | null): string {
  return caseLanguage ? 'run on this case' : 'case';
}
