import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('an article renders in Chinese and in English, its contents listing each fix by title and anchor', async ({ page }) => {
  await gotoReady(page, '/zh/articles/service-not-listening');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务没有在监听端口');
  const zhFixes = [
    ['check-listening', '确认服务在监听哪个地址和端口'],
    ['start-service', '启动服务并查明它为什么停了'],
    ['fix-bind-address', '把监听地址从 127.0.0.1 改成对外地址'],
  ];
  const zhToc = page.getByRole('navigation', { name: '本文的修复方法' }).getByRole('link');
  await expect(zhToc).toHaveText(zhFixes.map(([, title]) => title));
  for (const [index, [id, title]] of zhFixes.entries()) {
    await expect(zhToc.nth(index)).toHaveAttribute('href', `#${id}`);
    await expect(page.locator(`section[data-fix="${id}"] h2#${id}`)).toContainText(title);
  }
  await expect(page.locator('section[data-fix]')).toHaveCount(zhFixes.length);
  // A markdown section keeps the id the lint and search know for it.
  await expect(page.locator('h2#为什么会这样')).toHaveText(/为什么会这样/);

  await gotoReady(page, '/en/articles/service-not-listening');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'How customers describe it' })).toBeVisible();
  const enToc = page.getByRole('navigation', { name: 'Fixes in this article' }).getByRole('link');
  await expect(enToc).toHaveText(['Check which address and port the service listens on', 'Start the service and find out why it stopped', 'Change the bind address from 127.0.0.1 to a reachable one']);
  await enToc.nth(1).click();
  await expect(page).toHaveURL(/#start-service$/);
  await expect(page.locator('h2#start-service')).toBeInViewport();
  await expect(page.locator('h2#why-this-happens')).toHaveText(/Why this happens/);
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
  await expect(tablist.getByRole('tab')).toHaveText(['Linux', 'Windows', 'macOS']);
  await tablist.getByRole('tab', { name: 'macOS' }).click();
  await expect(tablist.getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  // Keyboard: Home goes to the first platform, the arrows to the next one, and the panel follows.
  await tablist.getByRole('tab', { name: 'macOS' }).press('Home');
  await expect(tablist.getByRole('tab', { name: 'Linux' })).toBeFocused();
  await expect(tablist.getByRole('tab', { name: 'Linux' })).toHaveAttribute('aria-selected', 'true');
  await tablist.getByRole('tab', { name: 'Linux' }).press('ArrowRight');
  await expect(tablist.getByRole('tab', { name: 'Windows' })).toBeFocused();
  await expect(tablist.getByRole('tab', { name: 'Windows' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').filter({ visible: true }).first()).toHaveAttribute('data-platform', 'Windows');
  await tablist.getByRole('tab', { name: 'macOS' }).click();

  await gotoReady(page, '/en/articles/dns-resolution-failure');
  const next = page.getByRole('tablist').first();
  await expect(next.getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').filter({ visible: true }).first()).toHaveAttribute('data-platform', 'macOS');
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
  const transport = page.getByRole('region', { name: '传输层' });
  await expect(transport).toBeVisible();
  const article = transport.getByRole('link', { name: '服务没有在监听端口' });
  await expect(article).toHaveAttribute('href', '/zh/articles/service-not-listening');
  await article.click();
  await expect(page).toHaveURL(/\/zh\/articles\/service-not-listening$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务没有在监听端口');
});

for (const width of [1280, 390]) {
  test(`a long article puts the fixes and its flow within reach, on a phone too: errors beyond five fold away (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await gotoReady(page, '/en/articles/tls-untrusted-chain');
    const jump = page.getByRole('link', { name: /^Jump to the fixes \(\d+\)$/ });
    const run = page.getByRole('link', { name: 'Run the check: TLS handshake and certificates' });
    await expect(jump).toBeInViewport();
    await expect(run).toHaveAttribute('href', '/en/flows/tls-handshake');

    const errors = page.getByRole('region', { name: 'Error messages as pasted' });
    await expect(errors.locator('code').filter({ visible: true })).toHaveCount(5);
    const more = errors.getByText(/^Show \d+ more error messages$/);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(errors.locator('code').filter({ visible: true })).toHaveCount(36);

    await jump.click();
    await expect(page.getByRole('navigation', { name: 'Fixes in this article' })).toBeInViewport();

    await gotoReady(page, '/zh/articles/tls-untrusted-chain');
    await expect(page.getByRole('link', { name: /^直接看修复方法（\d+ 个）$/ })).toBeInViewport();
    await expect(page.getByRole('link', { name: /^运行检查：/ })).toHaveAttribute('href', '/zh/flows/tls-handshake');
  });
}
