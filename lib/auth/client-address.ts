import 'server-only';

/**
 * The client address a request came from, for audit rows and the sign-in rate limit: the
 * last X-Forwarded-For entry, which the nearest proxy added (Next.js sets it from the socket
 * when the header is absent), else X-Real-IP. Entries further left are client-supplied and
 * ignored. Deploy behind a proxy that appends to or overwrites X-Forwarded-For. The same rule
 * as the probe API's per-address limit.
 */
export function clientAddressOf(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last || request.headers.get('x-real-ip')?.trim() || 'unknown';
}
