import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRole, requireRole, ROLES, type Caller, type Role } from '../../lib/auth';
import { isSameOrigin } from '../../lib/auth/same-origin';

const caller = (role: Role): Caller => ({ user: { id: 'u1', email: 'li@example.com', name: 'Li', role }, via: 'session' });

describe('roles', () => {
  it('no caller is 401; a role below the one needed is 403; the same or higher passes', () => {
    assert.deepEqual(requireRole(null, 'agent'), { ok: false, status: 401, code: 'UNAUTHORIZED' });
    const table: [Role, Role, boolean][] = [];
    for (const have of ROLES) for (const need of ROLES) table.push([have, need, ROLES.indexOf(have) >= ROLES.indexOf(need)]);
    assert.equal(table.filter(([, , allowed]) => allowed).length, 6);
    for (const [have, need, allowed] of table) {
      const check = requireRole(caller(have), need);
      assert.deepEqual(check, allowed ? { ok: true, caller: caller(have) } : { ok: false, status: 403, code: 'FORBIDDEN' }, `${have} doing what needs ${need}`);
    }
  });

  it('knows exactly the three roles', () => {
    assert.deepEqual(ROLES.filter(isRole), ['agent', 'editor', 'admin']);
    for (const value of ['Admin', 'user', '', undefined, 1]) assert.equal(isRole(value), false);
  });
});

describe('same-origin check for cookie-carrying writes', () => {
  const request = (method: string, headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/cases', { method, headers: { host: 'fixpath.corp:3000', ...headers } });
  it('passes reads, and writes from the page’s own origin (Host header, not the bind address)', () => {
    assert.equal(isSameOrigin(request('GET', { origin: 'https://evil.example' })), true);
    assert.equal(isSameOrigin(request('POST', { origin: 'http://fixpath.corp:3000' })), true);
    assert.equal(isSameOrigin(request('PATCH', { referer: 'http://fixpath.corp:3000/zh/cases/1' })), true);
  });
  it('refuses writes from another origin, a null origin or none at all, unless the origin is trusted', () => {
    assert.equal(isSameOrigin(request('POST', { origin: 'https://evil.example' })), false);
    assert.equal(isSameOrigin(request('DELETE', { origin: 'http://fixpath.corp:3001' })), false);
    assert.equal(isSameOrigin(request('POST', { origin: 'null' })), false);
    assert.equal(isSameOrigin(request('POST', {})), false);
    assert.equal(isSameOrigin(request('POST', { origin: 'https://fixpath.example.com' }), ['https://fixpath.example.com']), true);
  });
});
