import { expect, test, type Page } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';

const targets = useLoopbackTargets();


async function startFiveLayer(page: Page, port: number) {
  await page.goto('/en/flows/five-layer');
  await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('button', { name: 'Start checking' }).click();
}

test('a closed port leads, through the TCP probe, to the fix for a stopped service', async ({ page }) => {
  await startFiveLayer(page, targets.closedPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await expect(page.getByRole('heading', { name: `Nothing listens on port ${targets.closedPort}` })).toBeVisible();
  await expect(page.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
  await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');
  await expect(page.getByRole('link', { name: /^Open the fix:/ })).toHaveAttribute('href', '/en/articles/service-not-listening#start-service');

  await page.getByRole('button', { name: 'Copy link for the customer' }).click();
  const customer = await page.evaluate(() => navigator.clipboard.readText());
  expect(customer).toBe(new URL(`/en/fix/service-not-listening?fix=start-service&host=127.0.0.1&port=${targets.closedPort}`, page.url()).href);

  await page.getByRole('button', { name: 'Copy case notes' }).click();
  const notes = await page.evaluate(() => navigator.clipboard.readText());
  expect(notes).toContain('TCP_REFUSED');
  expect(notes).toContain('The service is stopped or crashed');
  expect(notes).toContain('/en/articles/service-not-listening#start-service');
  expect(notes).toContain(`Flow link: ${new URL(page.url()).origin}/en/flows/five-layer?v=1&p=`);
});

test('an expired certificate leads, through the TLS probe, to renewing it (in Chinese)', async ({ page }) => {
  await page.goto('/zh/flows/five-layer');
  await page.getByLabel('服务器地址（主机名或 IP）').fill('127.0.0.1');
  await page.getByLabel('端口').fill(String(targets.expiredTlsPort));
  await page.getByRole('button', { name: '开始检测' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
  await expect(page.getByRole('heading', { name: '证书已过期：续期并部署' })).toBeVisible();
  const evidence = page.locator('[data-evidence="TLS_CERT_EXPIRED"]');
  await expect(evidence).toContainText('2021-01-01');
  await evidence.getByText('原始 JSON').click();
  await expect(evidence.locator('pre')).toContainText('"code": "TLS_CERT_EXPIRED"');
  await expect(page.getByRole('link', { name: /^查看修复方法/ })).toHaveAttribute('href', '/zh/articles/tls-certificate-expired#renew-certificate');
});

test('the flow link reopens the same step with the same evidence, without probing again', async ({ page, context }) => {
  await startFiveLayer(page, targets.expiredTlsPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
  const summary = await page.locator('[data-evidence="TLS_CERT_EXPIRED"]').innerText();
  await page.getByRole('button', { name: 'Copy flow link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  const other = await context.newPage();
  const probes: string[] = [];
  other.on('request', (request) => {
    if (request.url().includes('/api/probe')) probes.push(request.url());
  });
  await other.goto(link);
  await expect(currentStep(other)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
  expect(await other.locator('[data-evidence="TLS_CERT_EXPIRED"]').innerText()).toBe(summary);
  await expect(other.locator('[data-evidence="TCP_OPEN"]')).toBeVisible();
  expect(probes).toEqual([]);
});

test('browser back steps through the path; changing an answer reaches a different end', async ({ page }) => {
  await startFiveLayer(page, targets.closedPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');

  await page.goBack();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await page.goBack();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'target');
  await expect(page.getByLabel('Port')).toHaveValue(String(targets.closedPort));
  await page.goForward();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await page.goBack();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'target');

  await page.getByLabel('Port').fill(String(targets.expiredTlsPort));
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
});

test('the breadcrumb reopens an earlier step; a new answer reaches a different end', async ({ page }) => {
  await startFiveLayer(page, targets.closedPort);
  await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');
  const path = page.getByRole('navigation', { name: 'Path so far' });
  await expect(path.getByRole('listitem')).toHaveCount(3);
  await path.getByRole('button', { name: /^Change step 3:/ }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await expect(path.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'The service runs, maybe bound to another address' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_fix-bind-address');

  await path.getByRole('button', { name: /^Change step 1:/ }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'target');
  await expect(page.getByLabel('Server (host name or IP)')).toHaveValue('127.0.0.1');
});

test('a tampered link says so and resumes from the last step that fits', async ({ page }) => {
  await startFiveLayer(page, targets.closedPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  const url = new URL(page.url());
  await page.goto(`${url.pathname}?v=1&p=${url.searchParams.get('p')?.slice(0, -6)}`);
  await expect(page.locator('[data-link-notice]')).toBeVisible();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'target');
});

test('a probe can be cancelled; the flow then asks staff to check by hand', async ({ page }) => {
  await page.route('**/api/probe', () => {
    // Never answer: the probe runs until cancelled.
  });
  await startFiveLayer(page, targets.closedPort);
  await expect(page.getByText(/s elapsed/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel probe' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'tcpProbeManual');
  await expect(page.locator('[data-evidence="cancelled"]')).toBeVisible();
  await page.getByRole('button', { name: 'Refused at once' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
});
