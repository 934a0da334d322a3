import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { usesNonce } from '../../lib/http';
import { gotoReady, sameOrigin, SIGNED_OUT } from './helpers';

const EXPECTED = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=31536000',
  'cross-origin-opener-policy': 'same-origin',
};

for (const path of ['/zh', '/en/articles/tls-certificate-expired', '/en/flows/five-layer', '/api/me']) {
  test(`${path} is sent with the security headers`, async ({ request }) => {
    const response = await request.get(path);
    const headers = response.headers();
    expect(Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, headers[name]]))).toEqual(EXPECTED);
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
  });
}

test('another site cannot frame a page (clickjacking)', async ({ page, baseURL }) => {
  // Another origin (same address, another port) whose page frames the flow page.
  const framing = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><title>framing</title><iframe src="${baseURL}/en/flows/five-layer" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
  try {
    const refused: string[] = [];
    page.on('requestfailed', (request) => refused.push(`${new URL(request.url()).pathname} ${request.failure()?.errorText}`));
    // `load` waits for the frame too, whether it rendered the page or the browser's refusal.
    await page.goto(`http://127.0.0.1:${(framing.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    expect(refused).toEqual(['/en/flows/five-layer net::ERR_BLOCKED_BY_RESPONSE']);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    // Chromium shows its own error page in place of a frame the page refused (a framable page would keep its URL).
    expect(frame?.url()).toBe('chrome-error://chromewebdata/');
  } finally {
    framing.close();
  }
});

/** The script-src of a page's CSP header, and the nonce in it. */
function scriptPolicy(csp: string | undefined): { scriptSrc: string; nonce: string | undefined } {
  const scriptSrc = (csp ?? '').split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src ')) ?? '';
  return { scriptSrc, nonce: /'nonce-([^']+)'/.exec(scriptSrc)?.[1] };
}

/** Console errors about the CSP: Chromium reports every script, style or fetch it refused there. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Loads a page rendered per request twice and checks what a nonce policy promises: a fresh nonce
 * each time, no 'unsafe-inline' for scripts, every script in the HTML carrying the nonce, React
 * hydrated (its scripts ran) with no CSP refusal, and an injected inline script refused.
 */
async function expectNoncePolicy(page: Page, path: string, interact: (page: Page) => Promise<void>): Promise<void> {
  const violations = cspViolations(page);
  const first = scriptPolicy((await page.request.get(path)).headers()['content-security-policy']);
  const response = await gotoReady(page, path);
  expect(response?.status()).toBe(200);
  const headers = await response!.allHeaders();
  // One policy: the proxy's replaces next.config's static one (which would bring 'unsafe-inline' along).
  expect((await response!.headersArray()).filter(({ name }) => name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  const { scriptSrc, nonce } = scriptPolicy(headers['content-security-policy']);
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
  expect(headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(first.nonce).toBeDefined();
  expect(nonce).not.toBe(first.nonce);

  // Every script the server wrote carries this response's nonce (Next stamps its own).
  const html = await response!.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  // In the page, a script without the nonce is a same-origin file Next's runtime added ('strict-dynamic').
  const strays = await page.evaluate((expected) => [...document.scripts].filter((script) => script.nonce !== expected && !(script.src && new URL(script.src).origin === location.origin)).map((script) => script.outerHTML.slice(0, 120)), nonce);
  expect(strays).toEqual([]);

  await interact(page);
  expect(violations).toEqual([]);

  await expectInjectedScriptRefused(page, path, violations);
}

/**
 * An XSS as it would reach the page: markup in the HTML the server sent (here added on the way,
 * keeping the response's headers) with an inline script and an inline event handler, neither
 * carrying the nonce. Neither runs, and Chromium says why. (A script added from script, e.g.
 * Playwright's addScriptTag, is trusted under 'strict-dynamic' by design: only the parser's are
 * held to the nonce.)
 */
async function expectInjectedScriptRefused(page: Page, path: string, violations: string[]): Promise<void> {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace('</body>', '<script>window.__pwned = 1</script><img alt="" src="/no-such-image.png" onerror="window.__pwned = 2"></body>');
      await route.fulfill({ response, body });
    },
  );
  await page.goto(path);
  await page.unrouteAll();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(violations.join('\n')).toMatch(/(?:Refused to execute|Executing) inline script/);
  expect(violations.join('\n')).toMatch(/(?:Refused to execute|Executing) inline event handler/);
}

/** The search palette opens and answers: the page's scripts run and may fetch the index. */
async function search(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search fixes' });
  await dialog.getByRole('combobox').fill('connection refused');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
}

test.describe('pages rendered per request', () => {
  test('the case list and a case get a nonce policy, and their scripts run', async ({ page }) => {
    const created = await page.request.post('/api/cases', { data: { title: `<script>window.__pwned = 1</script> CSP ${Date.now()}` }, headers: sameOrigin() });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectNoncePolicy(page, '/en/cases', search);
    await expectNoncePolicy(page, `/en/cases/${id}`, async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__pwned = 1</script>');
      await search(page);
    });
  });

  for (const path of ['/en/insights', '/en/admin/audit', '/en/fix/tls-certificate-expired']) {
    test(`${path} gets a nonce policy, and its scripts run`, async ({ page }) => {
      await expectNoncePolicy(page, path, search);
    });
  }

  test.describe('signed out', () => {
    test.use({ storageState: SIGNED_OUT });

    test('the sign-in page gets a nonce policy, and its scripts run', async ({ page }) => {
      await expectNoncePolicy(page, '/en/sign-in', search);
    });
  });

  test("the customer's page gets a nonce policy that still lets it connect to the case's server, and its form works", async ({ page: agent, browser }) => {
    const created = await agent.request.post('/api/cases', { data: { title: `CSP customer ${Date.now()}`, lang: 'en' }, headers: sameOrigin() });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const link = await agent.request.post(`/api/cases/${id}/links`, { data: { slug: 'server-address-invalid', fixId: 'fill-in-server-address', lang: 'en' }, headers: sameOrigin() });
    expect(link.status()).toBe(201);
    const { url } = (await link.json()) as { url: string };
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const page = await context.newPage();
      const path = new URL(url, 'http://fixpath.invalid').pathname;
      await expectNoncePolicy(page, path, async () => {
        await page.getByRole('radio', { name: 'Yes, it connects now' }).check();
        await page.getByRole('button', { name: 'Send answer' }).click();
        await expect(page.getByTestId('feedback-received')).toBeVisible();
      });
      const headers = (await page.request.get(path)).headers();
      expect(headers['content-security-policy']).toContain("connect-src 'self' https: wss:");
      expect(headers['referrer-policy']).toBe('no-referrer');
    } finally {
      await context.close();
    }
  });

  test("an unknown customer link's status page gets a policy with no script allowed but its nonce", async ({ request }) => {
    const response = await request.get('/c/not-a-token-anyone-made');
    expect(response.status()).toBe(404);
    const { scriptSrc } = scriptPolicy(response.headers()['content-security-policy']);
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
    expect(await response.text()).not.toContain('<script');
  });
});

test('prerendered pages keep the static policy and stay cacheable', async ({ request }) => {
  for (const path of ['/zh', '/en/articles/tls-certificate-expired', '/en/flows/five-layer', '/en/cases/a/b']) {
    const response = await request.get(path);
    const headers = response.headers();
    const { scriptSrc, nonce } = scriptPolicy(headers['content-security-policy']);
    expect(scriptSrc, path).toBe("script-src 'self' 'unsafe-inline'");
    expect(nonce, path).toBeUndefined();
    if (response.status() === 200) expect(headers['cache-control'] ?? '', path).not.toMatch(/private|no-store/);
  }
});

test('every page this build renders per request gets the nonce policy, and no prerendered page does', async ({ request }) => {
  // The build's own route table: every page route, and those prerendered (statically or from generateStaticParams).
  const build = (file: string) => JSON.parse(readFileSync(path.join(process.cwd(), '.next', file), 'utf8'));
  const pages = Object.keys(build('app-path-routes-manifest.json') as Record<string, string>)
    .filter((route) => route.endsWith('/page') && !route.startsWith('/_'))
    .map((route) => route.slice(0, -'/page'.length));
  const prerender = build('prerender-manifest.json') as { routes: Record<string, unknown>; dynamicRoutes: Record<string, unknown> };
  const prerendered = (route: string) => route in prerender.dynamicRoutes || route in prerender.routes;
  expect(pages.filter((route) => !prerendered(route)).length, 'the build has pages rendered per request').toBeGreaterThan(0);
  for (const route of pages) {
    const sample = route.replace('[lang]', 'zh').replace(/\[[^\]]+\]/g, 'sample');
    expect(usesNonce(sample), `${route} is ${prerendered(route) ? 'prerendered' : 'rendered per request'}: add it to (or remove it from) NONCE_ROUTES`).toBe(!prerendered(route));
  }
  // And the server agrees for one of each.
  const scriptSrc = async (url: string) => ((await request.get(url, { maxRedirects: 0 })).headers()['content-security-policy'] ?? '').match(/script-src [^;]*/)?.[0];
  expect(await scriptSrc('/zh/sign-in')).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  expect(await scriptSrc('/zh/articles/tls-certificate-expired')).toBe("script-src 'self' 'unsafe-inline'");
});
