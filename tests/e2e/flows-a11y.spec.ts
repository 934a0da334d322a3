import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useLoopbackTargets } from './flow-helpers';
import { gotoReady } from './helpers';

const targets = useLoopbackTargets();

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of ['/zh/flows', '/en/flows', '/zh/flows/five-layer', '/en/flows/five-whys', '/en/flows/incident-response']) {
    test(`${path} has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await gotoReady(page, path);
      if (/flows\/./.test(path)) await expect(page.locator('section[data-state]')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test(`a flow with evidence, errors, an ending and the open map has no serious axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await gotoReady(page, '/en/flows/five-layer');
    await page.getByRole('button', { name: 'Start checking' }).click();
    await expect(page.locator('[data-form-errors]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(targets.closedPort));
    await page.getByRole('button', { name: 'Start checking' }).click();
    await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
    await page.getByText('Flow map').click();
    await page.getByText('Raw JSON').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a flow runs from the keyboard alone: fields, submit, options by Tab or by number', async ({ page }) => {
  await gotoReady(page, '/en/flows/five-layer');
  const host = page.getByLabel('Server (host name or IP)');
  await host.focus();
  await page.keyboard.type('127.0.0.1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(targets.closedPort));
  await page.keyboard.press('Enter');
  await expect(page.locator('section[data-state]')).toHaveAttribute('data-state', 'portRefused');
  await expect(page.getByRole('heading', { level: 2, name: /Nothing listens on port/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'The client should use another port' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('section[data-state]')).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');

  await page.getByRole('navigation', { name: 'Path so far' }).getByRole('button', { name: /^Change step 3:/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('section[data-state]')).toHaveAttribute('data-state', 'portRefused');
  await page.keyboard.press('3');
  await expect(page.locator('section[data-state]')).toHaveAttribute('data-state', 'fix_service-not-listening_fix-bind-address');
});
