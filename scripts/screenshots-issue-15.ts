/**
 * The before and after screenshots of issue 15 (items 1, 8 and 10), taken from a running
 * production server in Chinese at 1280×800 and 390×844 (docs/screenshots/issue-15/README.md).
 *
 *   npx tsx scripts/screenshots-issue-15.ts <base URL> <before|after> [server log]
 *
 * The server must let the probe API reach 127.0.0.1 (`PROBE_ALLOW=127.0.0.1/32`). A build that
 * keeps flows behind sign-in needs its log, which holds the first-run setup code.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './find-browser';

const [baseURL, label, serverLog] = process.argv.slice(2);
if (!baseURL || (label !== 'before' && label !== 'after')) {
  console.error('usage: screenshots-issue-15.ts <base URL> <before|after> [server log]');
  process.exit(2);
}
const OUT = path.join(import.meta.dirname, '../docs/screenshots/issue-15');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** A loopback port nothing listens on: the TCP probe is refused and the flow asks its next question. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(new URL(url, baseURL).href);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' }).catch(() => page.waitForLoadState('networkidle'));
}

/** First-run setup with the code from the server log; the browser context keeps the session. */
async function signIn(page: Page): Promise<void> {
  await ready(page, '/zh/flows/five-layer');
  if (!/sign-in/.test(page.url())) return;
  const code = /Fixpath setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(readFileSync(serverLog ?? '', 'utf8'))?.[1];
  if (!code) throw new Error('flows need sign-in: pass the server log that holds the setup code');
  await ready(page, '/en/setup');
  await page.getByLabel('Setup code').fill(code);
  await page.getByLabel('Name').fill('Li Wei');
  await page.getByLabel('Email').fill('li.wei@example.com');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await page.waitForURL(/\/en$/);
}

/** The five-layer flow run against a refused port, up to the question that follows the probe. */
async function runToNextQuestion(page: Page, port: number): Promise<void> {
  await ready(page, '/zh/flows/five-layer');
  await page.getByLabel('服务器地址（主机名或 IP）').fill('127.0.0.1');
  await page.getByLabel('端口').fill(String(port));
  await page.getByRole('button', { name: '开始检测' }).click();
  await page.locator('section[data-state="portRefused"]').waitFor();
  // Whatever scrolling the page does after the probe, let it finish.
  await page.waitForTimeout(1500);
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  await mkdir(OUT, { recursive: true });
  const port = await closedPort();
  const context = await browser.newContext({ locale: 'zh-CN' });
  await signIn(await context.newPage());
  for (const viewport of SIZES) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const shot = (item: number) => page.screenshot({ path: path.join(OUT, `${item}-${label}-${viewport.width}.png`) });

    await runToNextQuestion(page, port);
    await shot(1);

    await ready(page, '/zh/articles/tls-untrusted-chain');
    await shot(8);

    await runToNextQuestion(page, port);
    const map = page.locator('summary', { hasText: '流程图' });
    await map.click();
    await map.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1000);
    await shot(10);
    await page.close();
  }
} finally {
  await browser.close();
}
