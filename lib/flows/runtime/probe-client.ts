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

/**
 * Runs one probe through `POST /api/probe`. Resolves with the result whatever the probe
 * found; rejects with a `ProbeFailureError` when the API refuses (4xx/5xx), the network
 * fails, the answer is unreadable or the client-side timeout fires.
 */
export async function requestProbe(request: ProbeRequest, options: ProbeClientOptions = {}): Promise<ProbeResult> {
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
    const parsed = probeResultSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ProbeFailureError({ kind: 'invalid-response', message: 'the probe API answered with an unexpected body' });
    return parsed.data;
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

/** Turns whatever a probe call threw into a failure the evidence and the link can carry. */
export function toProbeFailure(error: unknown): ProbeFailure {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const { kind, status, code, message } = error as ProbeFailure;
    return { kind, message: String(message), ...(status ? { status } : {}), ...(code ? { code } : {}) };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
