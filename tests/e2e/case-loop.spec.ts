import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, gotoReady, sameOrigin } from './helpers';
import { openPort } from '../fixtures/probes/servers';

// The case page's side of the customer loop (issue 11): send a customer fix, paste output,
// verify later, and read what the customer's side said. Signed in as the administrator Li Wei.
const RUN = Date.now().toString(36);
let serial = 0;
const ref = (prefix: string) => `${prefix}-${RUN}-${++serial}`;

async function createCase(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const response = await request.post('/api/cases', { data: body, headers: sameOrigin() });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const spare = await openPort();
  await spare.close();
  return spare.port;
}

const timeline = (page: Page) => page.getByTestId('timeline');

for (const width of [1280, 390]) {
  test(`send a customer fix from the case page by keyboard: pick the fix and language, resolveOnFixed, copy the URL shown once, see it listed, revoke it (${width} px)`, async ({ page }) => {
    // The first request of a route that reads the content parses every article (seconds on a busy machine).
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const id = await createCase(page.request, { title: 'Address rejected by the client', ticketRef: ref('SEND'), lang: 'en' });
    await gotoReady(page, `/en/cases/${id}`);
    const form = page.getByRole('form', { name: 'Send to customer' });
    await expect(form.getByLabel("Customer's language")).toHaveValue('en');
    await form.getByLabel("Customer's language").selectOption('zh');
    // Only customer fixes are offered, grouped by article, in the customer's language.
    const fix = form.getByLabel('Fix', { exact: true });
    await expect(fix.locator('option[value="server-address-invalid#fill-in-server-address"]')).toHaveCount(1);
    await expect(fix.locator('option[value="service-not-listening#start-service"]')).toHaveCount(0);
    await expect(fix.locator('optgroup').first()).toHaveAttribute('label', /[\u4e00-\u9fff]/);
    await fix.selectOption('server-address-invalid#fill-in-server-address');
    const resolves = form.getByLabel("The customer's “fixed” resolves this case");
    await resolves.focus();
    await page.keyboard.press('Space');
    await expect(resolves).toBeChecked();
    await form.getByRole('button', { name: 'Create link' }).focus();
    await page.keyboard.press('Enter');

    const shown = page.getByLabel('Link for the customer');
    await expect(shown).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]{32}$/, { timeout: 30_000 });
    await expect(shown).toBeFocused();
    await expect(page.getByText('Shown only now: copy it and send it to the customer.')).toBeVisible();
    const url = await shown.inputValue();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Copy link' })).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const listed = await page.request.get(`/api/cases/${id}/links`);
    const [link] = ((await listed.json()) as { items: Array<Record<string, unknown>> }).items;
    expect(link).toMatchObject({ slug: 'server-address-invalid', fixId: 'fill-in-server-address', lang: 'zh', resolveOnFixed: true, state: 'open' });
    const item = page.getByTestId('links').locator(`li[data-link-id="${String(link.id)}"]`);
    await expect(item).toContainText('中文');
    await expect(item.getByTestId('link-state')).toHaveText('open, not opened yet');
    await expect(timeline(page).locator('[data-event-kind="link-sent"]')).toContainText('Li Wei sent the customer a fix link server-address-invalid#fill-in-server-address');
    await expectNoSeriousAxeViolations(page);

    // The link answers the customer's side until it is revoked.
    const token = url.slice(url.lastIndexOf('/') + 1);
    expect((await page.request.get(`/api/c/${token}/time`)).status()).toBe(200);
    // The customer opens it; after a reload the list says when, and the URL is not shown again.
    expect((await page.request.get(url, { timeout: 60_000 })).status()).toBe(200);
    await gotoReady(page, `/en/cases/${id}`);
    await expect(item.getByTestId('link-state')).toHaveText(/^open, opened \d\d:\d\d$/);
    await expect(page.getByLabel('Link for the customer')).toHaveCount(0);
    await expect(page.getByText(url)).toHaveCount(0);

    await item.getByRole('button', { name: /^Revoke/ }).focus();
    await page.keyboard.press('Enter');
    await expect(item.getByText('The customer will no longer be able to open this link. Revoke it?')).toBeVisible();
    await expect(item.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Link revoked.')).toBeVisible();
    await expect(item.getByTestId('link-state')).toHaveText('revoked');
    await expect(item.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    expect((await page.request.get(`/api/c/${token}/time`)).status()).toBe(410);
    await expectNoSeriousAxeViolations(page);
  });
}

test('staff paste command output: the parser\'s findings show at once, on the timeline with the raw text folded as text, and in the side-by-side panel', async ({ page }) => {
  const id = await createCase(page.request, { title: 'Customer sent curl output', ticketRef: ref('PASTE'), lang: 'en' });
  await gotoReady(page, `/en/cases/${id}`);
  const output = ['*   Trying 127.0.0.1:1...', '* connect to 127.0.0.1 port 1 from 127.0.0.1 port 50744 failed: Connection refused', "* Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server", '<b>not bold</b>'].join('\n');
  await page.getByLabel(/^Command output/).fill(output);
  await page.getByRole('button', { name: 'Read and save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. Found: TCP_REFUSED' })).toBeVisible();
  const entry = timeline(page).locator('[data-event-kind="evidence"]');
  await expect(entry).toContainText('Li Wei pasted command output');
  await expect(entry.getByTestId('findings')).toContainText('TCP_REFUSED');
  await expect(entry).toContainText('Tool: curl');
  const raw = entry.locator('details pre');
  await expect(raw).toBeHidden();
  await entry.getByText('Raw output').click();
  await expect(raw).toBeVisible();
  await expect(raw).toContainText('<b>not bold</b>');
  await expect(raw.locator('b')).toHaveCount(0);
  await expect(page.getByTestId('vantage-customer')).toContainText('Output pasted by Li Wei');
  await expect(page.getByTestId('vantage-customer')).toContainText('TCP_REFUSED');
  await expectNoSeriousAxeViolations(page);
});

test('verify later: schedule a verification in N minutes, see it pending with its due time, cancel it', async ({ page }) => {
  const port = await closedPort();
  const id = await createCase(page.request, { title: 'Service down, fix on its way', ticketRef: ref('LATER'), target: { host: '127.0.0.1', port }, lang: 'en' });
  const refused = await page.request.post(`/api/cases/${id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port }, headers: sameOrigin() });
  expect(((await refused.json()) as { code: string }).code).toBe('TCP_REFUSED');
  await gotoReady(page, `/en/cases/${id}`);
  const form = page.getByRole('form', { name: 'Verify later' });
  await expect(form.getByLabel('Verify in')).toHaveValue('15');
  await form.getByLabel('Verify in').selectOption('other');
  await form.getByLabel('Minutes (1–1440)').fill('45');
  await form.getByLabel('Minutes (1–1440)').press('Enter');
  await expect(page.getByText(/^Verification scheduled for \d\d:\d\d\.$/)).toBeVisible();
  const pending = page.getByTestId('pending-verifications').locator('li');
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText(/due \d\d:\d\d \(in 4[45] minutes\), scheduled by Li Wei/);
  await expect(timeline(page).locator('[data-event-kind="verify-scheduled"]')).toContainText(/Li Wei scheduled a verification for \d\d:\d\d/);
  await expectNoSeriousAxeViolations(page);

  await pending.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Cancelled.')).toBeVisible();
  await expect(page.getByTestId('pending-verifications')).toHaveCount(0);
  await expect(timeline(page).locator('[data-event-kind="verify-cancelled"]')).toContainText('Li Wei cancelled the scheduled verification');
});

test('the customer\'s answer and browser check show in the outcome, the timeline and both vantage points side by side, with the reading (1280 and 390)', async ({ page }) => {
  const listener = await openPort();
  try {
    const id = await createCase(page.request, { title: 'Works here, not for them', ticketRef: ref('BOTH'), target: { host: '127.0.0.1', port: listener.port }, lang: 'en' });
    const probed = await page.request.post(`/api/cases/${id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port: listener.port }, headers: sameOrigin() });
    expect(((await probed.json()) as { code: string }).code).toBe('TCP_OPEN');
    const sent = await page.request.post(`/api/cases/${id}/links`, { data: { slug: 'server-address-invalid', fixId: 'fill-in-server-address', lang: 'zh', resolveOnFixed: true }, headers: sameOrigin() });
    expect(sent.status()).toBe(201);
    const token = ((await sent.json()) as { url: string }).url.slice('/c/'.length);
    // Seeded through the customer's own endpoints, as the customer page sends them.
    const check = await page.request.post(`/api/c/${token}/browser-check`, {
      headers: sameOrigin(),
      data: {
        clock: { offsetMs: 1200, roundTripMs: 40 },
        client: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0', browser: 'Firefox 133', os: 'Windows 10', timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en'] },
        checks: [{ kind: 'https', url: `https://127.0.0.1:${listener.port}/`, outcome: 'failed', elapsedMs: 21_000 }],
      },
    });
    expect(check.status(), await check.text()).toBeLessThan(300);
    const answered = await page.request.post(`/api/c/${token}/feedback`, { headers: sameOrigin(), data: { outcome: 'fixed', comment: 'Works on the office Wi-Fi' } });
    expect(answered.status(), await answered.text()).toBeLessThan(300);

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await gotoReady(page, `/en/cases/${id}`);
      const outcome = page.getByTestId('case-outcome');
      await expect(outcome.locator('dd[data-outcome="fixed"]')).toContainText(/^fixed, \d\d:\d\d/);
      await expect(outcome).toContainText('Works on the office Wi-Fi');
      await expect(outcome.locator('dd[data-verified="none"]')).toHaveText('not checked');

      await expect(page.getByTestId('vantage-server')).toContainText('TCP_OPEN');
      await expect(page.getByTestId('vantage-server')).toContainText(/checked \d\d:\d\d by Li Wei/);
      await expect(page.getByTestId('vantage-customer')).toContainText('HTTPS failed after 21 s: something drops it silently');
      await expect(page.getByTestId('vantage-reading')).toHaveText("The server answers; something on the customer's network drops the connection.");

      const checkEntry = timeline(page).locator('[data-event-kind="browser-check"]');
      await expect(checkEntry).toContainText('The customer ran a check from their computer');
      await expect(checkEntry).toContainText('clock offset +1.2 s (round trip 40 ms)');
      await expect(checkEntry).toContainText('browser Firefox 133, system Windows 10, time zone Asia/Shanghai, languages zh-CN, en');
      await expect(checkEntry).toContainText(/Address Fixpath saw: 127\.0\.0\.1 \(IPv4\)/);
      await expect(timeline(page).locator('[data-event-kind="feedback"]')).toContainText('The customer said: fixed');
      await expect(timeline(page).locator('[data-event-kind="status"]')).toContainText('The customer said it is fixed: status changed from “open” to “resolved”');
      await expectNoSeriousAxeViolations(page);
    }
  } finally {
    await listener.close();
  }
});
