import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// Next's own matcher for next.config `headers()` sources, with the options its router uses.
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { contentSecurityPolicy, newNonce, securityHeaderRules, usesNonce } from '../../lib/http/security-headers';

/** The headers next.config.ts sends for `pathname`: every matching rule in order, a later value winning. */
function configHeaders(pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of securityHeaderRules()) {
    if (getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(pathname) === false) continue;
    for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
  }
  return headers;
}

const NONCE_PAGES = ['/zh/cases', '/en/cases/0b5e6f9e-1c1a-4a0e-9a43-3f3c2b1d0e11', '/zh/insights', '/en/admin/audit', '/zh/fix/tls-certificate-expired', '/en/setup', '/zh/sign-in', '/c/Zm9vYmFyYmF6'];
const STATIC_PAGES = ['/', '/zh', '/en/articles/tls-certificate-expired', '/zh/flows', '/en/flows/five-layer', '/en/casesx', '/zh/articles/cases', '/fr/cases', '/zh/cases/a/b', '/en/setup/x', '/zh/sign-in/x', '/en/fix/a/b', '/zh/admin', '/en/admin/audit/x', '/zh/insights/x', '/_next/static/chunks/main.js', '/favicon.svg', '/api/me', '/c'];

describe('the security headers', () => {
  it('name the pages rendered per request as nonce pages, and no other', () => {
    for (const path of NONCE_PAGES) assert.equal(usesNonce(path), true, path);
    for (const path of [...STATIC_PAGES, '/c/token/more', '/api/c/token/time']) assert.equal(usesNonce(path), false, path);
  });

  it('leave the CSP of nonce pages to the proxy: next.config sends them none, so no second policy brings back unsafe-inline', () => {
    for (const path of NONCE_PAGES) {
      const headers = configHeaders(path);
      assert.equal(headers['content-security-policy'], undefined, path);
      // The other headers still come from next.config.
      assert.equal(headers['x-content-type-options'], 'nosniff', path);
      assert.equal(headers['x-frame-options'], 'DENY', path);
    }
    assert.equal(configHeaders('/c/Zm9vYmFyYmF6')['referrer-policy'], 'no-referrer');
    assert.equal(configHeaders('/zh/cases')['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  it('give every other path exactly the static policy, the customer one under /c/ and /api/c/', () => {
    for (const path of STATIC_PAGES) assert.equal(configHeaders(path)['content-security-policy'], contentSecurityPolicy('staff'), path);
    for (const path of ['/api/c/token/time', '/c/token/more']) {
      const headers = configHeaders(path);
      assert.equal(headers['referrer-policy'], 'no-referrer', path);
      assert.equal(headers['content-security-policy'], contentSecurityPolicy('customer'), path);
    }
  });

  it('allow inline script by nonce alone on nonce pages, and inline style everywhere', () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy('staff', nonce);
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    assert.equal(scripts, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    // A nonce in style-src would switch 'unsafe-inline' off, and React's style attributes with it.
    assert.match(policy, /(?:^|; )style-src 'self' 'unsafe-inline'(?:;|$)/);
    assert.match(contentSecurityPolicy('staff'), /(?:^|; )script-src 'self' 'unsafe-inline'(?:;|$)/);
    assert.match(contentSecurityPolicy('customer', nonce), /(?:^|; )connect-src 'self' https: wss:(?:;|$)/);
    assert.match(policy, /(?:^|; )connect-src 'self'(?:;|$)/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      assert.ok(policy.includes(directive), directive);
    }
  });

  it('make a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });
});
