/**
 * `npm run bench:pages`: what each kind of page ships to the browser, from the
 * last `next build`: the JavaScript its HTML loads (raw and gzipped), split
 * into Next's shared runtime and the page's own islands, and the HTML size.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['zh', 'zh/articles/service-not-listening', 'en/articles/tls-certificate-expired'];

/** Chunks a modern browser loads; the `noModule` polyfills are only for old ones. */
function scriptsOf(html: string): string[] {
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/noModule/i.test(tag));
  const chunks = tags.map((tag) => /(?:src|href)="\/_next\/(static\/chunks\/[^"]+\.js)"/.exec(tag)?.[1]);
  return [...new Set(chunks.filter((chunk): chunk is string => chunk !== undefined))];
}

function sizeOf(chunks: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const file = readFileSync(path.join(distDir, chunk));
    raw += file.length;
    gzip += gzipSync(file).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const htmlFor = (page: string) => path.join(distDir, 'server/app', `${page}.html`);
const missing = pages.filter((page) => !existsSync(htmlFor(page)));
if (missing.length > 0) {
  console.error(`No prerendered HTML for ${missing.join(', ')} in ${distDir}: run \`npx next build\` first.`);
  process.exit(1);
}

const scripts = new Map(pages.map((page) => [page, scriptsOf(readFileSync(htmlFor(page), 'utf8'))]));
// Chunks every page loads are Next's runtime and React; the rest belongs to the page.
const shared = [...scripts.values()].reduce((common, list) => common.filter((chunk) => list.includes(chunk)));
const sharedSize = sizeOf(shared);
console.log(`shared runtime (${shared.length} chunks): ${kb(sharedSize.raw)} raw, ${kb(sharedSize.gzip)} gzip`);
console.log('| page | HTML | JS total (gzip) | page-specific JS (gzip) |');
console.log('| --- | --- | --- | --- |');
for (const [page, list] of scripts) {
  const own = sizeOf(list.filter((chunk) => !shared.includes(chunk)));
  const total = sizeOf(list);
  console.log(`| /${page} | ${kb(readFileSync(htmlFor(page)).length)} | ${kb(total.gzip)} | ${kb(own.gzip)} |`);
}
