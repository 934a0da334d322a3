import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { tables, type Database } from '../../lib/db/server';
import { oidcConfigFromEnv } from '../../lib/auth/oidc';
import { createAuthService, type AuthService } from '../../lib/auth/service';
import { createUser, disableUser } from '../../lib/auth/users';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { startOidcProvider, type TestOidcProvider } from '../fixtures/oidc-provider';
import { post, SITE } from '../fixtures/auth-requests';

const CALLBACK = `${SITE}/api/auth/callback/oidc`;

let factory: DatabaseFactory;
let provider: TestOidcProvider;
before(async () => {
  factory = await databaseFactory('auth-oidc');
  provider = await startOidcProvider(
    [
      { sub: 'mei', email: 'mei@example.com', name: 'Mei' },
      { sub: 'li', email: 'Li.Wei@example.com', name: 'Li Wei (IdP)' },
      { sub: 'gone', email: 'gone@example.com', name: 'Gone' },
    ],
    CALLBACK,
  );
});
after(async () => {
  await provider?.stop();
  factory.stop();
});

/** Signs in at the provider as `sub` and brings the callback back to Fixpath; returns Fixpath's answer to it. */
async function singleSignOn(service: AuthService, sub: string): Promise<Response> {
  const started = await post(service, '/api/auth/sign-in/social', { provider: 'oidc', callbackURL: '/en', errorCallbackURL: '/en/sign-in?error=sso' });
  assert.equal(started.status, 200, await started.clone().text());
  const { url } = (await started.json()) as { url: string };
  assert.ok(url.startsWith(`${provider.issuer}/`), `the browser is sent to the provider, not ${url}`);
  const cookies = started.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const callback = await provider.signInAs(url, sub);
  assert.equal(`${callback.origin}${callback.pathname}`, CALLBACK);
  return service.handle(new Request(callback, { headers: { cookie: cookies, 'x-forwarded-for': '192.0.2.60' } }));
}

function sessionCookieOf(response: Response): string | null {
  const line = response.headers.getSetCookie().find((cookie) => /session_token=[^;]/.test(cookie));
  return line ? line.split(';')[0] : null;
}

describe('single sign-on settings', () => {
  it('are all three or none, and say which is missing', () => {
    assert.equal(oidcConfigFromEnv({}), null);
    assert.throws(() => oidcConfigFromEnv({ OIDC_ISSUER: 'https://id.example.com' }), /needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    assert.throws(() => oidcConfigFromEnv({ OIDC_ISSUER: 'id.example.com', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }), /OIDC_ISSUER must be an http\(s\) URL/);
    assert.deepEqual(oidcConfigFromEnv({ OIDC_ISSUER: 'https://id.example.com/', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }), { issuer: 'https://id.example.com', clientId: 'a', clientSecret: 'b' });
  });
});

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`single sign-on with a real OIDC provider on loopback, on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let database: Database;
    let service: AuthService;
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      service = createAuthService(database.db, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret });
    });
    after(async () => {
      await database?.close();
    });

    it('a first sign-in through the provider creates an agent and signs them in', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const answer = await singleSignOn(service, 'mei');
      assert.equal(answer.status, 302);
      assert.equal(answer.headers.get('location'), '/en');
      const cookie = sessionCookieOf(answer);
      assert.ok(cookie, 'a session cookie is set');
      const identity = await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } }));
      assert.ok(identity && 'caller' in identity);
      assert.deepEqual({ ...identity.caller.user, id: undefined }, { id: undefined, email: 'mei@example.com', name: 'Mei', role: 'agent' });
      const [account] = await database.db.select().from(tables.accounts).where(eq(tables.accounts.userId, identity.caller.user.id));
      assert.equal(account.providerId, 'oidc');
      assert.equal(account.accountId, 'mei');
    });

    it('a user who already exists with that email is signed in as themselves, role kept', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const existing = await createUser(database.db, { email: 'li.wei@example.com', name: 'Li Wei', role: 'editor', password: 'a long enough password' });
      const answer = await singleSignOn(service, 'li');
      const cookie = sessionCookieOf(answer);
      assert.ok(cookie, `signed in (${answer.status} ${answer.headers.get('location')})`);
      const identity = await service.identify(new Request(`${SITE}/api/me`, { headers: { cookie } }));
      assert.ok(identity && 'caller' in identity);
      assert.equal(identity.caller.user.id, existing.id);
      assert.equal(identity.caller.user.role, 'editor');
    });

    it('a disabled user gets no session through the provider either', async (t) => {
      if (skip()) return t.skip(String(skip()));
      await createUser(database.db, { email: 'gone@example.com', name: 'Gone', role: 'agent', password: 'a long enough password' });
      await disableUser(database.db, 'gone@example.com');
      const answer = await singleSignOn(service, 'gone');
      assert.equal(sessionCookieOf(answer), null);
      assert.equal(answer.status, 302);
      assert.match(answer.headers.get('location') ?? '', /^\/en\/sign-in\?error=/);
    });
  });
}
