import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { currentStep } from './flow-helpers';
import { gotoReady } from './helpers';

const widths = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

/** True when two boxes share any area. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** How far an element's content reaches past its own box, in pixels (0 when it fits). */
const overflowOf = (locator: Locator) => locator.evaluate((element) => element.scrollWidth - element.clientWidth);

for (const { name, viewport } of widths) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('a printed article shows every platform tab: Linux, Windows and macOS', async ({ page }) => {
      await gotoReady(page, '/en/articles/service-not-listening');
      const fix = page.locator('section[data-fix="check-listening"]');
      await fix.getByRole('tab', { name: 'Linux' }).first().click();
      await expect(fix.locator('[role="tabpanel"][data-platform="Windows"]').first()).toBeHidden();
      await page.emulateMedia({ media: 'print' });
      for (const platform of ['Linux', 'Windows', 'macOS']) {
        const panel = fix.locator(`[role="tabpanel"][data-platform="${platform}"]`).first();
        await expect(panel).toBeVisible();
        await expect(panel.locator('pre.shiki').first()).toBeVisible();
        // Each printed panel names its platform, since the tab strip is not printed.
        await expect(panel.getByText(platform, { exact: true })).toBeVisible();
      }
      await expect(fix.getByRole('tablist').first()).toBeHidden();
      await page.emulateMedia({ media: 'screen' });
      await expect(fix.locator('[role="tabpanel"][data-platform="Windows"]').first()).toBeHidden();
    });

    test('"Copy command" does not cover the code it copies', async ({ page }) => {
      await gotoReady(page, '/zh/articles/service-not-listening');
      const fix = page.locator('section[data-fix="check-listening"]');
      await fix.getByRole('tab', { name: 'Linux' }).first().click();
      const panel = fix.locator('[role="tabpanel"][data-platform="Linux"]').first();
      const blocks = panel.locator('pre.shiki');
      expect(await blocks.count()).toBeGreaterThan(0);
      for (const block of await blocks.all()) {
        const button = block.locator('xpath=..').getByRole('button', { name: '复制命令' });
        await expect(button).toBeVisible();
        const buttonBox = await button.boundingBox();
        // Every character of the first line, including the part scrolled out of the block's box.
        const firstLine = await block.locator('.line').first().evaluate((line) => {
          const range = document.createRange();
          range.selectNodeContents(line);
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x, y, width, height };
        });
        expect(buttonBox).not.toBeNull();
        expect(firstLine.width).toBeGreaterThan(0);
        expect(overlap(buttonBox!, firstLine)).toBe(false);
      }
      // The code scrolls inside its own box, which stays within the page.
      expect((await blocks.first().boundingBox())!.x + (await blocks.first().boundingBox())!.width).toBeLessThanOrEqual(viewport.width);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('long exception names stay inside the search palette', async ({ page }) => {
      await gotoReady(page, '/en/articles/five-layer-model');
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Search fixes' });
      const input = dialog.getByRole('combobox');
      await expect(input).toBeFocused();
      await input.fill('sun.security.provider.certpath.SunCertPathBuilderException java.security.cert.CertificateNotYetValidException');
      const options = dialog.getByRole('option');
      await expect(options.first()).toBeVisible();
      await expect(dialog.getByRole('listbox')).toContainText('Exception');
      expect(await overflowOf(dialog)).toBeLessThanOrEqual(0);
      expect(await overflowOf(dialog.getByRole('listbox'))).toBeLessThanOrEqual(0);
      for (const option of await options.all()) expect(await overflowOf(option)).toBeLessThanOrEqual(0);
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the copy buttons beside a flow command draw an SVG icon and keep their names', async ({ page }) => {
      // 127.0.0.2 is outside the probe allow-list of the test server, so the probe is refused
      // without any traffic and the flow falls back to checking by hand, with commands.
      await gotoReady(page, '/en/flows/five-layer');
      await page.getByLabel('Server (host name or IP)').fill('127.0.0.2');
      await page.getByLabel('Port').fill('443');
      await page.getByRole('button', { name: 'Start checking' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', /manual/i);
      const buttons = currentStep(page).getByRole('button', { name: /^Copy (the \w+ )?command$/ });
      expect(await buttons.count()).toBeGreaterThan(0);
      for (const button of await buttons.all()) {
        await expect(button.locator('svg[data-icon="copy"]')).toBeVisible();
        await expect(button).not.toContainText('⧉');
        expect(await overflowOf(button)).toBeLessThanOrEqual(0);
      }
      await buttons.first().click();
      await expect(buttons.first().getByRole('status')).toHaveText('Copied');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
