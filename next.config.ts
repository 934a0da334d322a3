import createMDX from '@next/mdx';
import type { NextConfig } from 'next';

// Turbopack needs plugins named as package strings: functions are not serializable.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm', 'remark-frontmatter', ['remark-mdx-frontmatter', { name: 'frontmatter' }]],
    rehypePlugins: ['rehype-slug'],
  },
});

const nextConfig: NextConfig = {
  pageExtensions: ['ts', 'tsx'],
  // Lets several builds (e.g. a developer's and a test run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole project once with `tsc --noEmit`; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: { globalNotFound: true },
  // PGlite loads its WebAssembly and data files relative to its own module: keep it unbundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  async redirects() {
    return [
      { source: '/', destination: '/zh', permanent: false },
      // The setup code's log line says "open /setup".
      { source: '/setup', destination: '/zh/setup', permanent: false },
    ];
  },
};

export default withMDX(nextConfig);
