import { expect, test } from '@playwright/test';
import { ADMIN, expectNoSeriousAxeViolations, gotoReady, SIGNED_OUT } from './helpers';

// Signing out ends the session it belongs to: these tests sign in on their own, never with the shared one.
test.use({ storageState: SIGNED_OUT });

test('the administrator signs in from the keyboard, sees who they are, and signs out', async ({ page }) => {
  await gotoReady(page, '/en');
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toHaveCount(0);

  // By keyboard only, in Chinese.
  await gotoReady(page, '/zh/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: '登录 Fixpath' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('邮箱')).toBeFocused();
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong password!');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('邮箱或密码不对，或者这个账号已停用。');
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh$/);
  await expect(page.getByText(`已登录：${ADMIN.name}`)).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录', exact: true })).toBeVisible();
  await expect(page.getByText(`已登录：${ADMIN.name}`)).toHaveCount(0);
});

for (const [lang, width] of [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]] as const) {
  test(`/${lang}/sign-in has no serious or critical axe violations at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await gotoReady(page, `/${lang}/sign-in`);
    await expect(page.getByTestId('account-status')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}
