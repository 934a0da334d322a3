import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { freshClone, removeClone, startApp, type AppProcess } from './app-process';

const PORT = Number(process.env.FRESH_CLONE_PORT ?? 3190);
// The flow probes a port of this test's own on loopback; the default target policy refuses loopback.
const ENV = { PROBE_ALLOW: '127.0.0.1/32' };
const ADMIN = { name: 'Li Wei', email: 'li.wei@example.com', password: 'a long enough password' };

let clone = '';
let app: AppProcess | undefined;

test.beforeAll(() => {
  clone = freshClone();
});

test.afterAll(async () => {
  await app?.stop();
  if (clone) removeClone(clone);
});

/** A loopback port nothing listens on: the five-layer flow's TCP probe finds it refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function setupCode(log: string): string {
  const match = /Fixpath setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(log);
  if (!match) throw new Error(`no setup code in the server log:\n${log}`);
  return match[1];
}

async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** The stored TCP probe on the case page: its evidence card, with when and by whom. */
async function expectStoredProbe(page: Page): Promise<void> {
  const run = page.getByTestId('flow-run');
  await expect(run).toHaveCount(1);
  await expect(run.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
  await expect(run).toContainText(new RegExp(`checked \\d{2}:\\d{2} by ${ADMIN.name}`));
  await expect(run.locator('time[datetime]').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
}

test('fresh clone: npm start, first-run setup, sign in, a case, the five-layer flow from it; a restart keeps it all', async ({ page }) => {
  const port = await closedPort();
  app = await startApp(clone, ['npm', 'start'], PORT, ENV, 480_000);
  const base = app.url;

  // First run: the code from the server's log creates the administrator, who is then signed in.
  await gotoReady(page, `${base}/en/setup`);
  await page.getByLabel('Setup code').fill(setupCode(app.log()));
  await page.getByLabel('Name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();

  // Signed out and back in, as a colleague would on another day.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await gotoReady(page, `${base}/en/sign-in`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();

  // A case from the form.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await page.locator('summary', { hasText: 'New case' }).click();
  const form = page.getByRole('form', { name: 'New case' });
  await form.getByLabel('Title', { exact: true }).fill('Shop API refuses connections');
  await form.getByLabel('Ticket reference').fill('TCK-1001');
  await form.getByLabel('Target host').fill('127.0.0.1');
  await form.getByLabel('Port').fill(String(port));
  await form.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/\/en\/cases\/[0-9a-f-]{36}$/);
  const casePage = new URL(page.url()).pathname;

  // The five-layer flow started from it: the case's target fills the form, probes run on the case.
  await page.getByRole('region', { name: 'Start a flow' }).getByRole('link', { name: /^Five-layer/ }).click();
  const banner = page.getByRole('region', { name: 'Case: Shop API refuses connections' });
  await expect(banner).toBeVisible();
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByLabel('Server (host name or IP)')).toHaveValue('127.0.0.1');
  await page.getByRole('button', { name: 'Start checking' }).click();
  await expect(page.locator('[data-evidence="TCP_REFUSED"]')).toBeVisible();
  await page.getByRole('button', { name: 'The service is stopped or crashed' }).click();
  await expect(page.getByRole('link', { name: /^Open the fix:/ })).toBeVisible();
  await expect(banner.getByRole('status')).toHaveText('Saved to the case');

  // The case page shows the stored probe with its time and who ran it.
  await gotoReady(page, `${base}${casePage}`);
  await expectStoredProbe(page);

  // Restarted (the build stays; the embedded database is reopened): all of it is still there,
  // and the session too, since sessions live in the database.
  await app.stop();
  app = await startApp(clone, ['npx', 'next', 'start'], PORT, ENV, 90_000);
  await gotoReady(page, `${base}${casePage}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Shop API refuses connections' })).toBeVisible();
  await expectStoredProbe(page);
});
