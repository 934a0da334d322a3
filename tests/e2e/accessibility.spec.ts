import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = ['/zh', '/en', '/zh/articles/tls-certificate-expired', '/en/articles/service-not-listening', '/en/fix/connection-triage?fix=collect-evidence&host=a.example.com'];

for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  }
}

test('the article page works from the keyboard: skip link, then the first fix link', async ({ page }) => {
  await page.goto('/en/articles/service-not-listening');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
