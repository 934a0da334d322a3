import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { expectNoSeriousAxeViolations, gotoReady } from './helpers';

const targets = useLoopbackTargets();

/** A reverse proxy on loopback whose upstream is down: 502 from nginx, through a CDN hop. */
let proxy: Server;
let proxyPort = 0;
test.beforeAll(async () => {
  proxy = createServer((_request, response) => {
    response.writeHead(502, 'Bad Gateway', { server: 'nginx/1.24.0', via: '1.1 edge-cache (squid/6.6)', 'content-type': 'text/html' });
    response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as AddressInfo).port;
});
test.afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

async function startFiveLayer(page: Page, fields: { host: string; port: number; url?: string }) {
  await gotoReady(page, '/en/flows/five-layer');
  await page.getByLabel('Server (host name or IP)').fill(fields.host);
  await page.getByLabel('Port').fill(String(fields.port));
  if (fields.url) await page.getByLabel('URL (only if the client speaks HTTP/HTTPS)').fill(fields.url);
  await page.getByRole('button', { name: 'Start checking' }).click();
}

/** The page has no horizontal scrollbar: nothing runs off the side. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [1280, 390]) {
  test(`a name from the server's hosts file is reported as such, not as a name that does not exist (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await startFiveLayer(page, { host: 'localhost', port: targets.closedPort });
    const dns = page.locator('[data-evidence="DNS_OK"]');
    await expect(dns).toBeVisible();
    // Who answered is named: the hosts file, and DNS was never asked.
    await expect(dns).toContainText(/localhost is listed in this server's hosts file as 127\.0\.0\.1.*; DNS was not asked\./);
    await expect(page.getByText('Resolving localhost').first()).toBeVisible();
    await expect(currentStep(page)).not.toHaveAttribute('data-state', /^(nameNotFound|dnsProbe)$/);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });

  test(`a 502 card shows the Server and Via headers that tell which hop answered (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await startFiveLayer(page, { host: '127.0.0.1', port: proxyPort, url: `http://127.0.0.1:${proxyPort}/health` });
    const card = page.locator('[data-evidence="HTTP_SERVER_ERROR"]');
    // Three probes in a row (TCP, TLS, HTTP) on a busy test machine.
    await expect(card).toBeVisible({ timeout: 20_000 });
    const fact = (term: string) => card.locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
    await expect(fact('HTTP status')).toHaveText(/^502\b/);
    await expect(fact('Answered by (Server header)')).toHaveText('nginx/1.24.0');
    await expect(fact('Passed through (Via header)')).toHaveText('1.1 edge-cache (squid/6.6)');
    await expect(fact('Answered by (Server header)')).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page);
  });
}
