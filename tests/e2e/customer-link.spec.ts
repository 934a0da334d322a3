import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { expectNoSeriousAxeViolations, gotoReady, SIGNED_OUT, sameOrigin } from './helpers';

/** Real `curl -v` output against a closed loopback port, from the parser's fixtures (its .json says where it came from). */
const CURL_REFUSED = readFileSync(path.join(import.meta.dirname, '../fixtures/command-output/curl/linux-refused.txt'), 'utf8');
const FIX = { slug: 'server-address-invalid', fixId: 'fill-in-server-address' };

/** The agent's side, through the API as the signed-in administrator: a case and a link to one customer fix. */
async function caseWithLink(request: APIRequestContext, target: { host: string; port: number } | undefined, lang: 'zh' | 'en') {
  const created = await request.post('/api/cases', { data: { title: `Customer link ${Date.now()}`, target, lang }, headers: sameOrigin() });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const link = await request.post(`/api/cases/${id}/links`, { data: { ...FIX, lang }, headers: sameOrigin() });
  expect(link.status()).toBe(201);
  const { url, id: linkId } = (await link.json()) as { url: string; id: string };
  return { caseId: id, url, linkId };
}

/**
 * The case's server on loopback (PROBE_ALLOW opens 127.0.0.1 on the e2e server, and so the
 * customer check): HTTPS with the e2e PKI's leaf, and a WebSocket handshake on upgrade.
 */
async function startTarget(): Promise<{ port: number; close: () => Promise<void> }> {
  const pki = path.join(process.env.FIXPATH_E2E_DIR ?? '', 'pki');
  const server: Server = createServer({ key: readFileSync(path.join(pki, 'valid.key')), cert: readFileSync(path.join(pki, 'valid.pem')) }, (_request, response) => response.end('ok'));
  server.on('upgrade', (request, socket) => {
    const accept = createHash('sha1').update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.on('error', () => {});
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A customer: no cookies at all; the test's own certificate is accepted as a customer's real server's would be. */
const customerContext = (browser: Browser, width = 1280) => browser.newContext({ storageState: SIGNED_OUT, ignoreHTTPSErrors: true, viewport: { width, height: 900 } });

test.describe.configure({ mode: 'serial' });

test('a customer opens the link in Chinese, switches to English, answers, pastes curl output and runs the check; the case has it all with times', async ({ browser, page: agent }) => {
  test.setTimeout(90_000);
  const target = await startTarget();
  try {
    const { caseId, url } = await caseWithLink(agent.request, { host: '127.0.0.1', port: target.port }, 'zh');
    const context = await customerContext(browser);
    const page = await context.newPage();
    const response = await gotoReady(page, url);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['x-robots-tag']).toContain('noindex');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toContain("connect-src 'self' https: wss:");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Customer-grade: the fix and nothing that leads into the staff app.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('填写正确的服务器地址');
    expect(await page.locator('a[href^="/zh"], a[href^="/en"]').count()).toBe(0);
    await expect(page.getByRole('button', { name: /搜索|search/i })).toHaveCount(0);
    const filled = page.getByTestId('filled-values');
    await expect(filled).toContainText('命令里已经填好');
    await expect(filled.getByRole('listitem')).toHaveText(['服务器地址：127.0.0.1', `端口：${target.port}`]);
    const code = (await page.locator('.customer-view pre').allInnerTexts()).join('\n');
    expect(code).toContain(`Test-NetConnection 127.0.0.1 -Port ${target.port}`);
    expect(code).not.toContain('{{');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await page.waitForURL(/\?lang=en$/);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fill in the correct server address');
    await expect(filled.getByRole('listitem')).toHaveText(['Server address: 127.0.0.1', `Port: ${target.port}`]);
    await expect(filled).not.toContainText('replace');

    await page.getByRole('radio', { name: 'Yes, it connects now' }).check();
    await page.getByLabel('Anything to add? (optional)').fill('It works after I corrected the address.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByTestId('feedback-received')).toContainText('We received your answer: "Yes, it connects now"');

    const commands = page.getByRole('region', { name: 'Show us what your computer sees' });
    await commands.getByRole('tab', { name: 'Linux' }).click();
    await expect(commands.getByRole('tabpanel', { name: 'Linux' })).toContainText(`curl -v https://127.0.0.1:${target.port}/`);
    await page.getByLabel('Command output').fill(CURL_REFUSED);
    await page.getByRole('button', { name: 'Send output' }).click();
    await expect(page.getByTestId('evidence-received')).toContainText('What we read from it');
    await expect(page.getByTestId('evidence-received').locator('li[data-code="TCP_REFUSED"]')).toHaveText('Connection refused: the host is reachable but nothing listens on the port.');

    await page.getByRole('button', { name: `Check, and test the connection to 127.0.0.1:${target.port}` }).click();
    await expect(page.getByTestId('check-https')).toHaveAttribute('data-outcome', 'reached', { timeout: 40_000 });
    await expect(page.getByTestId('check-wss')).toHaveAttribute('data-outcome', 'reached');
    await expect(page.getByTestId('check-clock')).toContainText('Clock:');
    await expect(page.getByTestId('check-results')).toContainText('we see you connecting from 127.0.0.1 (IPv4)');
    await expect(page.getByTestId('check-results')).toContainText('The results were added to your case');
    await expectNoSeriousAxeViolations(page);

    // The agent's side: every answer on the timeline, with its time; the opening counted once.
    const read = await agent.request.get(`/api/cases/${caseId}`);
    const { timeline } = (await read.json()) as { timeline: Array<{ kind: string; at: string; actor: string; payload: Record<string, unknown> }> };
    const of = (kind: string) => timeline.filter((event) => event.kind === kind);
    expect(of('link-opened')).toHaveLength(1);
    expect(of('feedback').map((event) => event.payload)).toEqual([expect.objectContaining({ outcome: 'fixed', comment: 'It works after I corrected the address.', lang: 'en' })]);
    // Exactly as pasted; a text box gives every line break as \n (curl's progress meter writes \r).
    expect(of('evidence').map((event) => event.payload.text)).toEqual([CURL_REFUSED.replace(/\r\n?/g, '\n')]);
    expect(of('evidence')[0].payload.parsed).toMatchObject({ tool: 'curl', findings: [{ code: 'TCP_REFUSED' }] });
    const [check] = of('browser-check');
    expect(check.payload).toMatchObject({ seenFrom: { address: '127.0.0.1', family: 4 }, checks: [{ kind: 'https', outcome: 'reached' }, { kind: 'wss', outcome: 'reached' }] });
    expect(Math.abs((check.payload.clock as { offsetMs: number }).offsetMs)).toBeLessThan(1000);
    for (const event of [...of('feedback'), ...of('evidence'), check]) {
      expect(event.actor).toBe('customer');
      expect(Date.parse(event.at)).toBeGreaterThan(Date.now() - 120_000);
    }
    await context.close();
  } finally {
    await target.close();
  }
});

test('a revoked link is a 410 in the link\'s language; an unknown token or a deeper path a 404 that names no case', async ({ browser, page: agent }) => {
  const { caseId, url, linkId } = await caseWithLink(agent.request, { host: 'api.example.com', port: 8443 }, 'en');
  expect((await agent.request.delete(`/api/cases/${caseId}/links/${linkId}`, { headers: sameOrigin() })).status()).toBe(204);
  const context = await customerContext(browser);
  const page = await context.newPage();
  const gone = await page.goto(url);
  expect(gone?.status()).toBe(410);
  expect(gone?.headers()['x-robots-tag']).toContain('noindex');
  expect(gone?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link is no longer open');
  await expect(page.locator('body')).not.toContainText('api.example.com');
  for (const path of ['/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/c/not-a-token', `${url}/en`]) {
    const unknown = await page.goto(path);
    expect(unknown?.status(), path).toBe(404);
    await expect(page.locator('body')).not.toContainText(/case|工单/);
  }
  await page.goto('/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoSeriousAxeViolations(page);
  await context.close();
});

test('on a phone, from the keyboard: a private target is not connected to, and the customer is told why', async ({ browser, page: agent }) => {
  const { caseId, url } = await caseWithLink(agent.request, { host: '10.20.30.40', port: 443 }, 'zh');
  const context = await customerContext(browser, 390);
  const page = await context.newPage();
  const connections: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('10.20.30.40')) connections.push(request.url());
  });
  page.on('websocket', (socket) => connections.push(socket.url()));
  // A HEAD or a prefetch is not the customer opening the link.
  expect((await page.request.head(url)).status()).toBe(200);
  expect((await page.request.get(url, { headers: { 'sec-purpose': 'prefetch' } })).status()).toBe(200);
  const opened = async () => ((await (await agent.request.get(`/api/cases/${caseId}`)).json()) as { timeline: Array<{ kind: string }> }).timeline.filter((event) => event.kind === 'link-opened').length;
  expect(await opened()).toBe(0);
  await gotoReady(page, url);
  expect(await opened()).toBe(1);
  await expect(page.getByText('目标是内网或本机地址')).toBeVisible();
  await expect(page.getByRole('button', { name: /测试连接/ })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('radio', { name: '还没试' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('明天再试');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-received')).toContainText('已收到你的回答：“还没试”');

  await page.getByRole('button', { name: '开始检查' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('check-https')).toHaveAttribute('data-outcome', 'skipped');
  await expect(page.getByTestId('check-wss')).toHaveAttribute('data-outcome', 'skipped');
  expect(connections).toEqual([]);
  await expectNoSeriousAxeViolations(page);

  const { timeline } = (await (await agent.request.get(`/api/cases/${caseId}`)).json()) as { timeline: Array<{ kind: string; payload: Record<string, unknown> }> };
  const check = timeline.find((event) => event.kind === 'browser-check');
  expect(check?.payload.checks).toEqual([
    { kind: 'https', url: 'https://10.20.30.40:443/', outcome: 'skipped', reason: 'private-address' },
    { kind: 'wss', url: 'wss://10.20.30.40:443/', outcome: 'skipped', reason: 'private-address' },
  ]);
  expect(timeline.find((event) => event.kind === 'feedback')?.payload).toMatchObject({ outcome: 'not-yet', comment: '明天再试' });
  await context.close();
});

test('a case without an address claims none: the commands show examples to replace, and the check connects nowhere', async ({ browser, page: agent }) => {
  const { url } = await caseWithLink(agent.request, undefined, 'en');
  const context = await customerContext(browser);
  const page = await context.newPage();
  await gotoReady(page, url);
  const filled = page.getByTestId('filled-values');
  await expect(filled).not.toContainText('Already filled in');
  await expect(filled).toContainText('replace the example values');
  await expect(filled.locator('mark', { hasText: 'server.example.com' })).toBeVisible();
  await expect(page.locator('.customer-view pre mark').first()).toBeVisible();
  await expect(page.getByText('Your case has no server address yet')).toBeVisible();
  await context.close();
});
