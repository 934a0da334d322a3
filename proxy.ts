import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { customerLinkStatus, customerStatusPage } from '@/lib/cases/server';
import { contentSecurityPolicy, newNonce, usesNonce } from '@/lib/http';

/** Set by this proxy only (a client's own copies are dropped): the page's language, and whether to record the link's first opening. */
const LANG_HEADER = 'x-fixpath-lang';
const RECORD_HEADER = 'x-fixpath-record-open';
/** Where a server component reads the page's nonce, as Next's CSP guide names it; this proxy always sets it. */
const NONCE_HEADER = 'x-nonce';

/** A prefetch or preview asks for the page without anyone reading it: it must not count as the customer opening the link. */
function isRealVisit(request: NextRequest): boolean {
  if (request.method !== 'GET') return false;
  const purpose = `${request.headers.get('sec-purpose') ?? ''} ${request.headers.get('purpose') ?? ''}`;
  return !/prefetch|prerender/i.test(purpose) && !request.headers.has('next-router-prefetch');
}

/**
 * `/c/<token>`, before the page renders: an unknown token answers a real 404, a revoked or
 * expired link a real 410 in its own language (a page alone can only say 200 or 404), from a
 * small page written here. An open link goes on to the page with its language (`?lang=`, else
 * the link's) and, for a real visit, the word to record the first opening.
 */
async function customerPage(request: NextRequest): Promise<NextResponse> {
  const token = request.nextUrl.pathname.split('/')[2] ?? '';
  const { status, lang } = await customerLinkStatus(token, request.nextUrl.searchParams.get('lang'));
  if (status !== 200) {
    // The page carries no script; a nonce no script has keeps every inline script from running.
    const policy = contentSecurityPolicy('customer', newNonce());
    return new NextResponse(customerStatusPage(status, lang), { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': policy } });
  }
  const headers = new Headers(request.headers);
  headers.set(LANG_HEADER, lang);
  headers.delete(RECORD_HEADER);
  if (isRealVisit(request)) headers.set(RECORD_HEADER, '1');
  return withNonce(headers, 'customer');
}

/**
 * Renders the page with a fresh nonce (Next's CSP guide): the policy goes on the request, where
 * Next finds the nonce and stamps it on its own scripts, and on the response, where the browser
 * enforces it. Only these pages render per request; prerendered ones keep next.config's policy.
 */
function withNonce(headers: Headers, audience: 'staff' | 'customer'): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(audience, nonce);
  headers.set(NONCE_HEADER, nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/** Pages behind sign-in: flows (prerendered), cases, admin, insights. */
const SIGNED_IN_ONLY = /^\/(?:zh|en)\/(?:flows|cases|admin|insights)(?:\/|$)/;

/**
 * Pages behind sign-in (flows, cases, admin, insights): without a session cookie, go to the sign-in
 * page of the same language, which brings the visitor back here (`?next=`). This only looks
 * for the cookie (an optimistic check, no database); the APIs and dynamic pages check the
 * session for real, so a stale or forged cookie reaches a page that still reveals nothing.
 * Articles, home and search are not matched: public. Fix pages, sign-in and setup are public
 * too, but render per request: like cases, admin and insights, they get their CSP with a nonce
 * here (`usesNonce`). `/c/**` is the customer's page (above).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (/^\/c\/[^/]+$/.test(pathname)) return customerPage(request);
  if (SIGNED_IN_ONLY.test(pathname) && !getSessionCookie(request)) {
    const lang = pathname.split('/')[1];
    const url = request.nextUrl.clone();
    url.pathname = `/${lang}/sign-in`;
    url.search = '';
    url.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return usesNonce(pathname) ? withNonce(new Headers(request.headers), 'staff') : NextResponse.next();
}

export const config = {
  matcher: [
    '/:lang(zh|en)/flows/:path*',
    '/:lang(zh|en)/cases/:path*',
    '/:lang(zh|en)/admin/:path*',
    '/:lang(zh|en)/insights/:path*',
    '/:lang(zh|en)/fix/:slug',
    '/:lang(zh|en)/setup',
    '/:lang(zh|en)/sign-in',
    '/c/:token',
  ],
};
