import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, expectNoSeriousAxeViolations, gotoReady, SIGNED_OUT, sameOrigin } from './helpers';
import { openPort } from '../fixtures/probes/servers';

// Every test starts signed in as the administrator Li Wei (the `setup` project) and works on
// cases of its own, named by a run-unique ticket reference, so the tests can run in parallel.
const RUN = Date.now().toString(36);
let serial = 0;
const ref = (prefix: string) => `${prefix}-${RUN}-${++serial}`;

async function createCase(request: APIRequestContext, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await request.post('/api/cases', { data: body, headers: sameOrigin() });
  expect(response.status()).toBe(201);
  return response.json();
}

const timeline = (page: Page) => page.getByTestId('timeline');
const fact = (page: Page, label: string) => page.getByTestId('case-facts').locator(`dd[data-fact="${label}"]`);

test('a case from the form: found by ticket and by host, status changed, handed over and noted, each on the timeline', async ({ page }) => {
  const ticket = ref('E2E');
  const host = `srv-${RUN}-${serial}.example.test`;
  await gotoReady(page, '/en');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/\/en\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  await page.locator('summary', { hasText: 'New case' }).click();
  const form = page.getByRole('form', { name: 'New case' });
  await form.getByLabel('Title', { exact: true }).fill('Printer cannot reach the server');
  await form.getByLabel('Ticket reference').fill(ticket);
  await form.getByLabel('Ticket URL').fill(`https://tickets.example.com/${ticket}`);
  await form.getByLabel('Customer name').fill('ACME Printing');
  await form.getByLabel('Target host').fill(host.toUpperCase());
  await form.getByLabel('Port').fill('8443');
  await form.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/en\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(page.url()).pathname;

  await expect(page.getByRole('heading', { level: 1, name: 'Printer cannot reach the server' })).toBeVisible();
  await expect(fact(page, 'Ticket').getByRole('link', { name: ticket })).toHaveAttribute('href', `https://tickets.example.com/${ticket}`);
  await expect(fact(page, 'Server')).toHaveText(`${host}:8443`);
  await expect(fact(page, 'Customer name')).toHaveText('ACME Printing');
  await expect(fact(page, 'Assignee')).toHaveText('Li Wei');
  await expect(fact(page, 'Version')).toHaveText('1');
  await expect(timeline(page)).toContainText('Li Wei opened the case');

  // Found by ticket reference through the search form (the query lands in the URL), and by host.
  await gotoReady(page, '/en/cases');
  await page.getByLabel('Ticket, host or text').fill(ticket);
  await page.getByLabel('Ticket, host or text').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${ticket}`));
  const all = page.getByRole('region', { name: 'All matching cases' });
  await expect(all.getByRole('link', { name: 'Printer cannot reach the server' })).toHaveCount(1);
  await expect(all.getByRole('listitem')).toContainText([`${ticket}${host}:8443Li Wei`]);
  await gotoReady(page, `/en/cases?q=${host}`);
  await expect(page.getByRole('region', { name: 'All matching cases' }).getByRole('link', { name: 'Printer cannot reach the server' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'My cases' }).getByRole('link', { name: 'Printer cannot reach the server' })).toHaveCount(1);

  await gotoReady(page, caseUrl);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'waiting for the customer' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(timeline(page)).toContainText('Li Wei changed the status from “open” to “waiting for the customer”');
  await expect(fact(page, 'Version')).toHaveText('2');

  await page.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Nobody' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(timeline(page)).toContainText('Li Wei unassigned the case');
  await expect(fact(page, 'Assignee')).toHaveText('unassigned');
  await page.getByLabel('Assignee', { exact: true }).selectOption({ label: 'Li Wei' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(timeline(page)).toContainText('Li Wei handed the case to Li Wei');
  await expect(fact(page, 'Assignee')).toHaveText('Li Wei');

  await page.getByLabel('Note (internal only)').fill('Customer restarts the router at 15:00.\nCall back after.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();
  await expect(timeline(page).locator('[data-event-kind="note"] blockquote')).toHaveText('Customer restarts the router at 15:00.\nCall back after.');
  await expect(timeline(page).locator('[data-event-kind]')).toHaveCount(5);

  // Newest first is a link, so the order is kept in the URL.
  await page.getByRole('link', { name: 'Newest first' }).click();
  await expect(page).toHaveURL(/order=newest/);
  await expect(timeline(page).locator('[data-event-kind]').first()).toHaveAttribute('data-event-kind', 'note');

  // Waiting counts as open: the case is in "All open cases", with its status in words.
  await gotoReady(page, '/en/cases');
  const open = page.getByRole('region', { name: 'All open cases' }).getByRole('listitem').filter({ hasText: ticket });
  await expect(open).toContainText('waiting for the customer');
  await expect(open.locator('time')).toHaveText(/now|minute/);
});

test('a stale change is not lost: the page says someone else changed the case, shows what is current, and re-applies on request', async ({ page }) => {
  const ticket = ref('STALE');
  const created = await createCase(page.request, { title: 'Two people at once', ticketRef: ticket });
  await gotoReady(page, `/en/cases/${created.id}`);
  await expect(fact(page, 'Version')).toHaveText('1');

  // A colleague saves first, from another tab.
  const colleague = await page.request.patch(`/api/cases/${created.id}`, { data: { version: 1, status: 'waiting' }, headers: sameOrigin() });
  expect(colleague.status()).toBe(200);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'resolved' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = page.getByTestId('case-conflict');
  await expect(conflict).toContainText('Someone else just changed this case');
  await expect(conflict).toContainText('You were looking at version 1; it is now version 2.');
  await expect(conflict).toContainText('Now: waiting for the customer · Your change: resolved');
  await expect(conflict).toBeFocused();
  await expect(fact(page, 'Version')).toHaveText('2');

  await conflict.getByRole('button', { name: 'Apply my change to the latest version' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(fact(page, 'Version')).toHaveText('3');
  await expect(fact(page, 'Status')).toHaveText('resolved');
  await expect(timeline(page)).toContainText('Li Wei changed the status from “open” to “waiting for the customer”');
  await expect(timeline(page)).toContainText('Li Wei changed the status from “waiting for the customer” to “resolved”');
});

test.describe('in the viewer’s time zone', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('a probe run from the case shows as an evidence card with its time and who ran it', async ({ page }) => {
    const listener = await openPort();
    try {
      const created = await createCase(page.request, { title: 'Port check', ticketRef: ref('PROBE'), target: { host: '127.0.0.1', port: listener.port } });
      const probed = await page.request.post(`/api/cases/${created.id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port: listener.port }, headers: sameOrigin() });
      expect(probed.status()).toBe(201);
      const { ranAt, code } = (await probed.json()) as { ranAt: string; code: string };
      expect(code).toBe('TCP_OPEN');
      const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ranAt));

      for (const lang of ['en', 'zh'] as const) {
        await gotoReady(page, `/${lang}/cases/${created.id}`);
        const evidence = page.getByTestId('probe-evidence');
        await expect(evidence.locator('[data-evidence="TCP_OPEN"]')).toBeVisible();
        await expect(evidence).toContainText(lang === 'en' ? `checked ${clock} by Li Wei` : `${clock} 由 Li Wei 检测`);
        await expect(evidence.locator(`time[datetime="${ranAt}"]`)).toHaveText(clock);
      }
      await expect(timeline(page)).toContainText(`Li Wei 从 Fixpath 服务器检测了 127.0.0.1:${listener.port}`);
    } finally {
      await listener.close();
    }
  });
});

test('export: the Markdown download and the clipboard copy carry the ticket reference; JSON downloads too', async ({ page }) => {
  const ticket = ref('EXPORT');
  const created = await createCase(page.request, { title: 'Ticket-ready export', ticketRef: ticket, lang: 'en' });
  await gotoReady(page, `/en/cases/${created.id}`);

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toBe(`case-${ticket}.md`);
  const text = readFileSync(await markdown.path(), 'utf8');
  expect(text).toContain('## Fixpath case: Ticket-ready export');
  expect(text).toContain(`- Ticket: ${ticket}`);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
  expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toMatchObject({ id: created.id, ticketRef: ticket });

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: /Copy as Markdown/ })).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`- Ticket: ${ticket}`);
});

test('verify the fix: the probes that failed run again, before and after side by side, with the verdict', async ({ page }) => {
  const spare = await openPort();
  const port = spare.port;
  await spare.close();
  const created = await createCase(page.request, { title: 'Service was down', ticketRef: ref('VERIFY'), target: { host: '127.0.0.1', port } });
  const refused = await page.request.post(`/api/cases/${created.id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port }, headers: sameOrigin() });
  expect((await refused.json()).code).toBe('TCP_REFUSED');
  const fixed = await openPort(port);
  try {
    await gotoReady(page, `/en/cases/${created.id}`);
    await page.getByRole('button', { name: 'Verify the fix' }).click();
    await expect(page.getByText('Fixed: every check that failed before passes now.').first()).toBeVisible();
    // Side by side: the check's row holds the code before in the Before column and the code now in the Now column.
    const row = page.getByRole('status').getByTestId('verify-results').getByRole('row').filter({ hasText: `127.0.0.1` });
    await expect(page.getByRole('status').getByTestId('verify-results').getByRole('columnheader')).toHaveText(['Check', 'Before', 'Now']);
    await expect(row.getByRole('cell').nth(0)).toContainText('TCP_REFUSED');
    await expect(row.getByRole('cell').nth(1)).toContainText('TCP_OPEN');
    await expect(timeline(page).locator('[data-event-kind="verify"]')).toContainText('Li Wei verified the fix: fixed');
  } finally {
    await fixed.close();
  }
});

test('a flow run on the case shows as one entry: who ran which flow, from when to when, its steps and probes, and a link to reopen it', async ({ page }) => {
  const listener = await openPort();
  try {
    const created = await createCase(page.request, { title: 'Run on a case', ticketRef: ref('RUN'), target: { host: '127.0.0.1', port: listener.port } });
    const started = await page.request.post(`/api/cases/${created.id}/runs`, { data: { flowId: 'five-layer', lang: 'en' }, headers: sameOrigin() });
    expect(started.status()).toBe(201);
    const { runId } = (await started.json()) as { runId: string };
    const probe = await page.request.post(`/api/cases/${created.id}/probes?run=${runId}&state=tcp`, { data: { type: 'tcp', host: '127.0.0.1', port: listener.port }, headers: sameOrigin() });
    const { eventId } = (await probe.json()) as { eventId: number };
    const step = await page.request.post(`/api/cases/${created.id}/runs/${runId}/steps`, { data: { index: 0, kind: 'probe', stateId: 'tcp', title: 'Is the port open?', probeEventId: eventId }, headers: sameOrigin() });
    expect(step.status()).toBe(201);
    const end = await page.request.post(`/api/cases/${created.id}/runs/${runId}/end`, { data: { endingId: 'app-layer', title: 'The network path is fine' }, headers: sameOrigin() });
    expect(end.status()).toBe(201);

    await gotoReady(page, `/en/cases/${created.id}`);
    const run = page.getByTestId('flow-run');
    await expect(run).toHaveCount(1);
    await expect(run.locator('p').first()).toHaveText(/^Five-layer check: the client cannot connect run by Li Wei, \d\d:\d\d–\d\d:\d\d$/);
    await expect(run.getByRole('link', { name: 'Reopen this run' })).toHaveAttribute('href', `/en/flows/five-layer?case=${created.id}&run=${runId}`);
    await expect(run).toContainText('Is the port open?');
    await expect(run).toContainText('The network path is fine');
    await expect(run.locator('[data-evidence="TCP_OPEN"]')).toBeVisible();
    // The run's events are inside its entry, not repeated on the timeline.
    await expect(timeline(page).locator(':scope > li')).toHaveCount(2);
  } finally {
    await listener.close();
  }
});

test('More loads the next page of the list by its cursor and moves focus to the first new case', async ({ page }) => {
  const prefix = ref('MORE');
  for (let n = 1; n <= 21; n += 1) await createCase(page.request, { title: `Paged case ${n}`, ticketRef: `${prefix}-${n}` });
  await gotoReady(page, `/en/cases?q=${prefix}`);
  const all = page.getByRole('region', { name: 'All matching cases' });
  await expect(all.getByRole('listitem')).toHaveCount(20);
  await all.getByRole('button', { name: 'More' }).click();
  await expect(all.getByRole('listitem')).toHaveCount(21);
  await expect(all.getByRole('link', { name: 'Paged case 1', exact: true })).toBeFocused();
  await expect(all.getByRole('button', { name: 'More' })).toHaveCount(0);
});

test('the note form and the status change work from the keyboard alone', async ({ page }) => {
  const created = await createCase(page.request, { title: 'Keyboard only', ticketRef: ref('KEYS') });
  await gotoReady(page, `/zh/cases/${created.id}`);
  const focusIs = async (name: string) => page.evaluate((label) => (document.activeElement as HTMLElement | null)?.id === label, name);
  const tabTo = async (id: string) => {
    for (let presses = 0; presses < 60 && !(await focusIs(id)); presses += 1) await page.keyboard.press('Tab');
    expect(await focusIs(id), `Tab reaches #${id}`).toBe(true);
  };

  await tabTo('case-status-select');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#case-status-select')).toHaveValue('waiting');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(timeline(page)).toContainText('Li Wei 把状态从“处理中”改为“等待客户”');
  // The form starts afresh from the new version; focus stays where the person was.
  await expect(page.locator('#case-assign-save')).toBeFocused();

  await tabTo('case-note');
  await page.keyboard.type('从键盘添加的备注');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '添加备注' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(timeline(page).locator('[data-event-kind="note"] blockquote')).toHaveText('从键盘添加的备注');
  await expect(page.getByLabel('备注（仅内部可见）')).toBeFocused();
});

test('signed out, the case pages send you to sign in and back; unknown cases are a 404', async ({ browser, page }) => {
  const created = await createCase(page.request, { title: 'Behind sign-in', ticketRef: ref('SIGNIN') });
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const anonymous = await context.newPage();
  await anonymous.goto('/en/cases?q=T-1');
  await expect(anonymous).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fcases%3Fq%3DT-1$/);
  expect((await anonymous.request.get('/api/users')).status()).toBe(401);
  // A cookie that proves nothing gets past the proxy's quick look, but not past the page's own check.
  await context.addCookies([{ name: 'better-auth.session_token', value: 'forged.token', url: String(test.info().project.use.baseURL) }]);
  await anonymous.goto(`/en/cases/${created.id}`);
  await expect(anonymous).toHaveURL(new RegExp(`/en/sign-in\\?next=%2Fen%2Fcases%2F${created.id}$`));
  await expect(anonymous.getByText('Behind sign-in')).toHaveCount(0);
  // Signing in comes back to the case.
  await anonymous.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await anonymous.getByLabel('Email').fill(ADMIN.email);
  await anonymous.getByLabel('Password').fill(ADMIN.password);
  await anonymous.getByRole('button', { name: 'Sign in' }).click();
  await expect(anonymous).toHaveURL(new RegExp(`/en/cases/${created.id}$`));
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Behind sign-in' })).toBeVisible();
  await context.close();

  expect((await page.goto('/en/cases/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/zh/cases/not-a-case'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '找不到这个页面' })).toBeVisible();

  const users = await page.request.get('/api/users');
  expect(users.status()).toBe(200);
  expect((await users.json()).items).toContainEqual(expect.objectContaining({ name: 'Li Wei', email: 'li.wei@example.com', role: 'admin' }));
});

for (const [lang, width] of [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]] as const) {
  test(`/${lang}/cases and a case page have no serious or critical axe violations at ${width}px`, async ({ page }) => {
    const listener = await openPort();
    try {
      const created = await createCase(page.request, { title: 'Accessible case', ticketRef: ref('AXE'), ticketUrl: 'https://tickets.example.com/1', customerName: 'ACME', target: { host: '127.0.0.1', port: listener.port } });
      await page.request.post(`/api/cases/${created.id}/notes`, { data: { text: 'a note' }, headers: sameOrigin() });
      await page.request.post(`/api/cases/${created.id}/probes`, { data: { type: 'tcp', host: '127.0.0.1', port: listener.port }, headers: sameOrigin() });
      await page.request.patch(`/api/cases/${created.id}`, { data: { version: 1, status: 'waiting' }, headers: sameOrigin() });
      await page.setViewportSize({ width, height: 844 });
      await gotoReady(page, `/${lang}/cases`);
      await page.locator('summary').first().click();
      await expectNoSeriousAxeViolations(page);
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: test.info().outputPath(`cases-${lang}-${width}.png`), fullPage: true });
      await gotoReady(page, `/${lang}/cases/${created.id}`);
      for (const summary of await page.locator('details summary').all()) await summary.click();
      await expectNoSeriousAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: test.info().outputPath(`case-${lang}-${width}.png`), fullPage: true });
    } finally {
      await listener.close();
    }
  });
}
