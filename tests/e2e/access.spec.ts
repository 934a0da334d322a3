import { expect, test, type Page } from '@playwright/test';
import { ADMIN, expectNoSeriousAxeViolations, gotoReady, SIGNED_OUT } from './helpers';

/** Signs in as the administrator on the sign-in page the browser is on. */
async function signInHere(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('flows, cases and admin pages send a signed-out visitor to sign-in and back; articles stay public', async ({ page }) => {
    for (const [target, signIn] of [
      ['/zh/flows/five-layer', '/zh/sign-in'],
      ['/en/flows', '/en/sign-in'],
      ['/en/cases', '/en/sign-in'],
      ['/zh/admin/audit?kind=probe', '/zh/sign-in'],
    ]) {
      await page.goto(target);
      const url = new URL(page.url());
      expect(url.pathname, target).toBe(signIn);
      expect(url.searchParams.get('next'), target).toBe(target);
    }
    for (const open of ['/zh', '/en/articles/service-not-listening', '/en/fix/connection-triage?fix=collect-evidence&host=a.example.com', '/zh/sign-in']) {
      const response = await page.goto(open);
      expect(response?.status(), open).toBe(200);
      expect(new URL(page.url()).pathname, open).toBe(open.split('?')[0]);
    }
    const probe = await page.request.post('/api/probe', { data: { type: 'tcp', host: '127.0.0.1', port: 9 } });
    expect(probe.status()).toBe(401);
  });

  test('signing in from the redirect returns to the page asked for, never to another site', async ({ page }) => {
    for (const elsewhere of ['%2F%2Fevil.example%2F', '%2F%5Cevil.example%2F', 'https%3A%2F%2Fevil.example%2F']) {
      await page.context().clearCookies();
      await page.goto(`/en/sign-in?next=${elsewhere}`);
      await signInHere(page);
      await expect(page, decodeURIComponent(elsewhere)).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/en$/);
    }
    await page.context().clearCookies();
    await page.goto('/en/flows/five-layer?host=a.example.com');
    await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
    await signInHere(page);
    await expect(page).toHaveURL(/\/en\/flows\/five-layer\?host=a\.example\.com$/);
  });
});

test.describe('the audit log', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('an admin sees probes newest first in local time, filters by kind from the keyboard, axe-clean at 1280 and 390', async ({ page, baseURL }) => {
    await gotoReady(page, '/en');
    // A probe from the signed-in page: the session is the credential, and the audit records it.
    const port = new URL(baseURL ?? '').port;
    const status = await page.evaluate(async (target) => {
      const response = await fetch('/api/probe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: Number(target) }) });
      return response.status;
    }, port);
    expect(status).toBe(200);

    await page.setViewportSize({ width: 1280, height: 800 });
    const response = await gotoReady(page, '/en/admin/audit');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    await expect(firstRow).toContainText('probe');
    await expect(firstRow).toContainText(`tcp 127.0.0.1:${port} → TCP_OPEN (200)`);
    await expect(firstRow).toContainText('Li Wei');
    const time = firstRow.locator('time');
    const iso = await time.getAttribute('datetime');
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    await expect(time).toHaveAttribute('title', `${iso?.slice(0, 19).replace('T', ' ')} UTC`);
    const local = new Date(iso ?? '').toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    await expect(time).toHaveText(local);
    await expectNoSeriousAxeViolations(page);

    // Keyboard only: skip link, then the kind filter, choose sign-in, submit.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    const kind = page.getByLabel('Kind');
    for (let step = 0; step < 40 && !(await kind.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    await expect(kind).toBeFocused();
    await page.keyboard.type('sign-in');
    await expect(kind).toHaveValue('sign-in');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('User')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Filter' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]kind=sign-in/);
    const kinds = await page.getByRole('table').getByRole('row').locator('td:nth-child(2)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['sign-in']));

    await page.setViewportSize({ width: 390, height: 844 });
    await gotoReady(page, '/zh/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath('audit-phone.png'), fullPage: true });
  });
});
