import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test("a fix link shows just that fix with the customer's host and port in every command", async ({ page }) => {
  await gotoReady(page, '/en/fix/connection-triage?fix=collect-evidence&host=api.example.net&port=8443');
  await expect(page.locator('section[data-fix]')).toHaveCount(1);
  await expect(page.getByText('For the server api.example.net:8443')).toBeVisible();
  const commands = await page.locator('section[data-fix="collect-evidence"] pre').allInnerTexts();
  expect(commands.join('\n')).toContain('8443');
  expect(commands.join('\n')).not.toContain('{{');
});

test('a fix link reads the host as the flows and the probe API do: canonical, IPv6 bracketed before the port', async ({ page }) => {
  await gotoReady(page, '/en/fix/connection-triage?fix=collect-evidence&host=API.Example.NET.&port=8443');
  await expect(page.getByText('For the server api.example.net:8443')).toBeVisible();
  await gotoReady(page, '/en/fix/connection-triage?fix=collect-evidence&host=%5B2001%3Adb8%3A%3A1%5D&port=8443');
  await expect(page.getByText('For the server [2001:db8::1]:8443')).toBeVisible();
});

test('a fix link never renders query values as HTML and says which ones it ignored', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (dialog) => {
    alerted = true;
    await dialog.dismiss();
  });
  await gotoReady(page, '/en/fix/connection-triage?fix=collect-evidence&host=%3Cscript%3Ealert(1)%3C%2Fscript%3E&port=70000');
  await expect(page.getByText('The server address "<script>alert(1)</script>" in the link is not valid')).toBeVisible();
  await expect(page.getByText('The port "70000" in the link is not valid')).toBeVisible();
  expect(await page.locator('main script').count()).toBe(0);
  expect(alerted).toBe(false);
  expect((await page.locator('section[data-fix] pre').allInnerTexts()).join('\n')).toContain('443');
});

test('the share button under a customer fix copies the customer link; a staff fix has none', async ({ page }) => {
  await gotoReady(page, '/en/articles/dns-resolution-failure');
  await expect(page.locator('section[data-fix="check-resolution"]').getByText('For support staff; not sent to customers.')).toBeVisible();
  await expect(page.locator('section[data-fix="check-resolution"]').getByText('Share with customer')).toHaveCount(0);
  const fix = page.locator('section[data-fix="flush-dns-cache"]');
  await fix.getByText('Share with customer').click();
  await fix.getByLabel("Customer's server").fill('db.example.org');
  await fix.getByLabel('Port').fill('5432');
  await fix.getByRole('button', { name: 'Copy customer link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL('/en/fix/dns-resolution-failure?fix=flush-dns-cache&host=db.example.org&port=5432', page.url()).href);
  await page.goto(copied);
  await expect(page.locator('section[data-fix="flush-dns-cache"]')).toBeVisible();
});

test('a fix link to a staff fix shows the customer fixes instead and says why', async ({ page }) => {
  await gotoReady(page, '/en/fix/dns-resolution-failure?fix=check-resolution&host=db.example.org');
  await expect(page.getByText('The link names a step our support staff carry out, so it is not shown here')).toBeVisible();
  await expect(page.locator('section[data-fix="check-resolution"]')).toHaveCount(0);
  await expect(page.locator('section[data-fix="flush-dns-cache"]')).toBeVisible();
});

test('a fix link says which values it filled in and marks every example the customer must replace', async ({ page }) => {
  await gotoReady(page, '/en/fix/connection-triage?fix=collect-evidence');
  const fix = page.locator('section[data-fix="collect-evidence"]');
  const replace = page.getByTestId('filled-values');
  await expect(replace.getByText('Before running them, replace the example values marked in the commands:')).toBeVisible();
  await expect(replace.getByText('the port number the client uses to connect to the server', { exact: false })).toBeVisible();
  await expect(fix.locator('pre mark[data-placeholder="port"]').first()).toHaveText('443');
  await expect(page.getByText('Already filled in the commands:')).toHaveCount(0);

  await gotoReady(page, '/zh/fix/connection-triage?fix=collect-evidence&port=8443');
  await expect(page.getByTestId('filled-values').getByText('命令里已经填好：')).toBeVisible();
  await expect(page.getByTestId('filled-values').getByText('8443')).toBeVisible();
  await expect(page.locator('section[data-fix="collect-evidence"] pre mark[data-placeholder="port"]')).toHaveCount(0);
  expect((await page.locator('section[data-fix="collect-evidence"] pre').allInnerTexts()).join('\n')).toContain('8443');
});
