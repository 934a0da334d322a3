import { expect, test, type Page } from '@playwright/test';
import { currentStep, useLoopbackTargets } from './flow-helpers';
import { ADMIN, expectNoSeriousAxeViolations, gotoReady } from './helpers';

const targets = useLoopbackTargets();

interface TimelineEvent {
  id: number;
  kind: string;
  actor: string;
  payload: Record<string, unknown> & { result?: { code: string } };
}

/** A new case through the API, as the signed-in administrator, targeting the loopback TLS server. */
async function createCase(page: Page, base: string, title: string): Promise<string> {
  // A session cookie on a state-changing call needs the site's own Origin.
  const response = await page.request.post('/api/cases', { headers: { origin: base }, data: { title, ticketRef: 'T-4711', target: { host: '127.0.0.1', port: targets.expiredTlsPort }, lang: 'en' } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function timelineOf(page: Page, id: string): Promise<TimelineEvent[]> {
  const response = await page.request.get(`/api/cases/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { timeline: TimelineEvent[] }).timeline;
}

const ENDING = 'fix_tls-certificate-expired_renew-certificate';

test('a flow run from a case is stored on it, reopens with who checked what and when, and re-checks through the case', async ({ page, baseURL }) => {
  const id = await createCase(page, baseURL ?? '', 'Printer cannot reach the API');
  const probeCalls: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/(probe|cases\/[^/]+\/probes)/.test(request.url())) probeCalls.push(new URL(request.url()).pathname);
  });

  await gotoReady(page, `/en/flows/five-layer?case=${id}`);
  const banner = page.getByRole('region', { name: 'Case: Printer cannot reach the API' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Ticket T-4711');
  await expect(banner.getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `/en/cases/${id}`);
  // The case's target fills the form.
  await expect(page.getByLabel('Server (host name or IP)')).toHaveValue('127.0.0.1');
  await expect(page.getByLabel('Port')).toHaveValue(String(targets.expiredTlsPort));
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', ENDING);
  await expect(page.locator('[data-evidence="TLS_CERT_EXPIRED"]')).toBeVisible();
  expect(probeCalls.every((path) => path === `/api/cases/${id}/probes`), probeCalls.join(',')).toBe(true);
  await expect(banner.getByRole('status')).toHaveText('Saved to the case');

  // What the server stored: the run, each step, the probes it ran (with run and state), the ending.
  let timeline: TimelineEvent[] = [];
  await expect.poll(async () => (timeline = await timelineOf(page, id)).map((event) => event.kind)).toEqual(['created', 'flow-run', 'flow-step', 'probe', 'flow-step', 'probe', 'flow-step', 'flow-end']);
  const runId = timeline[1].payload.runId as string;
  expect(timeline[1].payload).toEqual({ runId, flowId: 'five-layer', lang: 'en' });
  expect(timeline[2].payload).toMatchObject({ runId, kind: 'submit', stateId: 'target', answer: { host: '127.0.0.1', port: String(targets.expiredTlsPort) } });
  const probes = timeline.filter((event) => event.kind === 'probe');
  expect(probes.map((event) => [event.payload.runId, event.payload.stateId, event.payload.result?.code])).toEqual([
    [runId, 'tcpProbe', 'TCP_OPEN'],
    [runId, 'tlsProbe', 'TLS_CERT_EXPIRED'],
  ]);
  expect([timeline[4].payload.probeEventId, timeline[6].payload.probeEventId]).toEqual(probes.map((event) => event.id));
  expect(timeline[7].payload).toMatchObject({ runId, endingId: ENDING });
  await expect(page).toHaveURL(new RegExp(`[?&]run=${runId}`));

  // Reopened from the case: the same ending and evidence, with when and who, and no probe runs.
  probeCalls.length = 0;
  await gotoReady(page, `/en/flows/five-layer?case=${id}&run=${runId}`);
  await expect(currentStep(page)).toHaveAttribute('data-state', ENDING);
  const tls = page.locator('[data-evidence="TLS_CERT_EXPIRED"]');
  await expect(tls).toContainText(new RegExp(`checked \\d{2}:\\d{2} by ${ADMIN.name}`));
  await expect(tls.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  await expect(page.locator('[data-evidence="TCP_OPEN"]')).toContainText(`by ${ADMIN.name}`);
  expect(probeCalls).toEqual([]);
  expect((await timelineOf(page, id)).length, 'reopening records nothing').toBe(timeline.length);

  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('case-run-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Re-check all: through the case, old against new.
  await page.getByRole('button', { name: 'Re-check all' }).click();
  const results = page.locator('[data-recheck]');
  await expect(results).toHaveCount(2);
  await expect(results.nth(1)).toContainText('Before: TLS_CERT_EXPIRED');
  await expect(results.nth(1)).toContainText('Now: TLS_CERT_EXPIRED');
  await expect(results.nth(1)).toContainText(new RegExp(`checked \\d{2}:\\d{2} by ${ADMIN.name}`));
  expect(probeCalls).toEqual([`/api/cases/${id}/probes`, `/api/cases/${id}/probes`]);
  const after = await timelineOf(page, id);
  expect(after.filter((event) => event.kind === 'probe').map((event) => [event.payload.runId, event.payload.stateId])).toEqual([
    [runId, 'tcpProbe'],
    [runId, 'tlsProbe'],
    [runId, 'tcpProbe'],
    [runId, 'tlsProbe'],
  ]);
  await expectNoSeriousAxeViolations(page);
});

test('a flow run without a case is saved to a new one, its probes re-checked by the server', async ({ page }) => {
  await gotoReady(page, '/en/flows/five-layer');
  await page.getByLabel('Server (host name or IP)').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(targets.closedPort));
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'portRefused');

  await page.getByRole('button', { name: 'Save to case' }).click();
  await expect(page.getByText('Probes already run are re-checked by the server when saved')).toBeVisible();
  await page.getByLabel('Save to which case').selectOption({ label: `New case: 127.0.0.1:${targets.closedPort}` });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved to the case “127.0.0.1:${targets.closedPort}”`)).toBeVisible();
  const banner = page.getByRole('region', { name: `Case: 127.0.0.1:${targets.closedPort}` });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('status')).toHaveText('Saved to the case');
  // The case joins the address once the run has an id; wait for it rather than read it at once.
  await expect(page).toHaveURL(/[?&]case=[0-9a-f-]{36}(&|$)/);
  const id = new URL(page.url()).searchParams.get('case') ?? '';

  await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_service-not-listening_start-service');
  await expect.poll(async () => (await timelineOf(page, id)).map((event) => event.kind)).toEqual(['created', 'flow-run', 'probe', 'flow-step', 'flow-step', 'flow-step', 'flow-end']);
  const timeline = await timelineOf(page, id);
  // The probe comes first: saving re-ran it on the server before the steps that use it were recorded.
  expect(timeline[2].payload.result?.code, 'the server ran the probe again when saved').toBe('TCP_REFUSED');
  expect(timeline[4].payload).toMatchObject({ kind: 'probe', probeEventId: timeline[2].id });
});

test('an answer the URL implied stays implied: reopened from the case and on its timeline, as the live run showed it', async ({ page, baseURL }) => {
  // The app itself is plain HTTP on loopback: a port that does not speak TLS, asked for with https://.
  const port = new URL(baseURL ?? '').port;
  const created = await page.request.post('/api/cases', {
    headers: { origin: baseURL ?? '' },
    data: { title: 'Portal says the connection is not secure', target: { host: '127.0.0.1', port: Number(port), url: `https://127.0.0.1:${port}/en` }, lang: 'en' },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;

  await gotoReady(page, `/en/flows/five-layer?case=${id}`);
  await expect(page.getByLabel(/^URL/)).toHaveValue(`https://127.0.0.1:${port}/en`);
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_server-address-invalid_fix-address-format');
  const live = page.getByRole('navigation', { name: 'Path so far' }).locator('li[data-step="plainPort"]');
  await expect(live.locator('[data-implied]')).toHaveText('implied by https:// in the URL');
  const liveText = await live.innerText();
  await expect(page.getByRole('region', { name: 'Case: Portal says the connection is not secure' }).getByRole('status')).toHaveText('Saved to the case');
  await expect.poll(async () => (await timelineOf(page, id)).some((event) => event.kind === 'flow-end')).toBe(true);
  const timeline = await timelineOf(page, id);
  const step = timeline.find((event) => event.kind === 'flow-step' && event.payload.stateId === 'plainPort');
  expect(step?.payload).toMatchObject({ kind: 'answer', answer: 'expects-tls', implied: 'implied by https:// in the URL' });
  const runId = String(step?.payload.runId);

  // Reopened from the case: the same step, said the same way, not as the agent's own answer.
  await gotoReady(page, `/en/flows/five-layer?case=${id}&run=${runId}`);
  await expect(currentStep(page)).toHaveAttribute('data-state', 'fix_server-address-invalid_fix-address-format');
  const reopened = page.getByRole('navigation', { name: 'Path so far' }).locator('li[data-step="plainPort"]');
  await expect(reopened.locator('[data-implied]')).toHaveText('implied by https:// in the URL');
  expect(await reopened.innerText()).toBe(liveText);

  // The case timeline marks the step the same way.
  await gotoReady(page, `/en/cases/${id}`);
  const run = page.locator(`[data-run-id="${runId}"]`);
  const steps = run.locator('li[data-event-kind="flow-step"]');
  await expect(steps.locator('[data-implied]')).toHaveCount(1);
  await expect(steps.filter({ has: page.locator('[data-implied]') })).toContainText('implied by https:// in the URL');
  await expectNoSeriousAxeViolations(page);
});
