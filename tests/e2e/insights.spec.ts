import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { currentStep } from './flow-helpers';
import { expectNoSeriousAxeViolations, gotoReady, SIGNED_OUT } from './helpers';

const PASSWORD = 'insights e2e password';
/** A query nothing in the knowledge base answers: the search gap the editor must see. */
const GAP = 'zzqx frobnicator wobble';

/** Adds a person through the admin API (the default browser state is the administrator's). */
async function addUser(request: APIRequestContext, baseURL: string, email: string, role: 'agent' | 'editor'): Promise<string> {
  const response = await request.post('/api/users', { data: { email, name: email.split('@')[0], role, password: PASSWORD }, headers: { origin: baseURL } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** A new browser context signed in as `email`. */
async function signedIn(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: SIGNED_OUT, baseURL });
  const response = await context.request.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD }, headers: { origin: baseURL } });
  expect(response.status()).toBe(200);
  return context;
}

const csvRows = async (request: APIRequestContext, report: string, query: string) => {
  const response = await request.get(`/api/insights/${report}.csv?${query}`);
  expect(response.status()).toBe(200);
  return (await response.text()).trim().split('\r\n').slice(1);
};

test('an agent runs a flow and searches; an editor sees those counts on the insights page and in the CSV; the agent gets 403', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const site = baseURL!;
  const stamp = Date.now();
  const agentId = await addUser(page.request, site, `agent-${stamp}@example.com`, 'agent');
  await addUser(page.request, site, `editor-${stamp}@example.com`, 'editor');

  const agentContext = await signedIn(browser, site, `agent-${stamp}@example.com`);
  const agent = await agentContext.newPage();
  // A flow left at its first step (a drop-off), then one run to a fix.
  await gotoReady(agent, '/en/flows/client-config');
  await gotoReady(agent, '/en/flows/client-config');
  await agent.getByRole('button', { name: 'There is an address' }).click();
  await agent.getByLabel('Server address (verbatim)').fill('htps://api.example.com');
  await agent.getByRole('button', { name: 'Check the address' }).click();
  await expect(currentStep(agent)).toHaveAttribute('data-state', 'fix_server-address-invalid_fix-address-format');
  // A search that finds nothing, closed; one that finds something, chosen.
  await gotoReady(agent, '/en');
  await agent.keyboard.press('Control+k');
  const dialog = agent.getByRole('dialog', { name: 'Search fixes' });
  await dialog.getByRole('combobox').fill(GAP);
  await expect(dialog.getByRole('status')).toContainText('Nothing found for');
  await agent.keyboard.press('Escape');
  await agent.keyboard.press('Control+k');
  await dialog.getByRole('combobox').fill('conection refused');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await dialog.getByRole('combobox').press('Enter');
  await expect(agent).toHaveURL(/\/en\/articles\//);
  // Leaving sends what is queued; the insights page itself is not the agent's.
  const forbidden = await agent.goto('/en/insights');
  expect(forbidden?.status()).toBe(403);
  await expect(agent.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  expect((await agentContext.request.get('/api/insights/flow-steps.csv')).status()).toBe(403);
  await agentContext.close();

  const editorContext = await signedIn(browser, site, `editor-${stamp}@example.com`);
  const query = `agent=${agentId}`;
  // The browser sends its batches after the fact: wait until the last one is in.
  await expect.poll(async () => (await csvRows(editorContext.request, 'search-gaps', query)).length, { timeout: 15_000 }).toBe(1);
  // The first step was reached twice and left once without an answer; the form once, by its action.
  const steps = (await csvRows(editorContext.request, 'flow-steps', query)).sort();
  expect(steps).toHaveLength(2);
  expect(steps[0]).toMatch(/^client-config,address,1,0,\d+$/);
  expect(steps[1]).toMatch(/^client-config,addressShown,2,1,\d+$/);
  expect(await csvRows(editorContext.request, 'endings', query)).toEqual(['client-config,fix_server-address-invalid_fix-address-format,fix,1']);
  expect(await csvRows(editorContext.request, 'search-gaps', query)).toEqual([`${GAP},en,1,1,0`]);
  const articles = await csvRows(editorContext.request, 'articles', query);
  expect(articles.find((row) => row.startsWith('server-address-invalid,'))).toBe('server-address-invalid,0,1,0,0,0');
  expect(articles.reduce((sum, row) => sum + Number(row.split(',')[1]), 0)).toBe(1);

  const editor = await editorContext.newPage();
  await gotoReady(editor, `/en/insights?${query}`);
  await expect(editor.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await expect(editor.getByTestId('search-totals')).toHaveText(/^2 searches in this range, 1 without results, 0 without a click/);
  const stepTable = editor.getByRole('table', { name: 'Drop-off per flow step' });
  await expect(stepTable.getByRole('row', { name: /Client configuration check What does the client's server address setting show\? 2 1 50%/ })).toBeVisible();
  await expect(editor.getByRole('table', { name: 'Most common endings' }).getByRole('row')).toHaveCount(2);
  await expect(editor.getByRole('img', { name: /Drop-off per flow step/ })).toBeVisible();
  await expectNoSeriousAxeViolations(editor);
  // "Open this search" opens the palette on the query.
  await editor.getByRole('link', { name: `Open "${GAP}" in the search palette` }).click();
  await expect(editor.getByRole('dialog', { name: 'Search fixes' }).getByRole('combobox')).toHaveValue(GAP);

  // The filters are a keyboard-usable form, and the page holds at phone width.
  await editor.setViewportSize({ width: 390, height: 800 });
  await gotoReady(editor, `/zh/insights?${query}&lang=zh`);
  await expect(editor.getByRole('heading', { name: '使用洞察', level: 1 })).toBeVisible();
  await expect(editor.getByTestId('search-totals')).toContainText('共 0 次搜索');
  await editor.getByLabel('语言').focus();
  await editor.keyboard.press('Tab');
  await editor.keyboard.press('Tab');
  await editor.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: '应用' })).toBeFocused();
  await expectNoSeriousAxeViolations(editor);
  await editorContext.close();
});

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });
  test('the insights page sends a visitor to sign-in and back', async ({ page }) => {
    await page.goto('/en/insights?lang=en');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/sign-in');
    expect(url.searchParams.get('next')).toBe('/en/insights?lang=en');
  });
});
