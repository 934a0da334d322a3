import assert from 'node:assert/strict';
import type { Role } from '../../lib/auth';
import { after, before, describe, it } from 'node:test';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken, revokeTokens } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { createCasesApi } from '../../lib/cases/server';
import type { Database } from '../../lib/db/server';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { apiRequest as call, jsonOf as json } from '../fixtures/auth-requests';
import { createAccess } from '../../lib/access/server';
import { testContext } from '../fixtures/probes/context';
import { closedPort, startHttpServer } from '../fixtures/probes/servers';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('cases-api');
});
after(() => factory.stop());

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`the case API on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let database: Database;
    let api: ReturnType<typeof createCasesApi>;
    let li: { id: string; token: string };
    let sam: { id: string; token: string };
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);


    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      const service = createAuthService(database.db, {});
      const liUser = await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: 'correct horse battery' });
      const samUser = await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: 'correct horse battery' });
      li = { id: liUser.id, token: (await createToken(database.db, liUser.id, 'test')).token };
      sam = { id: samUser.id, token: (await createToken(database.db, samUser.id, 'test')).token };
      const context = testContext();
      const authorize = (request: Request, role: Role) => authorizeWith(service, request, role);
      const access = createAccess({ db: async () => database.db, authorize, probeOptions: { context, audit: () => {} }, env: {} });
      api = createCasesApi({ db: async () => database.db, authorize, probe: (probe) => access.runForCase(probe), audit: (change) => access.recordCaseChange(change) });
    });
    after(async () => {
      await database?.close();
    });

    it('creates a case with a canonical target, assigns it to its creator and starts its timeline', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const created = await json(await api.create(call('POST', '/api/cases', li.token, { title: '打印机连不上服务器', ticketRef: 'T-1042', customerName: 'ACME', target: { host: 'API.Example.COM', port: 8443 }, lang: 'zh' })));
      assert.equal(created.status, 201);
      assert.equal(created.body.version, 1);
      assert.equal(created.body.status, 'open');
      assert.equal(created.body.assignee, li.id);
      assert.deepEqual(created.body.target, { host: 'api.example.com', port: 8443, url: null });
      const read = await json(await api.read(call('GET', `/api/cases/${created.body.id}`, sam.token), created.body.id));
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.timeline.map((event: { kind: string; actor: string }) => [event.kind, event.actor]), [['created', li.id]]);
    });

    it('answers 400 naming the field for bad input, 415 for a body that is not JSON, 401 without a caller', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const cases: Array<[unknown, string]> = [
        [{}, 'title'],
        [{ title: '   ' }, 'title'],
        [{ title: 'x', target: { host: 'api.example.com', port: 70000 } }, 'target.port'],
        [{ title: 'x', target: { host: 'https://api.example.com' } }, 'target.host'],
        [{ title: 'x', ticketUrl: 'javascript:alert(1)' }, 'ticketUrl'],
        [{ title: 'x', lang: 'fr' }, 'lang'],
        [{ title: 'x', owner: 'me' }, 'owner'],
      ];
      for (const [body, field] of cases) {
        const response = await json(await api.create(call('POST', '/api/cases', li.token, body)));
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.field, field, JSON.stringify(body));
        assert.match(response.body.error.message, new RegExp(`^${field.replace('.', '\\.')} `));
      }
      const notJson = await json(await api.create(call('POST', '/api/cases', li.token, 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })));
      assert.equal(notJson.status, 415);
      const anonymous = await json(await api.create(call('POST', '/api/cases', null, { title: 'x' })));
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'UNAUTHORIZED');
      const revoked = await createToken(database.db, sam.id, 'revoked');
      await revokeTokens(database.db, sam.id);
      assert.equal((await api.list(call('GET', '/api/cases', revoked.token))).status, 401);
      sam.token = (await createToken(database.db, sam.id, 'again')).token;
    });

    it('a stale version gets 409 with the current version, and no update is lost', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'TLS fails after renewal' })));
      const path = `/api/cases/${created.id}`;
      const first = await json(await api.patch(call('PATCH', path, li.token, { version: 1, status: 'waiting' }), created.id));
      assert.equal(first.status, 200);
      assert.equal(first.body.version, 2);
      const stale = await json(await api.patch(call('PATCH', path, sam.token, { version: 1, assignee: sam.id }), created.id));
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'CONFLICT');
      assert.equal(stale.body.error.currentVersion, 2);
      const retried = await json(await api.patch(call('PATCH', path, sam.token, { version: 2, assignee: sam.id }), created.id));
      assert.equal(retried.status, 200);
      assert.equal(retried.body.status, 'waiting', 'the first writer\'s change is still there');
      assert.equal(retried.body.assignee, sam.id);
      const { body: read } = await json(await api.read(call('GET', path, li.token), created.id));
      assert.deepEqual(
        read.timeline.map((event: { kind: string; payload: unknown }) => [event.kind, event.payload]),
        [['created', { title: 'TLS fails after renewal' }], ['status', { from: 'open', to: 'waiting' }], ['assign', { from: li.id, to: sam.id }]],
      );
    });

    it('of many writers racing on one version exactly one wins', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'race' })));
      const statuses = await Promise.all(
        ['waiting', 'resolved', 'closed', 'waiting', 'resolved'].map(async (status) => (await api.patch(call('PATCH', `/api/cases/${created.id}`, li.token, { version: 1, status }), created.id)).status),
      );
      assert.deepEqual(statuses.filter((status) => status === 200).length, 1, statuses.join(','));
      assert.deepEqual(statuses.filter((status) => status === 409).length, 4, statuses.join(','));
    });

    it('notes go on the timeline without changing the version; unknown cases are 404', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'notes' })));
      const note = await json(await api.addNote(call('POST', `/api/cases/${created.id}/notes`, sam.token, { text: 'Customer says it keeps spinning <b>since Monday</b>' }), created.id));
      assert.equal(note.status, 201);
      assert.equal(note.body.actor, sam.id);
      assert.deepEqual(note.body.payload, { text: 'Customer says it keeps spinning <b>since Monday</b>' });
      const { body: read } = await json(await api.read(call('GET', `/api/cases/${created.id}`, li.token), created.id));
      assert.equal(read.version, 1);
      assert.equal(read.timeline.at(-1).kind, 'note');
      for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
        assert.equal((await api.read(call('GET', `/api/cases/${id}`, li.token), id)).status, 404);
        assert.equal((await api.addNote(call('POST', `/api/cases/${id}/notes`, li.token, { text: 'x' }), id)).status, 404);
        assert.equal((await api.patch(call('PATCH', `/api/cases/${id}`, li.token, { version: 1, title: 'x' }), id)).status, 404);
      }
    });

    it('lists by status, assignee and text, newest first, page by page', async (t) => {
      if (skip()) return t.skip(String(skip()));
      for (const n of [1, 2, 3, 4, 5]) {
        await api.create(call('POST', '/api/cases', n % 2 ? li.token : sam.token, { title: `page case ${n}`, ticketRef: `PG-${n}`, target: { host: `host${n}.example.net` } }));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `q=page%20case&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await json(await api.list(call('GET', `/api/cases?${query}`, li.token)));
        assert.equal(page.status, 200);
        assert.ok(page.body.items.length <= 2);
        seen.push(...page.body.items.map((item: { title: string }) => item.title));
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['page case 5', 'page case 4', 'page case 3', 'page case 2', 'page case 1']);
      const mine = await json(await api.list(call('GET', '/api/cases?q=page&assignee=me', sam.token)));
      assert.deepEqual(mine.body.items.map((item: { title: string }) => item.title), ['page case 4', 'page case 2']);
      const byHost = await json(await api.list(call('GET', '/api/cases?q=host3.example', li.token)));
      assert.deepEqual(byHost.body.items.map((item: { ticketRef: string }) => item.ticketRef), ['PG-3']);
      const percent = await json(await api.list(call('GET', '/api/cases?q=%25', li.token)));
      assert.deepEqual(percent.body.items, [], 'a % in the query matches a literal %');
      const bad = await json(await api.list(call('GET', '/api/cases?status=lost', li.token)));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'status');
      const badInList = await json(await api.list(call('GET', '/api/cases?status=open,lost', li.token)));
      assert.equal(badInList.body.error.field, 'status');
      const { body: second } = await json(await api.list(call('GET', '/api/cases?q=page%20case', li.token)));
      await api.patch(call('PATCH', `/api/cases/${second.items[1].id}`, li.token, { version: second.items[1].version, status: 'waiting' }), second.items[1].id);
      await api.patch(call('PATCH', `/api/cases/${second.items[2].id}`, li.token, { version: second.items[2].version, status: 'resolved' }), second.items[2].id);
      const active = await json(await api.list(call('GET', '/api/cases?q=page%20case&status=open,waiting', li.token)));
      assert.deepEqual(active.body.items.map((item: { status: string }) => item.status).sort(), ['open', 'open', 'open', 'waiting']);
      assert.equal((await api.list(call('GET', '/api/cases?cursor=bm9wZQ', li.token))).status, 400);
    });

    it('runs a probe from the server and stores its result on the timeline with when and by whom', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'refused port', target: { host: '127.0.0.1' } })));
      const refused = await closedPort();
      const before = Date.now();
      const probed = await json(await api.probe(call('POST', `/api/cases/${created.id}/probes`, sam.token, { type: 'tcp', host: '127.0.0.1', port: refused }), created.id));
      assert.equal(probed.status, 201);
      assert.equal(probed.body.code, 'TCP_REFUSED');
      assert.equal(probed.body.ranBy, sam.id);
      assert.ok(Date.parse(probed.body.ranAt) >= before - 1000, 'ranAt is the time the server ran it');
      const web = await startHttpServer((_request, response) => response.writeHead(502, { server: 'nginx/1.24.0' }).end('bad gateway'));
      try {
        const http = await json(await api.probe(call('POST', `/api/cases/${created.id}/probes`, li.token, { type: 'http', url: `http://127.0.0.1:${web.port}/health` }), created.id));
        assert.equal(http.body.code, 'HTTP_SERVER_ERROR');
      } finally {
        await web.close();
      }
      const { body: read } = await json(await api.read(call('GET', `/api/cases/${created.id}`, li.token), created.id));
      const probes = read.timeline.filter((event: { kind: string }) => event.kind === 'probe');
      assert.deepEqual(probes.map((event: { actor: string; payload: { result: { code: string } } }) => [event.actor, event.payload.result.code]), [[sam.id, 'TCP_REFUSED'], [li.id, 'HTTP_SERVER_ERROR']]);
      assert.equal(probes[0].id, probed.body.eventId);
    });

    it('refuses a probe the target policy forbids (403 naming the field), bad requests (400) and unknown cases (404), storing nothing', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'forbidden' })));
      const forbidden = await json(await api.probe(call('POST', `/api/cases/${created.id}/probes`, li.token, { type: 'tcp', host: '10.0.0.1', port: 443 }), created.id));
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.error.code, 'TARGET_FORBIDDEN');
      assert.equal(forbidden.body.error.field, 'host');
      const bad = await json(await api.probe(call('POST', `/api/cases/${created.id}/probes`, li.token, { type: 'tcp', host: '127.0.0.1' }), created.id));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'port');
      const missing = '00000000-0000-0000-0000-000000000000';
      assert.equal((await api.probe(call('POST', `/api/cases/${missing}/probes`, li.token, { type: 'tcp', host: '127.0.0.1', port: 1 }), missing)).status, 404);
      assert.equal((await api.probe(call('POST', `/api/cases/${created.id}/probes`, null, { type: 'tcp', host: '127.0.0.1', port: 1 }), created.id)).status, 401);
      const { body: read } = await json(await api.read(call('GET', `/api/cases/${created.id}`, li.token), created.id));
      assert.deepEqual(read.timeline.map((event: { kind: string }) => event.kind), ['created']);
    });

    it('exports the case as ticket-ready Markdown with names, or as JSON', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { body: created } = await json(await api.create(call('POST', '/api/cases', li.token, { title: 'export me', ticketRef: 'T 77/a', lang: 'en' })));
      await api.addNote(call('POST', `/api/cases/${created.id}/notes`, sam.token, { text: 'asked for curl -v' }), created.id);
      const markdown = await api.export(call('GET', `/api/cases/${created.id}/export?format=md`, li.token), created.id);
      assert.equal(markdown.status, 200);
      assert.match(markdown.headers.get('content-type') ?? '', /^text\/markdown/);
      assert.match(markdown.headers.get('content-disposition') ?? '', /filename="case-T_77_a\.md"/);
      const text = await markdown.text();
      assert.match(text, /^## Fixpath case: export me/);
      assert.match(text, /Li opened the case/);
      assert.match(text, /Sam noted:\n {2}\n {2}> asked for curl -v/);
      const asJson = await json(await api.export(call('GET', `/api/cases/${created.id}/export?format=json`, li.token), created.id));
      assert.equal(asJson.body.timeline.length, 2);
      assert.equal((await api.export(call('GET', `/api/cases/${created.id}/export?format=pdf`, li.token), created.id)).status, 400);
    });
  });
}
