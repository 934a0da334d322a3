import 'server-only';
import type { ProbeError, ProbeErrorCode } from '../contract/errors';

/** Headers on every probe API response: JSON, never cached. */
const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** An error response in the API's shape: `{ error: { code, message, field? } }`. */
export function errorResponse(status: number, code: ProbeErrorCode, message: string, field?: string, headers: Record<string, string> = {}): Response {
  const error: ProbeError = { code, message, ...(field && { field }) };
  return jsonResponse(status, { error }, headers);
}

/** Why a body was not read: too large, or too slow to arrive. */
type BodyRefusal = { ok: false; reason: 'too-large' | 'too-slow' };

/**
 * Reads a request body as text, refusing it as soon as it passes `maxBytes` (by
 * Content-Length up front, or while streaming when there is none), or when it has not
 * arrived in full within `timeoutMs`: a client trickling bytes would otherwise hold the
 * request open until Node's own 300 s limit.
 */
export async function readBodyCapped(request: Request, maxBytes: number, timeoutMs: number): Promise<{ ok: true; text: string } | BodyRefusal> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<'too-slow'>((resolve) => {
    timer = setTimeout(() => resolve('too-slow'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), tooSlow]);
      if (next === 'too-slow') {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-slow' };
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
