import 'server-only';
import type { Authorize, Caller } from '@/lib/auth';
import { recordAudit } from '@/lib/auth/server';
import type { FixpathDb } from '@/lib/db/server';
import { requestAddresses, trustProxyFromEnv, type RequestAddresses } from '@/lib/net';
import type { ProbeRequest } from '@/lib/probes';
import { createProbeService, stdoutAudit, type AuditSink, type GuardedOutcome, type ProbeCaller, type ProbeHandler, type ProbeHandlerOptions } from '@/lib/probes/server';
import { createPgRateLimitStore } from './rate-store';
import { createPgShareStore } from './share-store';

/** What the probe access is built over. */
export interface AccessDeps {
  db: () => Promise<FixpathDb>;
  authorize: Authorize;
  /** Probe settings; anything not given comes from the environment (tests pass a context, limits, a quiet audit line). */
  probeOptions?: ProbeHandlerOptions;
  env?: Record<string, string | undefined>;
}

/** A probe asked for on a case (POST /api/cases/:id/probes), by a caller the case API already proved. */
export interface CaseProbe {
  request: ProbeRequest;
  caller: Caller;
  /** The HTTP request it came in, for the client address. */
  http: Request;
  caseId: string;
}

/** A change to a case, for the audit: what (`case-created`, `case-updated`, `case-note`), by whom, from which request. */
export interface CaseChange {
  kind: 'case-created' | 'case-updated' | 'case-note';
  caller: Caller;
  http: Request;
  caseId: string;
  detail?: Record<string, unknown>;
}

/** Probes behind sign-in: the `/api/probe` handler, the same guard for a case's probes, and case audit rows. */
export interface Access {
  handle: ProbeHandler;
  runForCase(probe: CaseProbe): Promise<GuardedOutcome>;
  recordCaseChange(change: CaseChange): Promise<void>;
}

/** The bucket a signed-in person counts in, whichever way they proved it (session or personal token). */
const probeCaller = (caller: Caller): ProbeCaller => ({ key: `user:${caller.user.id}`, userId: caller.user.id, via: caller.via });

/**
 * Probes wired to people: a session or personal token with the agent role (or PROBE_TOKEN)
 * may probe; limits count per user in PostgreSQL and per address only for calls without a
 * valid credential; each caller's concurrency share is held in PostgreSQL; every probe is an
 * audit row (`probe`) and a stdout line; so is every case change.
 */
export function createAccess(deps: AccessDeps): Access {
  const env = deps.env ?? process.env;
  const options = deps.probeOptions ?? {};
  const trust = trustProxyFromEnv(env);
  const addresses = options.addresses ?? ((request: Request): RequestAddresses => requestAddresses(request, trust));
  const line = options.audit ?? stdoutAudit;
  const audit: AuditSink = async (entry) => {
    await line(entry);
    // The row's own `at` is the database's clock, so the line's `time` is left out.
    const { user, client, time: _time, ...detail } = entry;
    let db: FixpathDb;
    try {
      db = await deps.db();
    } catch (error) {
      // The stdout line has it; a lost row must not turn a probe that ran into an error.
      console.error(`audit: could not record a probe: ${(error as Error).message}`);
      return;
    }
    await recordAudit(db, { kind: 'probe', userId: user, address: client, detail });
  };
  const { handle, guard } = createProbeService(
    {
      rateLimitStore: createPgRateLimitStore(deps.db),
      shareStore: createPgShareStore(deps.db),
      ...options,
      addresses,
      audit,
      authorize: async (request) => {
        const check = await deps.authorize(request, 'agent');
        return check.ok ? { ok: true, caller: probeCaller(check.caller) } : check;
      },
    },
    env,
  );
  return {
    handle,
    runForCase: ({ request, caller, http, caseId }) =>
      guard.run({ request, caller: probeCaller(caller), from: addresses(http), targetField: 'url' in request && request.url ? 'url' : 'host', caseId }),
    recordCaseChange: async ({ kind, caller, http, caseId, detail }) =>
      recordAudit(await deps.db(), { kind, userId: caller.user.id, address: addresses(http).client, detail: { caseId, via: caller.via, ...detail } }),
  };
}
