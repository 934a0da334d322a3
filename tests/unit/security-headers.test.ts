import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// Next's own matcher for next.config `headers()` sources, with the options its router uses.
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { contentSecurityPolicy, newNonce, securityHeaderRules, usesNonce } from '../../lib/http/security-headers';
import { config as proxyConfig } from '../../proxy';

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
const STATIC_PAGES = ['/zh', '/en/articles/tls-certificate-expired', '/zh/flows', '/en/flows/five-layer', '/en/casesx', '/zh/articles/cases', '/fr/cases', '/zh/cases/a/b', '/en/setup/x', '/zh/sign-in/x', '/en/fix/a/b', '/zh/admin', '/en/admin/audit/x', '/zh/insights/x', '/ZH/CASES', '/zh/Fix/tls-certificate-expired', '/C/token', '/_next/static/chunks/main.js', '/favicon.svg', '/api/me', '/c', '/c/token/more', '/api/c/token/time'];

describe('the security headers', () => {
  it('name the pages rendered per request as nonce pages, and no other', () => {
    for (const path of NONCE_PAGES) assert.equal(usesNonce(path), true, path);
    for (const path of STATIC_PAGES) assert.equal(usesNonce(path), false, path);
  });

  it('run the proxy on every nonce page, so none is left with the static policy (its matcher cannot import the list)', () => {
    const proxied = (path: string) => proxyConfig.matcher.some((source) => getPathMatch(source, { strict: true, removeUnnamedParams: true })(path) !== false);
    for (const path of NONCE_PAGES) assert.ok(proxied(path), `proxy.ts config.matcher misses ${path}`);
  });

  it('send the static policy from next.config everywhere (the proxy replaces it on nonce pages), the customer one under /c/ and /api/c/', () => {
    for (const path of [...NONCE_PAGES, ...STATIC_PAGES]) {
      const headers = configHeaders(path);
      const customer = /^\/(?:api\/)?c(?:\/|$)/i.test(path); // next.config matches paths case-insensitively
      assert.equal(headers['content-security-policy'], contentSecurityPolicy(customer ? 'customer' : 'staff'), path);
      assert.equal(headers['referrer-policy'], customer ? 'no-referrer' : 'strict-origin-when-cross-origin', path);
      assert.equal(headers['x-content-type-options'], 'nosniff', path);
      assert.equal(headers['x-frame-options'], 'DENY', path);
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
