import 'server-only';
import type { Authorize } from '@/lib/auth';
import type { FixpathDb } from '@/lib/db/server';
import type { CaseChange, CaseProbe } from '@/lib/access/server';
import { parseProbeRequest } from '@/lib/probes';
import type { GuardedOutcome } from '@/lib/probes/server';
import { errorResponse, invalidInput, jsonResponse, readJsonBody } from '@/lib/http/server';
import { createCaseSchema, listQuerySchema, noteSchema, patchCaseSchema } from './contract';
import { caseToMarkdown } from './export';
import { bodyOf, guardedWith, MAX_BODY_BYTES, notFound } from './guard';
import { probeRunOf } from './runs-store';
import { addNote, caseExists, createCase, getCase, listCases, recordProbe, updateCase, userNames } from './store';

/** What the case API needs: the database and the auth check. */
export interface CasesApiDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
  /**
   * Runs one probe for the caller through the one probe guard (`@/lib/access/server`): the
   * caller's rate limit and concurrency share, the target policy and the audit, as for
   * `/api/probe`. The result, or the 429/503/403/400 response to send.
   */
  probe: (probe: CaseProbe) => Promise<GuardedOutcome>;
  /** Records a change to a case in the audit (never throws). */
  audit?: (change: CaseChange) => Promise<void>;
}

/**
 * The case API (docs/cases.md) over its dependencies, so tests run it against any database and
 * any auth service. Every call needs the agent role; reads and writes are recorded as the caller.
 */
export function createCasesApi(deps: CasesApiDeps) {
  const guarded = guardedWith(deps);

  return {
    list: guarded(async (request, caller, db) => {
      const parsed = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return invalidInput(parsed.error);
      const page = await listCases(db, parsed.data, caller.user.id);
      return page ? jsonResponse(200, page) : errorResponse(400, 'INVALID_INPUT', 'cursor is not one this API gave out', { field: 'cursor' });
    }),
    create: guarded(async (request, caller, db) => {
      const body = await bodyOf(request, createCaseSchema);
      if (!body.ok) return body.response;
      const record = await createCase(db, body.value, caller.user.id);
      await deps.audit?.({ kind: 'case-created', caller, http: request, caseId: record.id });
      return jsonResponse(201, record, { location: `/api/cases/${record.id}` });
    }),
    read: guarded(async (_request, _caller, db, id: string) => {
      const record = await getCase(db, id);
      return record ? jsonResponse(200, record) : notFound();
    }),
    patch: guarded(async (request, caller, db, id: string) => {
      const body = await bodyOf(request, patchCaseSchema);
      if (!body.ok) return body.response;
      const outcome = await updateCase(db, id, body.value, caller.user.id);
      if (outcome.ok) {
        await deps.audit?.({ kind: 'case-updated', caller, http: request, caseId: outcome.case.id, detail: { fields: Object.keys(body.value).filter((key) => key !== 'version'), version: outcome.case.version } });
        return jsonResponse(200, outcome.case);
      }
      if (outcome.reason === 'not-found') return notFound();
      return errorResponse(409, 'CONFLICT', `the case changed since version ${body.value.version}; reload it and apply your change to version ${outcome.currentVersion}`, { currentVersion: outcome.currentVersion });
    }),
    addNote: guarded(async (request, caller, db, id: string) => {
      const body = await bodyOf(request, noteSchema);
      if (!body.ok) return body.response;
      const event = await addNote(db, id, body.value.text, caller.user.id);
      if (!event) return notFound();
      await deps.audit?.({ kind: 'case-note', caller, http: request, caseId: id, detail: { eventId: event.id } });
      return jsonResponse(201, event);
    }),
    probe: guarded(async (request, caller, db, id: string) => {
      const body = await readJsonBody(request, MAX_BODY_BYTES);
      if (!body.ok) return body.response;
      const parsed = parseProbeRequest(body.value);
      if (!parsed.ok) return errorResponse(400, 'INVALID_INPUT', parsed.error.message, { field: parsed.error.field });
      if (!(await caseExists(db, id))) return notFound();
      const run = await probeRunOf(db, id, request.url);
      if (!run.ok) return run.response;
      // Same gate as /api/probe: the caller's limit and share, the target policy, the audit row (with the case id).
      const outcome = await deps.probe({ request: parsed.request, caller, http: request, caseId: id });
      if (!outcome.ok) return outcome.response;
      const { result } = outcome;
      // The evidence is what this server saw when it ran the probe, never what a browser or link says.
      const event = await recordProbe(db, id, { request: parsed.request, result, ...run.value }, caller.user.id);
      if (!event) return notFound();
      return jsonResponse(201, { ...result, eventId: event.id, ranAt: event.at, ranBy: caller.user.id });
    }),
    export: guarded(async (request, _caller, db, id: string) => {
      const formatName = new URL(request.url).searchParams.get('format') ?? 'md';
      if (formatName !== 'md' && formatName !== 'json') return errorResponse(400, 'INVALID_INPUT', 'format must be md or json', { field: 'format' });
      const record = await getCase(db, id);
      if (!record) return notFound();
      const file = `case-${(record.ticketRef ?? record.id).replace(/[^\w.-]+/g, '_')}`;
      if (formatName === 'json') return jsonResponse(200, record, { 'content-disposition': `attachment; filename="${file}.json"` });
      const names = await userNames(db, [record.assignee, ...record.timeline.flatMap((event) => [event.actor, event.payload.to])].filter((value): value is string => typeof value === 'string'));
      return new Response(caseToMarkdown(record, names), {
        headers: { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file}.md"` },
      });
    }),
  };
}
