import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

/** The setup code the server printed at start (playwright.config.ts tees its output to this file). */
function setupCodeFromLog(): string {
  const log = readFileSync(path.join(process.env.FIXPATH_E2E_DIR ?? '', 'server.log'), 'utf8');
  const match = /Fixpath setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) \(open \/setup to create the first admin\)/.exec(log);
  if (!match) throw new Error(`no setup code in the server log:\n${log}`);
  return match[1];
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

// One story on one server: setup can happen only once, so these run in order.
test.describe.configure({ mode: 'serial' });

test('first run: /setup with the code from the log creates the admin, who can sign out and back in from the keyboard', async ({ page }) => {
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/zh\/setup$/);
  await gotoReady(page, '/en/setup');
  await expect(page.getByRole('heading', { level: 1, name: 'First run: create the administrator' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoReady(page, '/zh/setup');
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoReady(page, '/en/setup');

  await page.getByLabel('Setup code').fill('AAAA-BBBB-CCCC');
  await page.getByLabel('Name').fill('Li Wei');
  await page.getByLabel('Email').fill('li.wei@example.com');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('That setup code is not valid. Use the latest one the server printed.');

  await page.getByLabel('Setup code').fill(setupCodeFromLog());
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByText('Signed in as Li Wei')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('signed-in-phone.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Setup is over: the page is gone.
  expect((await page.goto('/en/setup'))?.status()).toBe(404);

  await gotoReady(page, '/en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Signed in as Li Wei')).toHaveCount(0);

  // Back in, by keyboard only, in Chinese.
  await gotoReady(page, '/zh/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: '登录 Fixpath' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('邮箱')).toBeFocused();
  await page.keyboard.type('li.wei@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong password!');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('邮箱或密码不对，或者这个账号已停用。');
  await page.getByLabel('密码').fill('a long enough password');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh$/);
  await expect(page.getByText('已登录：Li Wei')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
});

for (const [lang, width] of [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]] as const) {
  test(`/${lang}/sign-in has no serious or critical axe violations at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await gotoReady(page, `/${lang}/sign-in`);
    await expect(page.getByTestId('account-status')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}
