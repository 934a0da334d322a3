import 'server-only';

/**
 * Who a probe is counted against and recorded as. The probe feature knows nothing of
 * sign-in: whoever wires it (lib/access) proves the caller and passes this in.
 */
export interface ProbeCaller {
  /** The bucket its rate limit and concurrency share count in: `user:<id>`, `service:probe-token`, … */
  key: string;
  /** The user it speaks for, recorded in the audit; null for the service token or the CLI. */
  userId: string | null;
  /** How it proved itself: `session`, `token` (personal), `service` (PROBE_TOKEN), `cli`. */
  via: string;
}

/** The caller behind a request, or the response to refuse it with (401, 403 or 503). */
export type ProbeCallerCheck = { ok: true; caller: ProbeCaller } | { ok: false; response: Response };

/** Decides who is calling; PROBE_TOKEN is checked by the handler before this runs. */
export type ProbeAuthorize = (request: Request) => Promise<ProbeCallerCheck>;
