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

/** How to reach the probe API. */
export interface ProbeClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  /** Aborts the request when staff cancel or leave the step. */
  signal?: AbortSignal;
  timeoutMs?: number;
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
  try {
    const response = await (options.fetch ?? fetch)(options.endpoint ?? '/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
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
