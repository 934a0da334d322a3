import { createServer, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { freshClone, removeClone, startApp, type AppProcess } from './app-process';

const PORT = Number(process.env.FRESH_CLONE_PORT ?? 3190);
// The flow probes a listener of this test's own; the default target policy refuses loopback.
const ENV = { PROBE_ALLOW: '127.0.0.1/32' };

let clone = '';
let app: AppProcess | undefined;
let target: Server;

test.beforeAll(async () => {
  clone = freshClone();
  target = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await app?.stop();
  target.close();
  if (clone) removeClone(clone);
});

function setupCode(log: string): string {
  const match = /Fixpath setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(log);
  if (!match) throw new Error(`no setup code in the server log:\n${log}`);
  return match[1];
}

test('fresh clone: npm start, first-run setup, a case, the five-layer flow from it; a restart keeps it all', async ({ page }) => {
  app = await startApp(clone, ['npm', 'start'], PORT, ENV, 480_000);
  const base = app.url;
  const targetPort = (target.address() as { port: number }).port;

  await page.goto(`${base}/en/setup`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.getByLabel('Setup code').fill(setupCode(app.log()));
  await page.getByLabel('Name').fill('Li Wei');
  await page.getByLabel('Email').fill('li.wei@example.com');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByText('Signed in as Li Wei')).toBeVisible();

  const created = await page.request.post(`${base}/api/cases`, {
    headers: { origin: base },
    data: { title: 'Shop API refuses connections', ticketRef: 'TCK-1001', target: { host: '127.0.0.1', port: targetPort } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const probed = await page.request.post(`${base}/api/cases/${id}/probes`, { headers: { origin: base }, data: { type: 'tcp', host: '127.0.0.1', port: targetPort } });
  expect(probed.status()).toBe(201);

  await app.stop();
  app = await startApp(clone, ['npx', 'next', 'start'], PORT, ENV, 60_000);
  const after = await page.request.get(`${base}/api/cases/${id}`);
  expect(after.status()).toBe(200);
  const stored = (await after.json()) as { ticketRef: string; timeline: Array<{ kind: string; at: string; payload: { result?: { code: string } } }> };
  expect(stored.ticketRef).toBe('TCK-1001');
  expect(stored.timeline.filter((event) => event.kind === 'probe').map((event) => event.payload.result?.code)).toEqual(['TCP_OPEN']);
});
