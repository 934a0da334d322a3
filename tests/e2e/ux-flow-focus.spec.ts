import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { currentStep, linkSteps, useLoopbackTargets } from './flow-helpers';
import { gotoReady } from './helpers';

const targets = useLoopbackTargets();

const widths = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

/** The element that has focus, described well enough to compare. */
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName, name: document.activeElement?.getAttribute('name') }));

/** Starts recording, for each focus event, the focused element's tag and text. */
const recordFocus = (page: Page) =>
  page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { focusLog: string[] }).focusLog = log;
    document.addEventListener('focusin', (event) => log.push(`${(event.target as HTMLElement).tagName}:${(event.target as HTMLElement).innerText}`));
  });
const focusEvents = (page: Page) => page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog);

for (const { name, viewport } of widths) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('after a probe the next question scrolls into view and its heading takes focus', async ({ page }) => {
      await gotoReady(page, '/en/flows/five-layer');
      await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
      await page.getByLabel('Port').fill(String(targets.closedPort));
      // Screen readers announce a focus event. After a probe the heading already had focus from
      // the probe step, and focusing it again fires none: record what each focus event landed on.
      await recordFocus(page);
      await page.getByRole('button', { name: 'Start checking' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
      const heading = page.getByRole('heading', { level: 2, name: /Nothing listens on port/ });
      await expect(heading).toBeFocused();
      await expect(heading).toBeInViewport();
      await expect.poll(() => focusEvents(page)).toContainEqual(expect.stringMatching(/^H2:Nothing listens on port/));
      await expect(page.locator('#current-heading')).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'The service is stopped or crashed' })).toBeInViewport();

      // The same from a question to the fix: focused, announced and on screen.
      await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');
      await expect(page.locator('#current-heading')).toBeFocused();
      await expect(page.locator('#current-heading')).toBeInViewport();
      const fixTitle = await page.locator('#current-heading').innerText();
      await expect.poll(() => focusEvents(page)).toContain(`H2:${fixTitle}`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a flow that starts with the server field focuses it on load; others and links do not', async ({ page }) => {
      await gotoReady(page, '/zh/flows/five-layer');
      await expect(page.getByLabel('服务器地址（主机名或 IP）')).toBeFocused();
      expect(await focused(page)).toMatchObject({ tag: 'INPUT', name: 'host' });
      expect(await seriousViolations(page)).toEqual([]);

      // The 5 Whys starts with the problem, not the server: nothing is focused for staff.
      await gotoReady(page, '/zh/flows/five-whys');
      expect((await focused(page)).tag).toBe('BODY');

      // A link restores a path that is past the first step.
      await gotoReady(page, '/zh/flows/five-layer');
      await page.getByLabel('服务器地址（主机名或 IP）').fill('127.0.0.1');
      await page.getByLabel('端口').fill(String(targets.closedPort));
      await page.getByRole('button', { name: '开始检测' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
      // The address is written just after the step shows; an earlier one also has `p=` (the target alone).
      await expect.poll(() => linkSteps(page, 'five-layer')).toEqual(['submit:target', 'probe:tcpProbe']);
      await gotoReady(page, page.url());
      await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
      expect((await focused(page)).tag).toBe('BODY');
    });

    test('a probe step in the path says 重新检测 and re-runs the probe', async ({ page }) => {
      await gotoReady(page, '/zh/flows/five-layer');
      await page.getByLabel('服务器地址（主机名或 IP）').fill('127.0.0.1');
      await page.getByLabel('端口').fill(String(targets.closedPort));
      await page.getByRole('button', { name: '开始检测' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
      const path = page.getByRole('navigation', { name: '已走过的步骤' });
      const items = path.getByRole('listitem');
      await expect(items).toHaveCount(2);
      // The form step is changed; the probe step is run again.
      await expect(items.nth(0).getByRole('button')).toHaveText('修改');
      await expect(items.nth(0).getByRole('button')).toHaveAccessibleName(/^修改第 1 步：/);
      const rerun = items.nth(1).getByRole('button', { name: /^重新检测第 2 步：/ });
      await expect(rerun).toHaveText('重新检测');
      await expect(path.getByRole('button', { name: /^修改第 2 步/ })).toHaveCount(0);
      await rerun.click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');
      await expect(items).toHaveCount(2);
      await expect(items.nth(1).locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the 5 Whys path shows attached evidence, no button labels, and the step counter does not jump', async ({ page }) => {
      await gotoReady(page, '/en/flows/five-whys');
      await page.getByLabel('Problem (symptom)').fill('Clients cannot log in');
      await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
      await page.getByLabel('Port').fill(String(targets.expiredTlsPort));
      await page.getByRole('button', { name: 'Start asking why' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'why1');
      await expect(currentStep(page)).toContainText('Step 2');

      await page.getByLabel(/^Cause/).fill('The TLS handshake fails');
      await page.getByRole('button', { name: 'Attach a TLS probe' }).click();
      const path = page.getByRole('navigation', { name: 'Path so far' });
      await expect(path.locator('[data-evidence="TLS_CERT_EXPIRED"]')).toBeVisible();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'why1');
      // Attaching evidence keeps staff on step 2; the evidence is labelled as step 2's.
      await expect(currentStep(page)).toContainText('Step 2');
      await expect(currentStep(page)).not.toContainText('Step 4');
      await expect(path).not.toContainText('Attach a');
      await expect(path).not.toContainText('|');
      await expect(path.getByRole('listitem')).toHaveCount(2);
      await expect(path.getByRole('listitem').nth(1)).toContainText('Evidence for step 2');
      await expect(path.getByRole('button', { name: /^Re-run step 2:/ })).toHaveText('Re-run');

      await page.getByRole('button', { name: 'Ask why again' }).click();
      await expect(currentStep(page)).toHaveAttribute('data-state', 'why2');
      await expect(currentStep(page)).toContainText('Step 3');
      await expect(path.getByRole('button', { name: /^Change step 2:/ })).toHaveText('Change');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
