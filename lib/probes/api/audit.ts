import 'server-only';
/** One audit line: who probed what, where it went, and what came of it. */
export interface AuditEntry {
  time: string;
  /** The user the probe ran for (null: the service token or the CLI). */
  user: string | null;
  /** How the caller proved itself: `session`, `token`, `service`, `cli`. */
  via: string;
  /** The case the probe was run for, when it was (POST /api/cases/:id/probes). */
  caseId?: string;
  /** Who the probe is counted against: the socket's peer, or the client behind trusted proxies (TRUST_PROXY). */
  client: string;
  /** The TCP peer as the server saw it. */
  socket: string;
  /** The X-Forwarded-For entries left of the socket's, as received: evidence, trusted or not. */
  forwarded: string[];
  type: string;
  target: string;
  /** The address connected to (or refused); null when the probe never resolved one. */
  resolvedIp: string | null;
  code: string;
  status: number;
  durationMs: number;
}

/** Where audit lines go; awaited, so a sink writing to the database has its row in before the answer. */
export type AuditSink = (entry: AuditEntry) => unknown;

/** Writes each entry as one JSON line on stdout (log collectors pick it up from there). */
export const stdoutAudit: AuditSink = (entry) => {
  process.stdout.write(`${JSON.stringify({ event: 'probe', ...entry })}\n`);
};
