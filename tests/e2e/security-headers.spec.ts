import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

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
