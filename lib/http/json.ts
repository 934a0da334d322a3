import 'server-only';

/** Headers on every JSON API response: JSON, never cached. */
const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** A JSON response that no cache keeps. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** An error in the API's one shape: `{ error: { code, message, field?, ...extra } }`. */
export function errorResponse(status: number, code: string, message: string, extra: { field?: string; [key: string]: unknown } = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { error: { code, message, ...extra } }, headers);
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

/** How long a client may take to send its whole body. */
const BODY_TIMEOUT_MS = 10_000;

/**
 * The JSON body of a request that changes state: 415 unless it says `application/json`,
 * 413 past `maxBytes`, 408 when it does not arrive within 10 s, 400 when it does not parse.
 * Each error names the field `body`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: errorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json', { field: 'body' }) };
  }
  const body = await readBodyCapped(request, maxBytes, BODY_TIMEOUT_MS);
  if (!body.ok && body.reason === 'too-slow') {
    return { ok: false, response: errorResponse(408, 'REQUEST_TIMEOUT', `body did not arrive within ${BODY_TIMEOUT_MS} ms`, { field: 'body' }, { connection: 'close' }) };
  }
  if (!body.ok) return { ok: false, response: errorResponse(413, 'INVALID_INPUT', `body is larger than ${maxBytes} bytes`, { field: 'body' }) };
  try {
    return { ok: true, value: JSON.parse(body.text) };
  } catch (error) {
    return { ok: false, response: errorResponse(400, 'INVALID_INPUT', `body is not valid JSON (${(error as Error).message})`, { field: 'body' }) };
  }
}
