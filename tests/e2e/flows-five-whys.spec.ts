import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { gotoReady } from './helpers';

const targets = useLoopbackTargets();


test('the 5 Whys report holds the whole chain, with probe evidence, root cause and countermeasures', async ({ page }) => {
  await gotoReady(page, '/en/flows/five-whys');
  await page.getByLabel('Problem (symptom)').fill('Clients in the Shanghai office cannot log in since 09:10');
  await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(targets.expiredTlsPort));
  await page.getByRole('button', { name: 'Start asking why' }).click();

  await expect(currentStep(page)).toHaveAttribute('data-state', 'why1');
  await page.getByLabel(/^Cause/).fill('The TLS handshake fails');
  await page.getByRole('button', { name: 'Attach a TLS probe' }).click();
  await expect(page.locator('[data-evidence="TLS_CERT_EXPIRED"]')).toBeVisible();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'why1');
  await expect(page.getByLabel(/^Cause/)).toHaveValue('The TLS handshake fails');
  await page.getByLabel('Confirmed').check();
  await page.getByRole('button', { name: 'Ask why again' }).click();

  await expect(currentStep(page)).toHaveAttribute('data-state', 'why2');
  await page.getByText('Common causes from the knowledge base').click();
  await page.getByRole('button', { name: 'The server certificate expired and was not renewed automatically' }).click();
  await expect(page.getByLabel(/^Cause/)).toHaveValue('The server certificate expired and was not renewed automatically');
  await page.getByRole('button', { name: 'Ask why again' }).click();

  await expect(currentStep(page)).toHaveAttribute('data-state', 'why3');
  await page.getByLabel(/^Cause/).fill('Renewal was a manual task nobody owned');
  await page.getByRole('button', { name: 'This is the root cause' }).click();

  await page.getByLabel(/^Root cause/).fill('Certificate renewal is not automated or monitored');
  await page.getByLabel('Confirmed').check();
  await page.getByRole('button', { name: 'Plan countermeasures' }).click();

  await page.getByRole('button', { name: 'Make the report' }).click();
  await expect(page.locator('[data-form-errors]')).toContainText('Countermeasures: Required.');
  await page.getByRole('textbox', { name: 'Countermeasure' }).fill('Automate renewal with ACME');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Ops team');
  await page.getByLabel('Due date').fill('2026-12-15');
  await page.getByRole('button', { name: 'Make the report' }).click();

  await expect(currentStep(page)).toHaveAttribute('data-state', 'report');
  // The report is shown formatted; its Markdown (what "Copy Markdown" copies) is folded below it.
  await expect(page.locator('[data-report-formatted] [data-why="3"]')).toContainText('Why 3: Renewal was a manual task nobody owned (Possible)');
  await page.getByText('Report (Markdown)', { exact: true }).click();
  const report = await page.locator('[data-report]').innerText();
  expect(report).toContain('**Problem:** Clients in the Shanghai office cannot log in since 09:10');
  expect(report).toContain('1. **Why 1:** The TLS handshake fails _(Confirmed)_');
  expect(report).toContain('Evidence (TLS): `TLS_CERT_EXPIRED`');
  expect(report).toContain('2. **Why 2:** The server certificate expired and was not renewed automatically _(Possible)_');
  expect(report).toContain('3. **Why 3:** Renewal was a manual task nobody owned _(Possible)_');
  expect(report).toContain('Certificate renewal is not automated or monitored _(Confirmed)_');
  expect(report).toContain('| Automate renewal with ACME | Ops team | 2026-12-15 |');

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trimEnd()).toBe(report.trimEnd());
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);
});
