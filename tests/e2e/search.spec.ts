import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

const javaTrace = `Exception in thread "main" javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)
\tat com.acme.client.Main.main(Main.java:42)
Caused by: sun.security.validator.ValidatorException: PKIX path building failed`;

function palette(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name });
  return { dialog, input: dialog.getByRole('combobox'), list: dialog.getByRole('listbox') };
}

/** Pastes text the way a browser does, line breaks included (an input would otherwise drop them). */
async function paste(input: Locator, text: string) {
  await input.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function hashTarget(page: Page) {
  const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
  expect(hash).not.toBe('');
  return page.locator(`[id="${hash}"]`);
}

test('Ctrl+K opens search on any page; a Chinese query finds fixes and Enter lands on the section', async ({ page }) => {
  await gotoReady(page, '/zh/articles/five-layer-model');
  await page.keyboard.press('Control+k');
  const { dialog, input, list } = palette(page, '搜索修复方法');
  await expect(dialog).toBeVisible();
  await expect(input).toBeFocused();
  await input.fill('证书过期了怎么办');
  const fixes = list.getByRole('group', { name: '修复方法' });
  await expect(fixes.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(fixes.getByRole('option').first().locator('mark').first()).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('条结果');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/zh\/articles\/tls-certificate-expired#[a-z-]+$/);
  await expect(await hashTarget(page)).toBeInViewport();
  await expect(dialog).toBeHidden();
});

test('/ opens search, arrow keys move through the results, Escape closes and gives focus back', async ({ page }) => {
  await gotoReady(page, '/en');
  const opener = page.getByRole('button', { name: 'Search fixes, errors and commands' });
  await opener.focus();
  await page.keyboard.press('/');
  const { dialog, input, list } = palette(page, 'Search fixes');
  await expect(input).toBeFocused();
  await input.pressSequentially('conection refused');
  const options = list.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? 'missing');
  await input.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(list.getByRole('group', { name: 'Articles' }).getByRole('option').first()).toContainText('Service not listening');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('Enter while a Chinese input method is composing does not open a result', async ({ page }) => {
  await gotoReady(page, '/zh');
  await page.keyboard.press('Control+k');
  const { input, list } = palette(page, '搜索修复方法');
  await input.fill('证书');
  await expect(list.getByRole('option').first()).toBeVisible();
  await input.dispatchEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true });
  await expect(page).toHaveURL(/\/zh$/);
  await expect(input).toBeVisible();
});

test('Tab stays inside the open search dialog', async ({ page }) => {
  await gotoReady(page, '/en');
  await page.keyboard.press('Control+k');
  const { dialog } = palette(page, 'Search fixes');
  await expect(dialog).toBeVisible();
  for (let press = 0; press < 6; press += 1) {
    await page.keyboard.press(press % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
});

/** A message of Fuse.js that survives minification, to tell its code in a script. */
const FUSE_MARK = "Incorrect 'index' type";

test('the index and Fuse.js load when search is first used, not with the page', async ({ page }) => {
  const requested: string[] = [];
  const scripts: Array<{ url: string; body: Promise<string> }> = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), body: response.text() });
  });
  await gotoReady(page, '/en/articles/dns-resolution-failure');
  await page.waitForLoadState('networkidle');
  expect(requested).not.toContain('/search-index.json');
  const withPage = scripts.length;
  expect(withPage).toBeGreaterThan(0);
  for (const script of scripts) expect(await script.body, `${script.url} ships Fuse.js with the page`).not.toContain(FUSE_MARK);
  await page.getByRole('button', { name: 'Search fixes, errors and commands' }).click();
  await expect.poll(() => requested.includes('/search-index.json')).toBe(true);
  await palette(page, 'Search fixes').input.fill('flush dns');
  await expect(palette(page, 'Search fixes').list.getByRole('option').first()).toContainText('Flush the local DNS cache');
  const loadedLater = await Promise.all(scripts.slice(withPage).map((script) => script.body));
  expect(loadedLater.some((body) => body.includes(FUSE_MARK)), 'Fuse.js arrives with the first search').toBe(true);
});

test('a pasted stack trace is reduced to what identifies it, and the best fix comes first', async ({ page }) => {
  await gotoReady(page, '/en');
  await page.keyboard.press('Control+k');
  const { dialog, input, list } = palette(page, 'Search fixes');
  await paste(input, javaTrace);
  await expect(dialog.getByText('Recognised in the pasted error:')).toBeVisible();
  await expect(dialog.locator('code', { hasText: 'SSLHandshakeException' })).toBeVisible();
  await expect(list.getByRole('group').first()).toHaveAccessibleName('Fixes');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/en\/articles\/tls-untrusted-chain#[a-z-]+$/);
  await expect(await hashTarget(page)).toBeInViewport();
});

test('both languages are searched and a result in the other language says so', async ({ page }) => {
  await gotoReady(page, '/en/articles/clock-skew');
  await page.keyboard.press('Control+k');
  const en = palette(page, 'Search fixes');
  await en.input.fill('证书过期');
  const option = en.list.getByRole('option').first();
  await expect(option).toContainText('Chinese');
  await expect(option.locator('[lang="zh"]').first()).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/zh\/articles\/tls-certificate-expired/);
});

test('recent searches come back when the palette opens empty', async ({ page }) => {
  await gotoReady(page, '/zh');
  await page.getByRole('button', { name: '描述问题，或粘贴报错信息…' }).click();
  const { input, list } = palette(page, '搜索修复方法');
  await input.fill('certbot renew');
  await expect(list.getByRole('option').first()).toBeVisible();
  await input.press('Enter');
  await expect(page).toHaveURL(/tls-certificate-expired#renew-certificate$/);
  await page.keyboard.press('Control+k');
  const recent = list.getByRole('group', { name: '最近的搜索' });
  await expect(recent.getByRole('option', { name: 'certbot renew' })).toBeVisible();
  await input.press('Enter');
  await expect(input).toHaveValue('certbot renew');
  await expect(list.getByRole('group', { name: '修复方法' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open palette with results has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await gotoReady(page, '/zh');
    await page.keyboard.press('Control+k');
    const { input, list } = palette(page, '搜索修复方法');
    await input.fill('NET::ERR_CERT_DATE_INVALID keeps spinning');
    await expect(list.getByRole('option').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
}
