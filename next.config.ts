import path from 'node:path';
import createMDX from '@next/mdx';
import type { NextConfig } from 'next';
import { securityHeaderRules } from './lib/http';

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
  // Security headers by path (docs/security-headers.md); proxy.ts sends the CSP, with a nonce,
  // of the pages that render per request.
  async headers() {
    return securityHeaderRules();
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
