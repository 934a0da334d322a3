import 'server-only';

/**
 * Whether a browser sent this request from another site while it carries cookies: then a
 * page elsewhere is spending the visitor's session (CSRF), and the API refuses it. Calls
 * without cookies (the CLI, scripts with a bearer token) carry no ambient authority and pass.
 * Cross-site means `Sec-Fetch-Site: cross-site`, or an Origin that is not this server's own
 * (scheme and Host header; Next builds `request.url` from its listening address, not the Host).
 */
export function isCrossSiteWithCookies(request: Request): boolean {
  if (!request.headers.get('cookie')) return false;
  if (request.headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('host');
  const own = host ? `${new URL(request.url).protocol}//${host}` : new URL(request.url).origin;
  return origin.toLowerCase() !== own.toLowerCase();
}

/** Whether the body is declared as JSON: `application/json`, parameters (charset) allowed. */
export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}
