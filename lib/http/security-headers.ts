/**
 * The security headers of every response, in one place (docs/security-headers.md): next.config.ts
 * sends them by path, and proxy.ts sends the Content-Security-Policy of the pages that render
 * per request, with a fresh nonce. Plain strings, no framework: next.config.ts loads this in
 * plain Node before Next exists.
 */

/** Whose page: the customer's page (`/c/<token>`) may connect to the case's server from the browser. */
type Audience = 'staff' | 'customer';

/** One response header, as next.config.ts `headers()` takes it. */
interface Header {
  key: string;
  value: string;
}

/** A `headers()` rule of next.config.ts. */
interface HeaderRule {
  source: string;
  headers: Header[];
}

/**
 * The pages of `/<lang>/…` that render per request (`ƒ` in the route table of `next build`) and
 * show what people typed or pasted, as patterns of what follows the language. The proxy gives
 * them a nonce; everything else is prerendered (a 404 page deeper down too, e.g.
 * `/zh/cases/a/b`) and keeps the static policy. A new dynamic page goes here and into the
 * proxy's matcher (tests/unit/security-headers.test.ts checks the matcher covers each page;
 * tests/e2e/security-headers.spec.ts checks this list against the build's route table).
 */
const NONCE_ROUTES = ['cases', 'cases/[^/]+', 'insights', 'admin/audit', 'fix/[^/]+', 'setup', 'sign-in'];
/** Those pages and `/c/<token>`. */
const NONCE_PAGE = new RegExp(`^/(?:(?:zh|en)/(?:${NONCE_ROUTES.join('|')})|c/[^/]+)$`);

/** Whether `pathname` is a page that renders per request, so proxy.ts sends its CSP with a nonce. */
export function usesNonce(pathname: string): boolean {
  return NONCE_PAGE.test(pathname);
}

/**
 * The Content-Security-Policy. With a nonce (pages rendered per request), script-src allows only
 * scripts carrying it and what they load ('strict-dynamic'); Next reads the nonce from this
 * header on the request and stamps it on its own scripts. Without one (prerendered pages, whose
 * HTML exists before any request), Next's inline bootstrap needs 'unsafe-inline'. style-src keeps
 * 'unsafe-inline' in both: React writes style attributes, and a nonce there would switch it off.
 */
export function contentSecurityPolicy(audience: Audience, nonce?: string): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    // React's development build evaluates code; the production build never does.
    `script-src ${scripts}${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The customer page's "Check from my computer" connects to the case's server over HTTPS and WSS.
    `connect-src ${audience === 'customer' ? "'self' https: wss:" : "'self'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A nonce for one response: 128 random bits, base64 (what a CSP nonce-source takes). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

const csp = (audience: Audience): Header => ({ key: 'Content-Security-Policy', value: contentSecurityPolicy(audience) });

/** Every response, whatever its page. */
const COMMON_HEADERS: Header[] = [
  // For browsers that predate frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Flow links carry a customer's host in the query: other sites get the origin at most.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Ignored over plain HTTP; behind TLS it keeps browsers on HTTPS. No includeSubDomains: the
  // product is installed on someone else's domain, whose other hosts are not ours to pin.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The customer's page and its API (docs/customer-links.md): the URL is the customer's key, so no
 * referrer ever leaves it and no search engine keeps it.
 */
const CUSTOMER_HEADERS: Header[] = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
];

/**
 * next.config.ts `headers()`: the common headers and the static CSP everywhere, the customer's
 * on `/c/*` and `/api/c/*` (for a path two rules match, the later rule's value wins). On the
 * pages rendered per request, proxy.ts sets the CSP again with a nonce, and its value replaces
 * this one: Next applies next.config's headers first, then the proxy's. (Were both ever sent, a
 * browser would enforce both, so a script without the nonce would still be refused.)
 */
export function securityHeaderRules(): HeaderRule[] {
  return [
    { source: '/:path*', headers: [...COMMON_HEADERS, csp('staff')] },
    { source: '/c/:path*', headers: [...CUSTOMER_HEADERS, csp('customer')] },
    { source: '/api/c/:path*', headers: [...CUSTOMER_HEADERS, csp('customer')] },
  ];
}
