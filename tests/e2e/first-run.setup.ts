import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { ADMIN, adminStatePath, expectNoSeriousAxeViolations, gotoReady } from './helpers';

/** The setup code the server printed at start (playwright.config.ts tees its output to this file). */
function setupCodeFromLog(): string {
  const log = readFileSync(path.join(process.env.FIXPATH_E2E_DIR ?? '', 'server.log'), 'utf8');
  const match = /Fixpath setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) \(open \/setup to create the first admin\)/.exec(log);
  if (!match) throw new Error(`no setup code in the server log:\n${log}`);
  return match[1];
}

// First-run setup can happen once per server, so it is the `setup` project every other spec
// depends on: it tests the page, then leaves the administrator's session for the specs to use.
setup('first run: /setup with the code from the log creates the admin and signs them in', async ({ page }) => {
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
  await page.getByLabel('Name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('That setup code is not valid. Use the latest one the server printed.');

  await page.getByLabel('Setup code').fill(setupCodeFromLog());
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: setup.info().outputPath('signed-in-phone.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Setup is over: the page is gone.
  expect((await page.goto('/en/setup'))?.status()).toBe(404);

  await page.context().storageState({ path: adminStatePath() });
});
