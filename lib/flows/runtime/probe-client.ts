import type { ProbeFailure, ProbeRequest } from '@/machines';
import { probeResultSchema, type ProbeResult } from '@/lib/probes';

/** How long the runner waits for `/api/probe` before giving up, by default. */
const DEFAULT_CLIENT_TIMEOUT_MS = 30_000;

/** A probe that produced no result; carries the fields of a `ProbeFailure`. */
export class ProbeFailureError extends Error implements ProbeFailure {
  readonly kind: ProbeFailure['kind'];
  readonly status?: number;
  readonly code?: string;

  constructor(failure: ProbeFailure) {
    super(failure.message);
    this.name = 'ProbeFailureError';
    this.kind = failure.kind;
    if (failure.status !== undefined) this.status = failure.status;
    if (failure.code !== undefined) this.code = failure.code;
  }
}

/** A wait before asking a busy probe API again: when the next try goes out, and which try it is. */
export interface BusyWait {
  /** When the next try goes out (ms since epoch). */
  retryAt: number;
  /** The try about to be made: 2 for the first retry. */
  attempt: number;
  /** Tries in all, the first included. */
  attempts: number;
}

/** Tries for a probe the API turned away as busy (503 BUSY), the first included. */
const BUSY_ATTEMPTS = 4;
/** The longest Retry-After worth waiting for in front of staff; longer ones fail at once. */
const BUSY_MAX_WAIT_S = 10;

/** How to reach the probe API. */
export interface ProbeClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  /** Aborts the request when staff cancel or leave the step. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Told before each wait on a busy API, so the step can count down. */
  onBusy?: (wait: BusyWait) => void;
  /** Waits `ms` unless `signal` aborts first (tests pass an instant one). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** setTimeout as a promise that an abort cuts short. */
function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Seconds a busy answer asks us to wait, when it is one worth waiting for; null otherwise. */
function busyWaitSeconds(response: Response): number | null {
  if (response.status !== 503) return null;
  const seconds = Number(response.headers.get('retry-after') ?? '');
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= BUSY_MAX_WAIT_S ? Math.max(1, seconds) : null;
}

async function errorOf(response: Response): Promise<ProbeFailure> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const retry = response.headers.get('retry-after');
  const message = body?.error?.message ?? response.statusText ?? 'request failed';
  return {
    kind: 'http',
    status: response.status,
    ...(body?.error?.code ? { code: body.error.code } : {}),
    message: retry ? `${message} (Retry-After: ${retry} s)` : message,
  };
}

/** Calls a probe endpoint; the parsed result and the whole answer (a case probe adds where it is stored). */
async function callProbe(request: ProbeRequest, options: ProbeClientOptions): Promise<{ result: ProbeResult; body: Record<string, unknown> }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLIENT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  const sleep = options.sleep ?? sleepUnlessAborted;
  const send = () =>
    (options.fetch ?? fetch)(options.endpoint ?? '/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
  try {
    let response = await send();
    // A busy server (every probe slot taken, or this caller's share) says when to come back:
    // wait that long a few times, visibly, before the flow falls back to checking by hand.
    for (let attempt = 2; attempt <= BUSY_ATTEMPTS; attempt += 1) {
      const seconds = busyWaitSeconds(response);
      if (seconds === null) break;
      await response.body?.cancel();
      options.onBusy?.({ retryAt: Date.now() + seconds * 1000, attempt, attempts: BUSY_ATTEMPTS });
      await sleep(seconds * 1000, controller.signal);
      if (controller.signal.aborted) throw new DOMException('aborted', 'AbortError');
      response = await send();
    }
    if (!response.ok) throw new ProbeFailureError(await errorOf(response));
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    const parsed = probeResultSchema.safeParse(body);
    if (!parsed.success || !body) throw new ProbeFailureError({ kind: 'invalid-response', message: 'the probe API answered with an unexpected body' });
    return { result: parsed.data, body };
  } catch (error) {
    if (error instanceof ProbeFailureError) throw error;
    if (timedOut) throw new ProbeFailureError({ kind: 'timeout', message: `no answer from the probe API within ${timeoutMs / 1000} s` });
    if (options.signal?.aborted) throw new ProbeFailureError({ kind: 'cancelled', message: 'cancelled' });
    throw new ProbeFailureError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
}

/**
 * Runs one probe through `POST /api/probe`. Resolves with the result whatever the probe
 * found; rejects with a `ProbeFailureError` when the API refuses (4xx/5xx), the network
 * fails, the answer is unreadable or the client-side timeout fires.
 */
export async function requestProbe(request: ProbeRequest, options: ProbeClientOptions = {}): Promise<ProbeResult> {
  return (await callProbe(request, options)).result;
}

/** Where the server stored a probe it ran for a case: the timeline event, when, and who ran it. */
export interface StoredEvidence {
  eventId: number;
  ranAt: string;
  ranBy: string;
}

/**
 * Runs one probe through a case (`options.endpoint` is `/api/cases/:id/probes?run=&state=`): the
 * server runs it and stores request and result on the case. Fails as `requestProbe` does.
 */
export async function requestStoredProbe(request: ProbeRequest, options: ProbeClientOptions & { endpoint: string }): Promise<{ result: ProbeResult; evidence: StoredEvidence }> {
  const { result, body } = await callProbe(request, options);
  const { eventId, ranAt, ranBy } = body;
  if (typeof eventId !== 'number' || typeof ranAt !== 'string' || typeof ranBy !== 'string') {
    throw new ProbeFailureError({ kind: 'invalid-response', message: 'the case probe API did not say where it stored the result' });
  }
  return { result, evidence: { eventId, ranAt, ranBy } };
}

/** Turns whatever a probe call threw into a failure the evidence and the link can carry. */
export function toProbeFailure(error: unknown): ProbeFailure {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const { kind, status, code, message } = error as ProbeFailure;
    return { kind, message: String(message), ...(status ? { status } : {}), ...(code ? { code } : {}) };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
