import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Pages behind sign-in (flows, cases, admin, insights): without a session cookie, go to the sign-in
 * page of the same language, which brings the visitor back here (`?next=`). This only looks
 * for the cookie (an optimistic check, no database); the APIs and dynamic pages check the
 * session for real, so a stale or forged cookie reaches a page that still reveals nothing.
 * Articles, fix pages, home and search, sign-in, setup and `/c/**` are not matched: public.
 */
export function proxy(request: NextRequest) {
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
  matcher: ['/:lang(zh|en)/flows/:path*', '/:lang(zh|en)/cases/:path*', '/:lang(zh|en)/admin/:path*', '/:lang(zh|en)/insights/:path*'],
};
