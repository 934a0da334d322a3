import { expect, test, type Page } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { expectNoSeriousAxeViolations, gotoReady } from './helpers';

const targets = useLoopbackTargets();

/** The page has no horizontal scrollbar: nothing runs off the side. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const width of [1280, 390]) {
  test(`a hand-off on a case carries the target, the incident's service, start and symptom, and the evidence into 5 Whys, and links the runs (${width} px)`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 844 });
    const created = await page.request.post('/api/cases', { headers: { origin: baseURL ?? '' }, data: { title: `Checkout outage ${width}`, target: { host: '127.0.0.1', port: targets.closedPort }, lang: 'en' } });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;

    await gotoReady(page, `/en/flows/incident-response?case=${id}`);
    await expect(page.getByLabel('Server (host name or IP)')).toHaveValue('127.0.0.1');
    await page.getByLabel('Affected service').fill('Order API');
    await page.getByLabel('Started at (with time zone)').fill('14:05 UTC');
    await page.getByLabel('What customers see').fill('Checkout times out');
    await page.getByRole('button', { name: 'Confirm the scope' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'scope');
    await expect(page.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
    await page.getByRole('button', { name: 'All customers' }).click();
    await page.getByRole('button', { name: 'Not known yet' }).click();
    await page.getByRole('button', { name: 'Not possible yet' }).click();
    await page.getByRole('button', { name: 'Posted' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'toFiveWhys');
    await expect(page.getByRole('status').filter({ hasText: 'Saved to the case' })).toBeVisible();

    await page.getByRole('link', { name: 'Continue: 5 Whys root-cause analysis' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/flows/five-whys\\?case=${id}&h=`));
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    // Not a blank form: the problem is the incident's own words, the target is the case's.
    await expect(page.getByLabel(/^Problem \(symptom\)/)).toHaveValue('Order API: since 14:05 UTC, Checkout times out');
    await expect(page.getByLabel('Server (host name or IP)')).toHaveValue('127.0.0.1');
    await expect(page.getByLabel('Port')).toHaveValue(String(targets.closedPort));
    await expect(page.locator('[data-carried="problem"]')).toHaveText('Carried over from Incident response: the first 30 minutes; you can change it');
    const carried = page.getByRole('region', { name: 'Carried over from Incident response: the first 30 minutes' });
    await expect(carried.locator('[data-carried-evidence="TCP_REFUSED"]')).toContainText(`TCP 127.0.0.1:${targets.closedPort}`);
    await expect(carried).toContainText('On the case, this run continues the Incident response: the first 30 minutes run.');
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page);

    // The agent may change what was carried; the 5 Whys run starts on the same case, linked to the first.
    await page.getByLabel(/^Problem \(symptom\)/).fill('Order API: since 14:05 UTC, checkout times out for all customers');
    await page.getByRole('button', { name: 'Start asking why' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'why1');
    type Event = { kind: string; payload: Record<string, unknown> };
    const runs = async () => ((await (await page.request.get(`/api/cases/${id}`)).json()) as { timeline: Event[] }).timeline.filter((event) => event.kind === 'flow-run');
    await expect.poll(async () => (await runs()).length).toBe(2);
    const [first, second] = await runs();
    expect(first.payload.flowId).toBe('incident-response');
    expect(second.payload).toMatchObject({ flowId: 'five-whys', from: { runId: first.payload.runId, flowId: 'incident-response' } });

    // The case timeline says where the 5 Whys run came from, with the ending that handed over, and links to that run.
    const ending = ((await (await page.request.get(`/api/cases/${id}`)).json()) as { timeline: Event[] }).timeline.find((event) => event.kind === 'flow-end' && event.payload.runId === first.payload.runId);
    expect(ending?.payload.endingId).toBe('toFiveWhys');
    await gotoReady(page, `/en/cases/${id}`);
    const handedOver = page.locator(`[data-run-id="${String(second.payload.runId)}"] [data-handed-over-from="${String(first.payload.runId)}"]`);
    await expect(handedOver).toHaveText(`Handed over from Incident response: the first 30 minutes (${String(ending?.payload.title)})`);
    await expect(page.locator(`[data-run-id="${String(first.payload.runId)}"] [data-handed-over-from]`)).toHaveCount(0);
    await handedOver.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#run-${String(first.payload.runId)}$`));
    await expect(page.locator(`[id="run-${String(first.payload.runId)}"]`)).toBeFocused();
    await expect(page.locator(`[id="run-${String(first.payload.runId)}"] [data-run-id]`)).toContainText('Incident response: the first 30 minutes run by');
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page);
    await gotoReady(page, `/zh/cases/${id}`);
    await expect(page.locator(`[data-handed-over-from="${String(first.payload.runId)}"]`)).toHaveText(new RegExp(`^由.+（${String(ending?.payload.title)}）交接而来$`));
  });

  test(`an https:// URL answers "does the client expect TLS?": it is shown as implied and can be changed (${width} px)`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 844 });
    // The app itself is plain HTTP on loopback: a port that does not speak TLS.
    const port = new URL(baseURL ?? '').port;
    await gotoReady(page, '/en/flows/five-layer');
    await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
    await page.getByLabel('Port').fill(port);
    await page.getByLabel(/^URL/).fill(`https://127.0.0.1:${port}/en`);
    await page.getByRole('button', { name: 'Start checking' }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_server-address-invalid_fix-address-format');
    const path = page.getByRole('navigation', { name: 'Path so far' });
    const implied = path.locator('li[data-step="plainPort"]');
    await expect(implied).toContainText('The client expects TLS here');
    await expect(implied.locator('[data-implied]')).toHaveText('implied by https:// in the URL');
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousAxeViolations(page);

    await implied.getByRole('button', { name: /^Change step \d+: Port \d+ does not speak TLS/ }).click();
    await expect(currentStep(page)).toHaveAttribute('data-state', 'plainPort');
    await page.getByRole('button', { name: 'The client uses a plain connection' }).click();
    await expect(path.locator('li[data-step="plainPort"]')).toContainText('The client uses a plain connection');
    await expect(path.locator('li[data-step="plainPort"] [data-implied]')).toHaveCount(0);
  });
}

test('在中文界面里，https:// 推断出的答案同样标明来源', async ({ page, baseURL }) => {
  const port = new URL(baseURL ?? '').port;
  await gotoReady(page, '/zh/flows/five-layer');
  await page.getByLabel('服务器地址（主机名或 IP）').fill(`https://127.0.0.1:${port}/zh`);
  await page.getByLabel('服务器地址（主机名或 IP）').blur();
  await expect(page.getByLabel(/^网址/)).toHaveValue(`https://127.0.0.1:${port}/zh`);
  await page.getByRole('button', { name: '开始检测' }).click();
  await expect(page.locator('li[data-step="plainPort"] [data-implied]')).toHaveText('由网址里的 https:// 得出');
});
