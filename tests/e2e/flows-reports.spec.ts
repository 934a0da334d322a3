import { expect, test, type Page } from '@playwright/test';
import { currentStep } from './flow-helpers';
import { expectNoSeriousAxeViolations, gotoReady } from './helpers';

/** Runs 5 Whys in English to its report, with causes long enough to make the flow link about 1,500 characters. */
async function fiveWhysReport(page: Page): Promise<void> {
  await gotoReady(page, '/en/flows/five-whys');
  await page.getByLabel(/^Problem \(symptom\)/).fill('Clients in the Shanghai office cannot log in since 09:10; the login spins, then times out with "connection reset".');
  await page.getByRole('button', { name: 'Start asking why' }).click();
  const causes = [
    'The TLS handshake with api.example.com fails: the client reports CERT_HAS_EXPIRED for https://api.example.com/v1/session?redirect=%2Fdashboard%2Foverview&tenant=shanghai-office-01',
    'The server certificate expired on 2026-11-20 and the load balancer kept serving the old one after the renewal job failed silently',
    'Renewal was a manual task on a wiki page nobody owned after the platform team was reorganised in the spring',
  ];
  for (const [index, cause] of causes.entries()) {
    await page.getByLabel(/^Cause/).fill(cause);
    await page.getByRole('button', { name: index < causes.length - 1 ? 'Ask why again' : 'This is the root cause' }).click();
  }
  await page.getByLabel(/^Root cause/).fill('Certificate renewal is neither automated nor monitored | no owner');
  await page.getByRole('button', { name: 'Plan countermeasures' }).click();
  await page.getByRole('textbox', { name: 'Countermeasure' }).fill('Automate renewal with ACME and alert 21 days before expiry');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Ops team');
  await page.getByLabel('Due date').fill('2026-12-15');
  await page.getByRole('button', { name: 'Make the report' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'report');
}

for (const width of [1280, 390]) {
  test(`the 5 Whys print-out is a formatted report: no raw Markdown, long links wrap, nothing runs off the page (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await fiveWhysReport(page);
    const report = page.locator('[data-report-formatted]');
    await expect(report.getByRole('heading', { name: '5 Whys analysis' })).toBeVisible();
    await expect(report.locator('ol > li')).toHaveCount(3);
    await expect(report.getByRole('columnheader', { name: 'Countermeasure' })).toBeVisible();
    await expect(report.getByRole('cell', { name: 'Ops team' })).toBeVisible();
    const link = report.locator('a[data-shows-href]');
    expect((await link.getAttribute('href'))?.length ?? 0, 'the flow link is long').toBeGreaterThan(600);
    await expectNoSeriousAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    expect(printed).toContain('Why chain');
    expect(printed).toContain('Certificate renewal is neither automated nor monitored | no owner');
    // Markdown syntax never reaches paper: no heading marks, table pipes, bold or emphasis markers.
    expect(printed).not.toMatch(/^#{1,6} /m);
    expect(printed).not.toMatch(/^\|.*\|$/m);
    expect(printed).not.toMatch(/\*\*|\| --- \|/);
    await expect(page.locator('[data-report]')).toBeHidden();
    const overflow = await page.evaluate(() => {
      const article = document.querySelector('[data-report-formatted]') as HTMLElement;
      const right = article.getBoundingClientRect().right;
      const beyond = [...article.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > right + 1).map((element) => element.tagName);
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, beyond };
    });
    expect(overflow).toEqual({ page: 0, beyond: [] });
    await page.screenshot({ path: test.info().outputPath(`five-whys-print-${width}.png`), fullPage: true });
  });

  test(`the status update: Chinese words marked in the English text, the phase overridden, the text edited and copied as edited (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await gotoReady(page, '/en/flows/incident-response');
    await page.getByLabel('Affected service').fill('订单接口');
    await page.getByLabel('Started at (with time zone)').fill('14:05 UTC');
    await page.getByLabel('What customers see').fill('结账时一直转圈');
    await page.getByRole('button', { name: 'Confirm the scope' }).click();
    await page.getByRole('button', { name: 'All customers' }).click();
    await page.getByRole('button', { name: 'Not known yet' }).click();
    await page.getByRole('button', { name: 'Not possible yet' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'communicate');

    const english = page.getByLabel('English status update (editable)');
    await expect(english).toHaveValue(/^\[Investigating\] "订单接口" \(in Chinese, as reported\) disruption\nSince 14:05 UTC, all customers may see the following: "结账时一直转圈" \(in Chinese, as reported\)/);
    const marked = page.locator('[data-foreign-words="en"] q[lang="zh-CN"]');
    await expect(marked).toHaveText(['订单接口', '结账时一直转圈']);
    await expect(page.getByLabel('Chinese status update (editable)')).toHaveValue(/^【调查中】订单接口 服务异常/);
    await expect(page.locator('[data-foreign-words="zh"]')).toHaveCount(0);

    const phase = page.getByLabel('Phase');
    await expect(phase).toHaveValue('investigating');
    await expect(phase.locator('option:checked')).toHaveText('Investigating (from the answers)');
    await phase.selectOption('monitoring');
    await expect(english).toHaveValue(/^\[Restored, monitoring\] /);
    await expect(page.getByLabel('Chinese status update (editable)')).toHaveValue(/^【已恢复，观察中】/);

    const edited = '[Restored, monitoring] Order API disruption\nCheckout works again since 14:40 UTC.\n';
    await english.fill(edited);
    await page.getByRole('button', { name: 'Copy the English status update' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(edited);
    await expectNoSeriousAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
