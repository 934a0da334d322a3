import { expect, test, type Page } from '@playwright/test';
import { currentStep, linkSteps, useLoopbackTargets } from './flow-helpers';
import { gotoReady } from './helpers';

const targets = useLoopbackTargets();

/** The path to "nothing listens on the port": the target, then the TCP probe. */
const PORT_REFUSED_PATH = ['submit:target', 'probe:tcpProbe'];
/** The path to renewing an expired certificate: the target, then the TCP and TLS probes. */
const TLS_EXPIRED_PATH = ['submit:target', 'probe:tcpProbe', 'probe:tlsProbe'];

async function startFiveLayer(page: Page, port: number) {
  await gotoReady(page, '/en/flows/five-layer');
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

  // Starting the service is done on the server: the ending says so and offers no customer link.
  await expect(page.getByText('This fix is done on our side; it is not sent to the customer.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link for the customer' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Copy case notes' }).click();
  const notes = await page.evaluate(() => navigator.clipboard.readText());
  expect(notes).toContain('TCP_REFUSED');
  expect(notes).toContain('The service is stopped or crashed');
  expect(notes).toContain('/en/articles/service-not-listening#start-service');
  expect(notes).toContain(`Flow link: ${new URL(page.url()).origin}/en/flows/five-layer?v=1&p=`);
});

test('an expired certificate leads, through the TLS probe, to renewing it (in Chinese)', async ({ page }) => {
  await gotoReady(page, '/zh/flows/five-layer');
  await page.getByLabel('服务器地址（主机名或 IP）').fill('127.0.0.1');
  await page.getByLabel('端口').fill(String(targets.expiredTlsPort));
  await page.getByRole('button', { name: '开始检测' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
  // The ending is the article's fix: its title and summary come from content/zh/tls-certificate-expired.mdx.
  await expect(page.getByRole('heading', { name: '续期并部署新证书' })).toBeVisible();
  await expect(currentStep(page)).toContainText('续期或重新签发证书，部署到服务器（连同中间证书）并重新加载服务，再检查有效期。');
  const evidence = page.locator('[data-evidence="TLS_CERT_EXPIRED"]');
  await expect(evidence).toContainText('2021-01-01');
  await evidence.getByText('原始 JSON').click();
  await expect(evidence.locator('pre')).toContainText('"code": "TLS_CERT_EXPIRED"');
  await expect(page.getByRole('link', { name: /^查看修复方法/ })).toHaveAttribute('href', '/zh/articles/tls-certificate-expired#renew-certificate');
});

test('the flow link reopens the same step with the same evidence, without probing again', async ({ page, context }) => {
  await startFiveLayer(page, targets.expiredTlsPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_tls-certificate-expired_renew-certificate');
  // The address is written just after the step shows: wait until it holds the whole path.
  await expect.poll(() => linkSteps(page, 'five-layer')).toEqual(TLS_EXPIRED_PATH);
  const summary = await page.locator('[data-evidence="TLS_CERT_EXPIRED"]').innerText();
  await page.getByRole('button', { name: 'Copy flow link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  const other = await context.newPage();
  const probes: string[] = [];
  other.on('request', (request) => {
    if (request.url().includes('/api/probe')) probes.push(request.url());
  });
  await gotoReady(other, link);
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
  await expect.poll(() => linkSteps(page, 'five-layer')).toEqual(PORT_REFUSED_PATH);
  const url = new URL(page.url());
  await gotoReady(page, `${url.pathname}?v=1&p=${url.searchParams.get('p')?.slice(0, -6)}`);
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

test('the first step is rendered on the server: the form is there before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/flows/five-layer');
  await expect(currentStep(page)).toHaveAttribute('data-state', 'target');
  await expect(page.getByRole('heading', { level: 2, name: 'Which server does the customer connect to?' })).toBeVisible();
  await expect(page.getByLabel('Server (host name or IP)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start checking' })).toBeVisible();
  await context.close();
});

test('a pasted URL fills host and port, shown normalised, and the flow probes that port', async ({ page }) => {
  await gotoReady(page, '/en/flows/five-layer');
  const host = page.getByLabel('Server (host name or IP)');
  await host.fill(`HTTP://127.0.0.1:${targets.closedPort}/login`);
  await host.blur();
  await expect(host).toHaveValue('127.0.0.1');
  await expect(page.getByLabel('Port')).toHaveValue(String(targets.closedPort));
  await expect(page.getByLabel(/^URL/)).toHaveValue(`http://127.0.0.1:${targets.closedPort}/login`);
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await expect(page.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
});

test('the host field takes what the probe API takes and reads it as the API does', async ({ page }) => {
  await gotoReady(page, '/en/flows/five-layer');
  const host = page.getByLabel('Server (host name or IP)');
  await host.fill('127.1');
  await page.getByLabel('Port').fill(String(targets.closedPort));
  await page.getByRole('button', { name: 'Start checking' }).click();
  // An IP literal skips DNS; the short form is read as the dotted quad it stands for.
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await expect(page.getByRole('navigation', { name: 'Path so far' })).toContainText('Server (host name or IP): 127.0.0.1');
});

test('a link does not show the first step while its path is restored', async ({ page }) => {
  await startFiveLayer(page, targets.closedPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  // The address is written just after the step shows: the link is taken once it holds the whole path.
  await expect.poll(() => linkSteps(page, 'five-layer')).toEqual(PORT_REFUSED_PATH);
  const link = page.url();
  // Without the page's scripts the path is never restored: the server-rendered first step stays hidden.
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the flow' })).toBeVisible();
  await expect(currentStep(page)).toBeHidden();
  await page.unroute('**/_next/static/chunks/*.js');
  await gotoReady(page, link);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
  await expect(currentStep(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the flow' })).toBeHidden();
});

for (const width of [1280, 390]) {
  test(`a busy probe service is asked again after its Retry-After, with a countdown, instead of falling back to checking by hand (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    let turnedAway = 0;
    await page.route('**/api/probe', async (route) => {
      if (turnedAway < 1) {
        turnedAway += 1;
        await route.fulfill({ status: 503, headers: { 'retry-after': '3', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'BUSY', message: 'every probe slot is taken' } }) });
      } else {
        await route.continue();
      }
    });
    await startFiveLayer(page, targets.closedPort);
    // Said once to a screen reader (the status); counted down beside it for the eyes.
    await expect(page.locator('[data-busy]')).toHaveText(/^The probe service is busy; trying again shortly \(try 2 of 4\)\. next try in [123] s$/);
    await expect(page.getByRole('status').filter({ hasText: 'The probe service is busy; trying again shortly (try 2 of 4).' })).toHaveCount(1);
    await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
    await expect(page.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
    expect(turnedAway).toBe(1);
  });
}

test('a link that stops before a check never runs it by itself: it waits for "Run the check" (red-team M1)', async ({ page, context }) => {
  // The first visit's probe never answers, so its URL is a link that ends at the TCP check.
  await page.route('**/api/probe', () => {});
  await startFiveLayer(page, targets.closedPort);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'tcpProbe');
  await expect(page).toHaveURL(/[?&]p=/);
  const link = page.url();

  const opened = await context.newPage();
  const probes: string[] = [];
  opened.on('request', (request) => {
    if (request.url().includes('/api/probe')) probes.push(request.url());
  });
  await gotoReady(opened, link);
  await expect(currentStep(opened)).toHaveAttribute('data-state', 'tcpProbe');
  await expect(opened.getByText('This step came from a link, and its check has not run.', { exact: false })).toBeVisible();
  await opened.waitForTimeout(500);
  expect(probes, 'opening the link sent no probe').toEqual([]);
  await opened.getByRole('button', { name: 'Run the check' }).click();
  await expect(currentStep(opened)).toHaveAttribute('data-state', 'portRefused');
  expect(probes).toHaveLength(1);
});
