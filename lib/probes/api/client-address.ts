import 'server-only';
/**
 * The client address a rate limit counts against: the last X-Forwarded-For
 * entry, which is the one added by the nearest proxy (Next.js itself sets it
 * from the socket when the header is absent), else X-Real-IP. Entries further
 * left are client-supplied and ignored. Deploy behind a proxy that appends to
 * or overwrites X-Forwarded-For.
 */
export function clientAddressOf(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last || request.headers.get('x-real-ip')?.trim() || 'unknown';
}
