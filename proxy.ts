import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { customerLinkStatus } from '@/lib/cases/server';

/** Set by this proxy only (a client's own copy is dropped): the page records the link's first opening. */
const RECORD_HEADER = 'x-fixpath-record-open';

/** A prefetch or preview asks for the page without anyone reading it: it must not count as the customer opening the link. */
function isRealVisit(request: NextRequest): boolean {
  if (request.method !== 'GET') return false;
  const purpose = `${request.headers.get('sec-purpose') ?? ''} ${request.headers.get('purpose') ?? ''}`;
  return !/prefetch|prerender/i.test(purpose) && !request.headers.has('next-router-prefetch');
}

/**
 * `/c/<token>`: the customer page, rendered at `/c/<token>/<lang>` with the status the link
 * calls for, so a revoked link is a real 410 and an unknown one a real 404 (a page alone can
 * only say 200 or 404). `?lang=` picks the language, else the link's own. Any deeper path is
 * an unknown link.
 */
async function customerPage(request: NextRequest): Promise<NextResponse> {
  const [, , token = '', ...rest] = request.nextUrl.pathname.split('/');
  const { status, lang } = rest.length > 0 ? { status: 404 as const, lang: 'zh' as const } : await customerLinkStatus(token, request.nextUrl.searchParams.get('lang'));
  const url = request.nextUrl.clone();
  url.pathname = `/c/${status === 404 && rest.length > 0 ? '-' : encodeURIComponent(token)}/${lang}`;
  url.search = '';
  const headers = new Headers(request.headers);
  headers.delete(RECORD_HEADER);
  if (status === 200 && isRealVisit(request)) headers.set(RECORD_HEADER, '1');
  return NextResponse.rewrite(url, { status, request: { headers } });
}

/**
 * Pages behind sign-in (flows, cases, admin): without a session cookie, go to the sign-in
 * page of the same language, which brings the visitor back here (`?next=`). This only looks
 * for the cookie (an optimistic check, no database); the APIs and dynamic pages check the
 * session for real, so a stale or forged cookie reaches a page that still reveals nothing.
 * Articles, fix pages, home and search, sign-in and setup are not matched: public. `/c/**` is
 * the customer's page (above).
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/c/')) return customerPage(request);
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
  matcher: ['/:lang(zh|en)/flows/:path*', '/:lang(zh|en)/cases/:path*', '/:lang(zh|en)/admin/:path*', '/c/:path*'],
};
