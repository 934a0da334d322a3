import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, startPolling, type FixpathDb, type Poller } from '@/lib/db/server';
import type { WebhookConfig } from './config';
import { signatureOf } from './sign';

/** How a worker delivers; every field but `db`, `url` and `secret` has a production default. */
export interface WorkerOptions extends WebhookConfig {
  /** The database, asked for on every pass (a server that was down answers once it is back). */
  db: () => Promise<FixpathDb>;
  /** Longest a receiver may take to answer one delivery. */
  timeoutMs?: number;
  /** Attempts before a delivery is marked `failed`. */
  maxAttempts?: number;
  /** The wait before the second attempt; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Pause between passes when nothing was due. */
  pollMs?: number;
  /** Rows one pass claims at most. */
  batch?: number;
  /** A value in [0, 1): the jitter source (tests pin it). */
  random?: () => number;
  log?: (line: string) => void;
}

const DEFAULTS = { timeoutMs: 10_000, maxAttempts: 8, baseDelayMs: 10_000, maxDelayMs: 3_600_000, pollMs: 1_000, batch: 10 };

interface Claimed {
  id: string;
  seq: number | string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * The wait before attempt `attempts + 1`: exponential (base, 2×base, 4×base … up to the cap)
 * with "equal jitter", half fixed and half random, so the workers of several instances that
 * failed together do not all retry in the same instant.
 */
function retryDelayMs(attempts: number, options: { baseDelayMs: number; maxDelayMs: number }, random: () => number): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * Claims up to `batch` due deliveries for this worker. `for update skip locked` lets workers
 * of several instances claim at once without waiting on or taking each other's rows; the
 * lease (`locked_until`, longer than a send can take) then keeps the row this worker's while
 * it sends outside any transaction, and hands it to another worker if this one dies.
 */
async function claimDue(db: FixpathDb, batch: number, leaseMs: number): Promise<Claimed[]> {
  return queryRows<Claimed>(
    db,
    sql`update webhook_deliveries d
        set locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = d.attempts + 1
        where d.id in (
          select id from webhook_deliveries
          where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until <= now())
          order by next_attempt_at, seq
          limit ${batch}
          for update skip locked)
        returning d.id, d.seq, d.kind, d.payload, d.attempts`,
  );
}

/** Sends one delivery; the outcome is its HTTP status, or the error that stopped it. */
async function send(row: Claimed, options: WebhookConfig & { timeoutMs: number }): Promise<{ status: number | null; error: string | null }> {
  // The send time is inside the signed body, so a receiver can refuse a replayed old delivery.
  const body = JSON.stringify({ delivery: row.id, event: row.kind, sentAt: new Date().toISOString(), attempt: row.attempts, ...row.payload });
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Fixpath-Webhook/1',
        'x-fixpath-delivery': row.id,
        'x-fixpath-event': row.kind,
        'x-fixpath-signature': signatureOf(options.secret, body),
      },
      body,
      // A redirect is not a delivery: the receiver must answer 2xx itself.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return { status: response.status, error: response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}` };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { status: null, error: `no answer within ${options.timeoutMs} ms` };
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a TLS error…).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: null, error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** Records what became of one attempt: delivered, due again after a backoff, or failed for good. */
async function record(db: FixpathDb, row: Claimed, outcome: { status: number | null; error: string | null }, settings: typeof DEFAULTS & WorkerOptions): Promise<void> {
  if (outcome.error === null) {
    await db.execute(sql`update webhook_deliveries set status = 'delivered', delivered_at = now(), locked_until = null, last_status = ${outcome.status}, last_error = null where id = ${row.id}`);
  } else if (row.attempts >= settings.maxAttempts) {
    await db.execute(sql`update webhook_deliveries set status = 'failed', locked_until = null, last_status = ${outcome.status}, last_error = ${outcome.error} where id = ${row.id}`);
    settings.log?.(`Fixpath webhook: delivery ${row.id} (${row.kind}) failed after ${row.attempts} attempts: ${outcome.error}`);
  } else {
    const delay = retryDelayMs(row.attempts, settings, settings.random ?? Math.random);
    await db.execute(
      sql`update webhook_deliveries set next_attempt_at = now() + make_interval(secs => ${delay / 1000}), locked_until = null, last_status = ${outcome.status}, last_error = ${outcome.error} where id = ${row.id}`,
    );
  }
}

/**
 * One pass: claims the deliveries that are due, sends them one at a time in queue order (so a
 * receiver mostly sees a case's events in order), and records each outcome: 2xx is
 * `delivered`; anything else waits `retryDelayMs` and is tried again, until `maxAttempts`,
 * then it is `failed`. Returns how many deliveries were attempted.
 */
export async function deliverDue(options: WorkerOptions): Promise<number> {
  const settings = { ...DEFAULTS, ...options };
  const db = await options.db();
  // The lease covers sending the whole batch, one timeout each, with room to record outcomes.
  const claimed = await claimDue(db, settings.batch, settings.batch * settings.timeoutMs + 30_000);
  claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
  for (const row of claimed) await record(db, row, await send(row, settings), settings);
  return claimed.length;
}

/** How long delivered and failed rows are kept (for a look at what was sent) before a worker deletes them. */
const KEEP_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

/** Deletes finished deliveries older than KEEP_DAYS, so the queue table does not grow forever. */
async function pruneFinished(db: FixpathDb): Promise<void> {
  await db.execute(sql`delete from webhook_deliveries where status <> 'pending' and created_at < now() - make_interval(days => ${KEEP_DAYS})`);
}

/**
 * Delivers in a loop until stopped (`startPolling`): a full batch goes straight on to the next
 * pass, otherwise it waits `pollMs`. A database that is down or a pass that throws is logged
 * (once per distinct message) and retried; it never ends the loop or the process.
 */
export function startWorker(options: WorkerOptions): Poller {
  const batch = options.batch ?? DEFAULTS.batch;
  let prunedAt = 0;
  return startPolling({
    pollMs: options.pollMs ?? DEFAULTS.pollMs,
    pass: async () => {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        await pruneFinished(await options.db());
        prunedAt = Date.now();
      }
      return (await deliverDue(options)) >= batch;
    },
    failed: (message) => options.log?.(`Fixpath webhook: the worker could not run (${message}); it keeps trying.`),
  });
}
