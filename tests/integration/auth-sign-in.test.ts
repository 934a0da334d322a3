import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { backupDatabase, queryRows, restoreDatabase, tables, type Database } from '../../lib/db/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuthService, type AuthService } from '../../lib/auth/service';
import { createToken, revokeTokens } from '../../lib/auth/tokens';
import { createUser, disableUser } from '../../lib/auth/users';
import { SIGN_IN_LIMIT } from '../../lib/auth/instance';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { post, sessionCookie, signIn, SITE } from '../fixtures/auth-requests';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('auth-sign-in');
});
after(() => factory.stop());

const PASSWORD = 'correct horse battery';

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`sign-in, sessions and tokens on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let database: Database;
    let service: AuthService;
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);

    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      service = createAuthService(database.db, {});
      await createUser(database.db, { email: 'Li.Wei@Example.com', name: 'Li Wei', role: 'editor', password: PASSWORD });
      await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: PASSWORD });
    });
    after(async () => {
      await database?.close();
    });

    it('a right password signs in with an HttpOnly SameSite=Lax cookie, not Secure over plain HTTP, and the session names the user', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const response = await post(service, '/api/auth/sign-in/email', { email: 'li.wei@example.com', password: PASSWORD });
      assert.equal(response.status, 200);
      const [cookie] = response.headers.getSetCookie().filter((line) => line.includes('session_token='));
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/i);
      assert.doesNotMatch(cookie, /; Secure/i);
      const identity = await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie: sessionCookie(response) } }));
      assert.ok(identity && 'caller' in identity);
      assert.equal(identity.caller.via, 'session');
      assert.deepEqual({ ...identity.caller.user, id: typeof identity.caller.user.id }, { id: 'string', email: 'li.wei@example.com', name: 'Li Wei', role: 'editor' });
      // The session lives in the database, as the SHA-256 of the token the cookie carries: a copy of the table signs nobody in.
      const token = decodeURIComponent(sessionCookie(response).split('=')[1]).split('.')[0];
      const stored = (await database.db.select({ token: tables.sessions.token }).from(tables.sessions)).map((row) => row.token);
      assert.ok(stored.includes(createHash('sha256').update(token).digest('hex')), 'the session lives in the database, hashed');
      assert.ok(!stored.includes(token), 'never the token itself');
    });

    it('over HTTPS (X-Forwarded-Proto folded into the URL by Next) the cookie is Secure', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const response = await post(service, '/api/auth/sign-in/email', { email: 'sam@example.com', password: PASSWORD }, {}, 'https://fixpath.test');
      assert.equal(response.status, 200);
      const [cookie] = response.headers.getSetCookie().filter((line) => line.includes('session_token='));
      assert.match(cookie, /^__Secure-better-auth\.session_token=/);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; HttpOnly/);
    });

    it('a wrong password, an unknown email and a disabled user all get the same 401', async (t) => {
      if (skip()) return t.skip(String(skip()));
      await createUser(database.db, { email: 'gone@example.com', name: 'Gone', role: 'agent', password: PASSWORD });
      await disableUser(database.db, 'gone@example.com');
      const answers = [];
      for (const [email, password, address] of [
        ['li.wei@example.com', 'wrong horse battery', '192.0.2.21'],
        ['nobody@example.com', PASSWORD, '192.0.2.22'],
        ['gone@example.com', PASSWORD, '192.0.2.23'],
      ]) {
        const response = await post(service, '/api/auth/sign-in/email', { email, password }, { 'x-forwarded-for': address });
        answers.push({ status: response.status, body: await response.text(), cookies: response.headers.getSetCookie().filter((line) => /session_token=[^;]/.test(line)) });
      }
      assert.equal(answers[0].status, 401);
      assert.deepEqual(answers[1], answers[0]);
      assert.deepEqual(answers[2], answers[0]);
      assert.deepEqual(answers[0].cookies, []);
    });

    it('disabling a user ends their sessions at once', async (t) => {
      if (skip()) return t.skip(String(skip()));
      await createUser(database.db, { email: 'leaver@example.com', name: 'Leaver', role: 'agent', password: PASSWORD });
      const cookie = await signIn(service, 'leaver@example.com', PASSWORD, { 'x-forwarded-for': '192.0.2.30' });
      const me = () => service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } }));
      assert.ok(await me());
      await disableUser(database.db, 'leaver@example.com');
      assert.equal(await me(), null);
    });

    it('a personal token authenticates until it is revoked, and until its user is disabled; each use is audited', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const user = await createUser(database.db, { email: 'bot@example.com', name: 'Bot', role: 'agent', password: PASSWORD });
      const first = await createToken(database.db, user.id, 'ci');
      const second = await createToken(database.db, user.id, 'laptop');
      const asToken = (token: string) => service.identify(new Request(`${SITE}/api/probe`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.4' } }));
      assert.deepEqual(await asToken(first.token), { caller: { user: { id: user.id, email: 'bot@example.com', name: 'Bot', role: 'agent' }, via: 'token' } });
      assert.equal(await asToken(`${first.token}x`), null);
      assert.equal(await asToken('not-a-token'), null);
      const [audit] = await database.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.kind, 'token-used'));
      assert.equal(audit.userId, user.id);
      assert.equal(audit.address, '198.51.100.4');
      assert.ok(audit.at instanceof Date);

      assert.equal(await revokeTokens(database.db, user.id, 'ci'), 1);
      assert.equal(await asToken(first.token), null);
      assert.ok(await asToken(second.token));
      await disableUser(database.db, 'bot@example.com');
      assert.equal(await asToken(second.token), null);
    });

    it('tokens and passwords are stored only hashed', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const user = await createUser(database.db, { email: 'hash@example.com', name: 'Hash', role: 'agent', password: 'a password to find' });
      const { token } = await createToken(database.db, user.id, 'check');
      const everything = JSON.stringify(await queryRows(database.db, sql`select row_to_json(t) from (select * from api_tokens) t union all select row_to_json(a) from accounts a`));
      assert.ok(!everything.includes(token) && !everything.includes(token.slice(4)), 'the token is not in the database');
      assert.ok(!everything.includes('a password to find'), 'the password is not in the database');
      const [account] = await database.db.select().from(tables.accounts).where(eq(tables.accounts.userId, user.id));
      assert.match(account.password ?? '', /^[0-9a-f]{32}:[0-9a-f]{128}$/, 'scrypt salt:key');
    });

    it('a cross-origin POST is refused: sign-in, sign-out, and a session cookie on any state-changing call', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const evil = { origin: 'https://evil.example', 'x-forwarded-for': '192.0.2.40' };
      const signInFromEvil = await post(service, '/api/auth/sign-in/email', { email: 'sam@example.com', password: PASSWORD }, evil);
      assert.equal(signInFromEvil.status, 403);
      assert.deepEqual(signInFromEvil.headers.getSetCookie().filter((line) => line.includes('session_token=')), []);

      const cookie = await signIn(service, 'sam@example.com', PASSWORD, { 'x-forwarded-for': '192.0.2.41' });
      const signOutFromEvil = await post(service, '/api/auth/sign-out', {}, { ...evil, cookie });
      assert.equal(signOutFromEvil.status, 403);
      const noOrigin = await service.handle(new Request(`${SITE}/api/auth/sign-out`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }));
      assert.equal(noOrigin.status, 403, 'a cookie without Origin or Referer is refused too');
      assert.ok(await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } })), 'the session survived');

      const crossSiteWrite = await service.identify(new Request(`${SITE}/api/cases`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' } }));
      assert.deepEqual(crossSiteWrite, { refused: 'cross-origin' });
      const sameSiteWrite = await service.identify(new Request(`${SITE}/api/cases`, { method: 'POST', headers: { cookie, origin: SITE } }));
      assert.ok(sameSiteWrite && 'caller' in sameSiteWrite);

      // Next builds request.url from the address it listens on; the browser's origin is the Host it used.
      const viaName = await service.handle(
        new Request('http://127.0.0.1:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: { host: 'fixpath.corp:3000', origin: 'http://fixpath.corp:3000', 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.42' },
          body: JSON.stringify({ email: 'sam@example.com', password: PASSWORD }),
        }),
      );
      assert.equal(viaName.status, 200);

      const signOut = await post(service, '/api/auth/sign-out', {}, { cookie, 'x-forwarded-for': '192.0.2.41' });
      assert.equal(signOut.status, 200);
      assert.equal(await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } })), null, 'signed out');
    });

    it(`sign-in attempts are limited to ${SIGN_IN_LIMIT.max} a minute per client address, shared by every instance on the database`, async (t) => {
      if (skip()) return t.skip(String(skip()));
      const other = createAuthService(database.db, {});
      const attempt = (instance: AuthService, address: string) => post(instance, '/api/auth/sign-in/email', { email: 'sam@example.com', password: 'wrong horse battery' }, { 'x-forwarded-for': address });
      const statuses = [];
      for (let n = 0; n < SIGN_IN_LIMIT.max; n += 1) statuses.push((await attempt(n % 2 ? other : service, '203.0.113.9')).status);
      assert.deepEqual(statuses, Array(SIGN_IN_LIMIT.max).fill(401));
      const limited = await attempt(other, '203.0.113.9');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('x-retry-after')) > 0);
      const right = await post(service, '/api/auth/sign-in/email', { email: 'sam@example.com', password: PASSWORD }, { 'x-forwarded-for': '203.0.113.9' });
      assert.equal(right.status, 429, 'even the right password waits');
      assert.equal((await attempt(service, '203.0.113.10')).status, 401, 'another address is not limited');
      const spoofed = await post(service, '/api/auth/sign-in/email', { email: 'sam@example.com', password: 'x' }, { 'x-forwarded-for': '203.0.113.9', 'x-fixpath-client-address': '10.9.9.9' });
      assert.equal(spoofed.status, 429, 'a client cannot pick its own rate-limit key');
    });

    it('a body over 16 KB is refused before better-auth reads it', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const response = await post(service, '/api/auth/sign-in/email', { email: 'sam@example.com', password: 'x'.repeat(20_000) }, { 'x-forwarded-for': '192.0.2.70' });
      assert.equal(response.status, 413);
    });

    it('a backup restored into an empty database keeps people, passwords and tokens', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const user = await createUser(database.db, { email: 'kept@example.com', name: 'Kept', role: 'admin', password: PASSWORD });
      const { token } = await createToken(database.db, user.id, 'kept');
      const dir = mkdtempSync(path.join(tmpdir(), 'fixpath-auth-backup-'));
      const target = await factory.fresh(kind);
      try {
        await backupDatabase(database, path.join(dir, 'backup.json'));
        await restoreDatabase(target, path.join(dir, 'backup.json'));
        const restored = createAuthService(target.db, {});
        await signIn(restored, 'kept@example.com', PASSWORD, { 'x-forwarded-for': '192.0.2.71' });
        const identity = await restored.identify(new Request(`${SITE}/api/probe`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }));
        assert.equal(identity && 'caller' in identity && identity.caller.user.role, 'admin');
      } finally {
        await target.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('sign-ins and failed sign-ins are audited with the client address', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const rows = await database.db.select().from(tables.auditEvents);
      const signIns = rows.filter((row) => row.kind === 'sign-in');
      assert.ok(signIns.length >= 3);
      assert.ok(signIns.every((row) => row.userId && row.address?.startsWith('192.0.2.')));
      const failed = rows.find((row) => row.kind === 'sign-in-failed' && row.address === '192.0.2.22');
      assert.deepEqual(failed?.detail, { email: 'nobody@example.com', status: 401 });
    });
  });
}
