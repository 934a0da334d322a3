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

/**
 * Reads a request body as text, refusing it as soon as it passes `maxBytes`
 * (by Content-Length up front, or while streaming when there is none).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
