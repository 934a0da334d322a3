import 'server-only';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin the browser used to reach us: the request's scheme and its Host header. Next
 * builds `request.url` from the address it listens on, not from the Host the browser used.
 */
export function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('host');
  return host ? `${url.protocol}//${host}` : url.origin;
}

/** The origin a browser sent: Origin, else the Referer's origin. */
function senderOrigin(request: Request): string | null {
  const origin = request.headers.get('origin');
  if (origin) return origin;
  const referer = request.headers.get('referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** Origins trusted besides the request's own: BETTER_AUTH_URL's and BETTER_AUTH_TRUSTED_ORIGINS (comma-separated), as better-auth reads them. */
export function extraTrustedOrigins(env: Record<string, string | undefined>): string[] {
  const origins: string[] = [];
  for (const value of [env.BETTER_AUTH_URL, ...(env.BETTER_AUTH_TRUSTED_ORIGINS?.split(',') ?? [])]) {
    try {
      if (value?.trim()) origins.push(new URL(value.trim()).origin);
    } catch {
      // A malformed entry trusts nothing.
    }
  }
  return origins;
}

/**
 * CSRF protection for a request that rides on a session cookie: a state-changing method must
 * come with an Origin (or Referer) that is this site's own or a trusted one. Reads (GET, HEAD,
 * OPTIONS) pass. The same rule better-auth applies to its own endpoints.
 */
export function isSameOrigin(request: Request, trusted: readonly string[] = []): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const sender = senderOrigin(request);
  if (!sender || sender === 'null') return false;
  return sender === ownOrigin(request) || trusted.includes(sender);
}
