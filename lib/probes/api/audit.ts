import 'server-only';
/** One audit line: who probed what, where it went, and what came of it. */
export interface AuditEntry {
  time: string;
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

/** Where audit lines go. */
export type AuditSink = (entry: AuditEntry) => void;

/** Writes each entry as one JSON line on stdout (log collectors pick it up from there). */
export const stdoutAudit: AuditSink = (entry) => {
  process.stdout.write(`${JSON.stringify({ event: 'probe', ...entry })}\n`);
};
