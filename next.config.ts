import path from 'node:path';
import createMDX from '@next/mdx';
import type { NextConfig } from 'next';

// Turbopack needs plugins named as strings (package names or paths): functions are not
// serializable. The page compile shares lib/content's heading ids (plain JavaScript, since the
// loader imports it in a plain Node worker), so an anchor the lint and search know is the id
// the page renders. Everything else about an article's structure comes from lib/content's
// own pass over the same file with the same parser (frontmatter is read there, not exported).
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm', 'remark-frontmatter', path.join(import.meta.dirname, 'lib/content/mdx/heading-ids.mjs')],
  },
});

/**
 * Sent with every response. The pages are static (prerendered), so the CSP cannot carry a
 * per-request nonce; Next's inline bootstrap scripts then need 'unsafe-inline' in script-src.
 * What the policy still stops: scripts from any other origin, plugins, <base> hijacking, form
 * posts elsewhere, and framing by any other site (clickjacking, red-team M2).
 */
function securityHeaders({ connectSrc, referrer }: { connectSrc: string; referrer: string }) {
  return [
    {
      key: 'Content-Security-Policy',
      value: [
        "default-src 'self'",
        // React's development build evaluates code; the production build never does.
        `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        `connect-src ${connectSrc}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    },
    // For browsers that predate frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: referrer },
    // Ignored over plain HTTP; behind TLS it keeps browsers on HTTPS. No includeSubDomains: the
    // product is installed on someone else's domain, whose other hosts are not ours to pin.
    { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

// Flow links carry a customer's host in the query: other sites get the origin at most.
const SECURITY_HEADERS = securityHeaders({ connectSrc: "'self'", referrer: 'strict-origin-when-cross-origin' });

/**
 * The customer's page (`/c/<token>`, docs/customer-links.md): its URL is the customer's key,
 * so no referrer ever leaves it and no search engine keeps it; its "Check from my computer"
 * connects to the case's server over HTTPS and WSS, which only this page's policy allows.
 */
const CUSTOMER_HEADERS = [
  ...securityHeaders({ connectSrc: "'self' https: wss:", referrer: 'no-referrer' }),
  { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
];

const nextConfig: NextConfig = {
  pageExtensions: ['ts', 'tsx'],
  // Lets several builds (e.g. a developer's and a test run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole project once with `tsc --noEmit`; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // authInterrupts: forbidden() gives admin pages a real 403 for signed-in people below admin.
  experimental: { globalNotFound: true, authInterrupts: true },
  // PGlite loads its WebAssembly and data files relative to its own module: keep it unbundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
    // For a path both match, the later rule's value of a header wins.
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/c/:path*', headers: CUSTOMER_HEADERS },
      { source: '/api/c/:path*', headers: CUSTOMER_HEADERS },
    ];
  },
  async redirects() {
    return [
      { source: '/', destination: '/zh', permanent: false },
      // The setup code's log line says "open /setup".
      { source: '/setup', destination: '/zh/setup', permanent: false },
    ];
  },
};

export default withMDX(nextConfig);
