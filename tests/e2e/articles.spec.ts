import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('an article renders in Chinese and in English with its fixes listed', async ({ page }) => {
  await gotoReady(page, '/zh/articles/service-not-listening');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const zhToc = page.getByRole('navigation', { name: '本文的修复方法' });
  await expect(zhToc.getByRole('link')).toHaveCount(await page.locator('section[data-fix]').count());
  await expect(page.locator('h2#check-listening')).toBeVisible();

  await gotoReady(page, '/en/articles/service-not-listening');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'How customers describe it' })).toBeVisible();
  await expect(page.locator('h2#check-listening')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Fixes in this article' }).getByRole('link').first()).toHaveAttribute('href', /^#/);
});

test('copy link puts the full URL with the fix anchor on the clipboard', async ({ page }) => {
  await gotoReady(page, '/en/articles/service-not-listening');
  await page.locator('h2#start-service').getByRole('button').click();
  await expect(page.locator('h2#start-service').getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL('/en/articles/service-not-listening#start-service', page.url()).href);
});

test('code blocks are highlighted on the server and copy their command', async ({ page }) => {
  await gotoReady(page, '/en/articles/service-not-listening');
  const fix = page.locator('section[data-fix="check-listening"]');
  // Choosing the tab first also waits for hydration, which may switch to the reader's platform.
  await fix.getByRole('tab', { name: 'Linux' }).first().click();
  const panel = fix.getByRole('tabpanel', { name: 'Linux' }).first();
  const block = panel.locator('pre.shiki').first();
  await expect(block.locator('span[style*="--shiki-light"]').first()).toBeAttached();
  await panel.getByRole('button', { name: 'Copy command' }).first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await block.innerText()).trim());
  expect(copied).toContain('ss -ltnp');
});

test('the platform tab chosen on one article is still chosen on the next', async ({ page }) => {
  await gotoReady(page, '/en/articles/service-not-listening');
  const tablist = page.getByRole('tablist').first();
  await tablist.getByRole('tab', { name: 'macOS' }).click();
  await expect(tablist.getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  // Keyboard: arrow keys move between platforms.
  await tablist.getByRole('tab', { name: 'macOS' }).press('Home');
  const first = await tablist.getByRole('tab').first().textContent();
  await expect(tablist.getByRole('tab').first()).toBeFocused();
  await tablist.getByRole('tab', { name: 'macOS' }).click();

  await gotoReady(page, '/en/articles/dns-resolution-failure');
  const next = page.getByRole('tablist').first();
  await expect(next.getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').filter({ visible: true }).first()).toHaveAttribute('data-platform', 'macOS');
  expect(first).toBeTruthy();
});

test('the language switch keeps the reader on the same page', async ({ page }) => {
  await gotoReady(page, '/zh/articles/tls-certificate-expired');
  await page.getByRole('link', { name: '切换到英文' }).click();
  await expect(page).toHaveURL(/\/en\/articles\/tls-certificate-expired$/);
  await page.getByRole('link', { name: 'Switch to Chinese' }).click();
  await expect(page).toHaveURL(/\/zh\/articles\/tls-certificate-expired$/);
});

test('unknown pages are real 404s in the right language', async ({ page }) => {
  let response = await page.goto('/zh/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();

  response = await page.goto('/en/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  response = await page.goto('/fr/articles/connection-triage');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Page not found')).toBeVisible();
  await expect(page.getByText('找不到这个页面')).toBeVisible();
});

test('/ opens the Chinese home page, which lists articles by layer', async ({ page }) => {
  await gotoReady(page, '/');
  await expect(page).toHaveURL(/\/zh$/);
  await expect(page.getByRole('heading', { name: '传输层' })).toBeVisible();
  await page.getByRole('link', { name: /./ }).filter({ has: page.locator(`[href="/zh/articles/service-not-listening"]`) }).count();
  await page.locator('a[href="/zh/articles/service-not-listening"]').first().click();
  await expect(page).toHaveURL(/\/zh\/articles\/service-not-listening$/);
});
