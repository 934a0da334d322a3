import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { gotoReady, SIGNED_OUT, sameOrigin } from './helpers';
import { openPort } from '../fixtures/probes/servers';

// Issue 11's story, from both sides at once: the agent (the signed-in administrator) sends one
// customer fix from a case; the customer, in a browser of their own with no cookies, opens it in
// Chinese, runs the check from their computer, pastes `curl -v` output and says it is fixed; the
// agent's case page shows all of it with times, and "Verify" shows before and after.

/** Real `curl -v` output against a closed loopback port (tests/fixtures/command-output says where it came from). */
const CURL_REFUSED = readFileSync(path.join(import.meta.dirname, '../fixtures/command-output/curl/linux-refused.txt'), 'utf8');

/** The timeline entry of one kind says when it happened. */
async function expectTimed(entry: Locator) {
  await expect(entry).toBeVisible();
  await expect(entry.locator('time[datetime]').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
}

test('the agent sends a fix from the case; the customer checks, pastes output and says fixed in Chinese; the case shows it all, and Verify shows before and after', async ({ browser, page: agent }) => {
  test.setTimeout(180_000);
  // The customer's server refuses connections until the "fix" (a listener on the same port).
  const spare = await openPort();
  const port = spare.port;
  await spare.close();

  const created = await agent.request.post('/api/cases', { data: { title: '客户端连不上服务器', ticketRef: `LOOP-${Date.now()}`, target: { host: '127.0.0.1', port }, lang: 'zh' }, headers: sameOrigin() });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const probed = await agent.request.post(`/api/cases/${id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port }, headers: sameOrigin() });
  expect(((await probed.json()) as { code: string }).code).toBe('TCP_REFUSED');

  // The agent sends the fix from the case page, in the customer's language (the case's: Chinese).
  await gotoReady(agent, `/en/cases/${id}`);
  const form = agent.getByRole('form', { name: 'Send to customer' });
  await expect(form.getByLabel("Customer's language")).toHaveValue('zh');
  await form.getByLabel('Fix', { exact: true }).selectOption('server-address-invalid#fill-in-server-address');
  await form.getByRole('button', { name: 'Create link' }).click();
  const shown = agent.getByLabel('Link for the customer');
  await expect(shown).toHaveValue(/\/c\/[A-Za-z0-9_-]{32}$/, { timeout: 30_000 });
  const url = await shown.inputValue();

  // The customer's own browser: no cookies, Chinese.
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  try {
    const customer = await context.newPage();
    await gotoReady(customer, url);
    await expect(customer.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(customer.getByRole('heading', { level: 1 })).toHaveText('填写正确的服务器地址');

    await customer.getByRole('button', { name: `检查，并测试连接 127.0.0.1:${port}` }).click();
    // Nothing listens yet: the browser is refused at once, which the page tells apart from a silent drop.
    await expect(customer.getByTestId('check-https')).toHaveAttribute('data-outcome', 'failed', { timeout: 40_000 });
    await expect(customer.getByTestId('check-results')).toContainText('结果已附到你的工单');

    await customer.getByLabel('命令输出').fill(CURL_REFUSED);
    await customer.getByRole('button', { name: '发送输出' }).click();
    await expect(customer.getByTestId('evidence-received').locator('li[data-code="TCP_REFUSED"]')).toBeVisible();

    // The service is started (the fix), and the customer says so.
    const fixed = await openPort(port);
    try {
      await customer.getByRole('radio', { name: '解决了，现在能连上' }).check();
      await customer.getByRole('button', { name: '发送回答' }).click();
      await expect(customer.getByTestId('feedback-received')).toContainText('解决了，现在能连上');

      // The agent's case page: every piece from the customer's side, each with its time.
      await gotoReady(agent, `/en/cases/${id}`);
      await expect(agent.getByTestId('case-outcome').locator('dd[data-outcome="fixed"]')).toContainText(/^fixed, \d\d:\d\d/);
      const timeline = agent.getByTestId('timeline');
      for (const kind of ['link-sent', 'link-opened', 'browser-check', 'evidence', 'feedback']) await expectTimed(timeline.locator(`[data-event-kind="${kind}"]`).first());
      await expect(timeline.locator('[data-event-kind="evidence"]').first()).toContainText('TCP_REFUSED');
      await expect(agent.getByTestId('vantage-server')).toContainText('TCP_REFUSED');
      await expect(agent.getByTestId('vantage-customer')).toContainText('TCP_REFUSED');

      // Verify: the check that failed runs again from the server; before and after side by side.
      await agent.getByRole('button', { name: 'Verify the fix' }).click();
      const results = agent.getByRole('status').getByTestId('verify-results');
      await expect(results.getByRole('columnheader')).toHaveText(['Check', 'Before', 'Now']);
      const row = results.getByRole('row').filter({ hasText: '127.0.0.1' });
      await expect(row.getByRole('cell').nth(0)).toContainText('TCP_REFUSED');
      await expect(row.getByRole('cell').nth(1)).toContainText('TCP_OPEN');
      await gotoReady(agent, `/en/cases/${id}`);
      await expect(agent.getByTestId('case-outcome').locator('dd[data-verified="true"]')).toBeVisible();
    } finally {
      await fixed.close();
    }
  } finally {
    await context.close();
  }
});
