/**
 * `npm run bench:lighthouse`: Lighthouse (its default mobile settings) on the pages staff
 * open most, against the last `next build` served by `next start` on loopback, in the same
 * Chromium the end-to-end tests use. Each page runs RUNS times; the table shows medians.
 * A benchmark, not a test: it prints figures and fails only when it cannot measure.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findBrowser } from './find-browser';

const PORT = Number(process.env.BENCH_PORT ?? 3199);
const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = ['/zh', '/zh/articles/service-not-listening', '/en/articles/tls-certificate-expired', '/zh/flows/five-layer', '/zh/fix/tls-certificate-expired?fix=renew-certificate&host=api.example.com&port=8443'];
const distDir = process.env.NEXT_DIST_DIR || '.next';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within the start-up deadline`);
}

async function main() {
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  const browser = findBrowser();
  if (!browser.found) throw new Error('No Chromium found: see README (npm test installs Debian\'s chromium when run as root).');
  const server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { stdio: 'ignore', detached: true });
  const chrome = await chromeLauncher.launch({
    chromePath: browser.executablePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/zh`, Date.now() + 60_000);
    console.log(`Lighthouse ${RUNS}× per page, mobile defaults; medians.`);
    console.log('| page | performance | accessibility | LCP | TBT |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const page of PAGES) {
      const rows: Array<{ performance: number; accessibility: number; lcp: number; tbt: number }> = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(`http://127.0.0.1:${PORT}${page}`, { port: chrome.port, onlyCategories: ['performance', 'accessibility'], output: 'json', logLevel: 'error' });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        const { categories, audits } = result.lhr;
        rows.push({
          performance: categories.performance.score ?? 0,
          accessibility: categories.accessibility.score ?? 0,
          lcp: audits['largest-contentful-paint'].numericValue ?? 0,
          tbt: audits['total-blocking-time'].numericValue ?? 0,
        });
      }
      const pick = (key: keyof (typeof rows)[number]) => median(rows.map((row) => row[key]));
      console.log(`| ${page} | ${pick('performance').toFixed(2)} | ${pick('accessibility').toFixed(2)} | ${(pick('lcp') / 1000).toFixed(2)} s | ${pick('tbt').toFixed(0)} ms |`);
    }
  } finally {
    await chrome.kill();
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
