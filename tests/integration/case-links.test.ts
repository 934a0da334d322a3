import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { createLink, linkDaysFromEnv } from '../../lib/cases/links';
import { createCasesApi, createLinksApi, getCase, resolveCustomerLink } from '../../lib/cases/server';
import { tables, type Database } from '../../lib/db/server';
import { apiRequest as call, jsonOf as json } from '../fixtures/auth-requests';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('case-links');
});
after(() => factory.stop());

const DAY = 86_400_000;
/** A customer fix (audience="customer" in both languages). */
const CUSTOMER_FIX = { slug: 'server-address-invalid', fixId: 'fill-in-server-address' };

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`customer links on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    let database: Database;
    let cases: ReturnType<typeof createCasesApi>;
    let links: ReturnType<typeof createLinksApi>;
    let li: { id: string; token: string };
    let caseId: string;

    const send = (id: string, body: unknown, who: string | null = li.token) => links.create(call('POST', `/api/cases/${id}/links`, who, body), id);
    const timeline = async (id: string) => (await getCase(database.db, id))!.timeline;

    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      const service = createAuthService(database.db, {});
      const user = await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: 'correct horse battery' });
      li = { id: user.id, token: (await createToken(database.db, user.id, 'test')).token };
      const authorize = (request: Request, role: Parameters<typeof authorizeWith>[2]) => authorizeWith(service, request, role);
      cases = createCasesApi({ db: async () => database.db, authorize, probe: async () => { throw new Error('no probes here'); } });
      links = createLinksApi({ db: async () => database.db, authorize, linkDays: () => 30 });
      caseId = (await json(await cases.create(call('POST', '/api/cases', li.token, { title: 'Client says address invalid', lang: 'en' })))).body.id;
    });
    after(async () => {
      await database?.close();
    });

    it('sends a customer fix: 201 with a /c/ URL and the expiry, stores only the token\'s hash, records link-sent without the token', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const before = Date.now();
      const created = await json(await send(caseId, { ...CUSTOMER_FIX, lang: 'en' }));
      assert.equal(created.status, 201);
      const match = /^\/c\/([A-Za-z0-9_-]{32})$/.exec(created.body.url);
      assert.ok(match, `url ${created.body.url} is /c/<32 base64url characters> (192 bits)`);
      const token = match[1];
      const expires = Date.parse(created.body.expiresAt);
      assert.ok(expires >= before + 30 * DAY && expires <= Date.now() + 30 * DAY, 'expires in 30 days');
      assert.equal(created.body.state, 'open');
      const [row] = await database.db.select().from(tables.caseLinks).where(eq(tables.caseLinks.id, created.body.id));
      assert.equal(row.tokenHash, createHash('sha256').update(token).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(token), 'the token itself is not stored');
      const events = await timeline(caseId);
      const sent = events.find((event) => event.kind === 'link-sent');
      assert.deepEqual(sent?.payload, { linkId: created.body.id, slug: CUSTOMER_FIX.slug, fixId: CUSTOMER_FIX.fixId, lang: 'en', expiresAt: created.body.expiresAt, resolveOnFixed: false });
      assert.equal(created.body.resolveOnFixed, false, 'the customer\'s "fixed" only records unless the agent asks for more');
      assert.equal(sent?.actor, li.id);
      assert.ok(!JSON.stringify(events).includes(token));
      // Without a language the case's own is used (this case is in English); a zh link is for the zh article.
      assert.equal((await json(await send(caseId, CUSTOMER_FIX))).body.lang, 'en');
      const zh = (await json(await send(caseId, { ...CUSTOMER_FIX, lang: 'zh', resolveOnFixed: true }))).body;
      assert.equal(zh.lang, 'zh');
      assert.equal(zh.resolveOnFixed, true);
      const listed = await json(await links.list(call('GET', `/api/cases/${caseId}/links`, li.token), caseId));
      assert.equal(listed.status, 200);
      assert.equal(listed.body.items.length, 3);
      assert.ok(listed.body.items.every((item: Record<string, unknown>) => !('url' in item) && !('token' in item)));
    });

    it('refuses staff fixes and fixes not marked for customers with 422, unknown fixes and articles with 400 naming the field', async (t) => {
      if (skip()) return t.skip(String(skip()));
      for (const body of [
        { slug: 'service-not-listening', fixId: 'start-service', lang: 'zh' },
        { slug: 'dns-resolution-failure', fixId: 'check-resolution', lang: 'en' },
        { slug: 'tls-certificate-expired', fixId: 'renew-certificate', lang: 'en' },
      ]) {
        const refused = await json(await send(caseId, body));
        assert.equal(refused.status, 422, JSON.stringify(body));
        assert.equal(refused.body.error.code, 'FIX_NOT_FOR_CUSTOMERS');
        assert.equal(refused.body.error.field, 'fixId');
        assert.match(refused.body.error.message, /for staff/);
      }
      const cases: Array<[unknown, string]> = [
        [{ slug: 'server-address-invalid', fixId: 'no-such-fix', lang: 'en' }, 'fixId'],
        [{ slug: 'server-address-invalid', fixId: 'flush-dns-cache', lang: 'en' }, 'fixId'],
        [{ slug: 'no-such-article', fixId: 'fill-in-server-address', lang: 'en' }, 'slug'],
        [{ ...CUSTOMER_FIX, lang: 'fr' }, 'lang'],
        [{ slug: CUSTOMER_FIX.slug }, 'fixId'],
        [{ ...CUSTOMER_FIX, token: 'mine' }, 'token'],
      ];
      for (const [body, field] of cases) {
        const response = await json(await send(caseId, body));
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.field, field, JSON.stringify(body));
      }
      assert.equal((await send('00000000-0000-4000-8000-000000000000', CUSTOMER_FIX)).status, 404);
      assert.equal((await send(caseId, CUSTOMER_FIX, null)).status, 401);
      assert.equal((await timeline(caseId)).filter((event) => event.kind === 'link-sent').length, 3, 'refusals record nothing');
    });

    it('opens a link: the case and link, link-opened recorded once however many open it at the same time', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const created = await createLink(database.db, caseId, { ...CUSTOMER_FIX, lang: 'en' }, li.id, { days: 30 });
      assert.ok(created);
      const results = await Promise.all(Array.from({ length: 5 }, () => resolveCustomerLink(database.db, created.token)));
      for (const result of results) {
        assert.ok(result.ok);
        assert.equal(result.case.id, caseId);
        assert.equal(result.link.fixId, CUSTOMER_FIX.fixId);
      }
      const again = await resolveCustomerLink(database.db, created.token);
      assert.ok(again.ok && again.link.firstOpenedAt);
      const opened = (await timeline(caseId)).filter((event) => event.kind === 'link-opened');
      assert.equal(opened.length, 1);
      assert.equal(opened[0].actor, 'customer');
      assert.equal(opened[0].payload.linkId, created.link.id);
      assert.deepEqual(await resolveCustomerLink(database.db, 'A'.repeat(32)), { ok: false, reason: 'unknown' });
      assert.deepEqual(await resolveCustomerLink(database.db, '../../etc/passwd'), { ok: false, reason: 'unknown' });
    });

    it('revokes: 204, link-revoked once, and the token answers revoked; expired links answer expired', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const created = await json(await send(caseId, CUSTOMER_FIX));
      const token = created.body.url.slice('/c/'.length);
      const path = `/api/cases/${caseId}/links/${created.body.id}`;
      const revoked = await links.revoke(call('DELETE', path, li.token), caseId, created.body.id);
      assert.equal(revoked.status, 204);
      assert.equal(await revoked.text(), '');
      assert.equal((await links.revoke(call('DELETE', path, li.token), caseId, created.body.id)).status, 204, 'revoking again is fine');
      const events = (await timeline(caseId)).filter((event) => event.kind === 'link-revoked');
      assert.deepEqual(events.map((event) => event.payload), [{ linkId: created.body.id }]);
      assert.deepEqual(await resolveCustomerLink(database.db, token), { ok: false, reason: 'revoked' });
      assert.equal((await links.revoke(call('DELETE', path, null), caseId, created.body.id)).status, 401);
      assert.equal((await links.revoke(call('DELETE', path, li.token), caseId, '00000000-0000-4000-8000-000000000000')).status, 404);
      const other = (await json(await cases.create(call('POST', '/api/cases', li.token, { title: 'another case' })))).body.id;
      assert.equal((await links.revoke(call('DELETE', path, li.token), other, created.body.id)).status, 404, 'a link is revoked through its own case only');
      assert.equal((await links.revoke(call('DELETE', path, li.token), caseId, 'not-a-uuid')).status, 404);

      const old = await createLink(database.db, caseId, { ...CUSTOMER_FIX, lang: 'en' }, li.id, { days: 30, now: new Date(Date.now() - 31 * DAY) });
      assert.ok(old);
      assert.deepEqual(await resolveCustomerLink(database.db, old.token), { ok: false, reason: 'expired' });
      const listed = await json(await links.list(call('GET', `/api/cases/${caseId}/links`, li.token), caseId));
      const states = Object.fromEntries(listed.body.items.map((item: { id: string; state: string }) => [item.id, item.state]));
      assert.equal(states[created.body.id], 'revoked');
      assert.equal(states[old.link.id], 'expired');
    });

    it('reads FIXPATH_LINK_DAYS: 30 by default, refuses nonsense naming the variable', (t) => {
      if (skip()) return t.skip(String(skip()));
      assert.equal(linkDaysFromEnv({}), 30);
      assert.equal(linkDaysFromEnv({ FIXPATH_LINK_DAYS: '7' }), 7);
      assert.throws(() => linkDaysFromEnv({ FIXPATH_LINK_DAYS: '0' }), /FIXPATH_LINK_DAYS/);
      assert.throws(() => linkDaysFromEnv({ FIXPATH_LINK_DAYS: 'a week' }), /FIXPATH_LINK_DAYS/);
    });
  });
}
