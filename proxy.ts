import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { customerLinkStatus, customerStatusPage } from '@/lib/cases/server';

/** Set by this proxy only (a client's own copies are dropped): the page's language, and whether to record the link's first opening. */
const LANG_HEADER = 'x-fixpath-lang';
const RECORD_HEADER = 'x-fixpath-record-open';

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
    return new NextResponse(customerStatusPage(status, lang), { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const headers = new Headers(request.headers);
  headers.set(LANG_HEADER, lang);
  headers.delete(RECORD_HEADER);
  if (isRealVisit(request)) headers.set(RECORD_HEADER, '1');
  return NextResponse.next({ request: { headers } });
}

/**
 * Pages behind sign-in (flows, cases, admin, insights): without a session cookie, go to the sign-in
 * page of the same language, which brings the visitor back here (`?next=`). This only looks
 * for the cookie (an optimistic check, no database); the APIs and dynamic pages check the
 * session for real, so a stale or forged cookie reaches a page that still reveals nothing.
 * Articles, fix pages, home and search, sign-in and setup are not matched: public. `/c/**` is
 * the customer's page (above).
 */
export async function proxy(request: NextRequest) {
  if (/^\/c\/[^/]+$/.test(request.nextUrl.pathname)) return customerPage(request);
  if (getSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const lang = pathname.split('/')[1];
  const url = request.nextUrl.clone();
  url.pathname = `/${lang}/sign-in`;
  url.search = '';
  url.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/:lang(zh|en)/flows/:path*', '/:lang(zh|en)/cases/:path*', '/:lang(zh|en)/admin/:path*', '/:lang(zh|en)/insights/:path*', '/c/:token'],
};
