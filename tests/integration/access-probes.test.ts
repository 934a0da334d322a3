import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { createAccess, type Access } from '../../lib/access/server';
import type { Role } from '../../lib/auth';
import { readAuditLog } from '../../lib/auth/audit-log';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService, type AuthService } from '../../lib/auth/service';
import { createToken, revokeTokens } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { createCasesApi } from '../../lib/cases/server';
import { openDatabase, tables, type Database, type DatabaseConfig } from '../../lib/db/server';
import type { ProbeHandlerOptions } from '../../lib/probes/server';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { SITE, signIn } from '../fixtures/auth-requests';
import { testContext } from '../fixtures/probes/context';
import { startSilentServer, type TestServer } from '../fixtures/probes/servers';

const PASSWORD = 'correct horse battery';
const SERVICE_TOKEN = 'svc-token-for-scripts';

let factory: DatabaseFactory;
let silent: TestServer;
before(async () => {
  factory = await databaseFactory('access');
  silent = await startSilentServer();
});
after(async () => {
  await silent.close();
  factory.stop();
});

/** One app instance over a database: its own auth service, access and case API, as a second process would have. */
function instance(database: Database, probeOptions: ProbeHandlerOptions = {}) {
  const service: AuthService = createAuthService(database.db, {});
  const authorize = (request: Request, role: Role) => authorizeWith(service, request, role);
  const access: Access = createAccess({
    db: async () => database.db,
    authorize,
    probeOptions: { context: testContext(), audit: () => {}, rateLimit: { limit: 3, windowMs: 60_000 }, ...probeOptions },
    env: { PROBE_TOKEN: SERVICE_TOKEN },
  });
  const cases = createCasesApi({ db: async () => database.db, authorize, probe: (probe) => access.runForCase(probe), audit: (change) => access.recordCaseChange(change) });
  return { service, access, cases };
}

/** A probe request from the test site; a TCP probe to a loopback port that accepts and stays silent. */
function probe(headers: Record<string, string>, port = silent.port, from = '192.0.2.10'): Request {
  return new Request(`${SITE}/api/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITE, host: 'fixpath.test', 'x-forwarded-for': from, ...headers },
    body: JSON.stringify({ type: 'tcp', host: '127.0.0.1', port, timeoutMs: 2000 }),
  });
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`probe access on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let config: DatabaseConfig;
    let database: Database;
    let second: Database;
    let li: { id: string; token: string };
    let sam: { id: string; token: string };
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);

    before(async () => {
      if (skip()) return;
      config = await factory.freshConfig(kind);
      database = await openDatabase(config);
      const { migrateDatabase } = await import('../../lib/db/server');
      await migrateDatabase(database);
      // PostgreSQL: a second connection pool, as a second instance has. PGlite: one process owns the directory.
      second = kind === 'postgres' ? await openDatabase(config) : database;
      const liUser = await createUser(database.db, { email: 'li@example.com', name: 'Li', role: 'agent', password: PASSWORD });
      const samUser = await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: PASSWORD });
      li = { id: liUser.id, token: (await createToken(database.db, liUser.id, 'ci')).token };
      sam = { id: samUser.id, token: (await createToken(database.db, samUser.id, 'ci')).token };
    });
    after(async () => {
      if (second && second !== database) await second.close();
      await database?.close();
    });

    it('401 without a credential; a session, a personal token and PROBE_TOKEN each may probe; a revoked token is 401', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { service, access } = instance(database, { rateLimit: null });
      const none = await access.handle(probe({}));
      assert.equal(none.status, 401);
      assert.equal((await none.json()).error.code, 'UNAUTHORIZED');
      const cookie = await signIn(service, 'li@example.com', PASSWORD);
      assert.equal((await access.handle(probe({ cookie }))).status, 200, 'session');
      assert.equal((await access.handle(probe({ authorization: `Bearer ${sam.token}` }))).status, 200, 'personal token');
      assert.equal((await access.handle(probe({ authorization: `Bearer ${SERVICE_TOKEN}` }))).status, 200, 'PROBE_TOKEN');
      const extra = await createToken(database.db, sam.id, 'revoke-me');
      await revokeTokens(database.db, sam.id, 'revoke-me');
      const revoked = await access.handle(probe({ authorization: `Bearer ${extra.token}` }));
      assert.equal(revoked.status, 401);
      assert.deepEqual(await revoked.json(), await (await access.handle(probe({ authorization: 'Bearer fxp_never-issued' }))).json(), 'no hint which was wrong');
      const crossOrigin = await access.handle(probe({ cookie, origin: 'https://evil.example' }));
      assert.equal(crossOrigin.status, 403, 'a session cookie from another site probes nothing');
    });

    it('a per-user limit held in the database is shared by two instances, whatever the address', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const one = instance(database).access;
      const two = instance(second).access;
      const as = (token: string, from?: string) => probe({ authorization: `Bearer ${token}` }, silent.port, from);
      const bucket = await createToken(database.db, li.id, 'limit');
      assert.equal((await one.handle(as(bucket.token, '192.0.2.1'))).status, 200);
      assert.equal((await two.handle(as(bucket.token, '192.0.2.2'))).status, 200);
      assert.equal((await one.handle(as(bucket.token, '198.51.100.3'))).status, 200);
      const limited = await two.handle(as(bucket.token, '198.51.100.4'));
      assert.equal(limited.status, 429, 'the fourth probe is refused, on the other instance, from another address');
      assert.equal((await limited.json()).error.code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      // Li's session counts in the same bucket as Li's token: the limit is per person.
      const cookie = await signIn(instance(database).service, 'li@example.com', PASSWORD);
      assert.equal((await one.handle(probe({ cookie }))).status, 429);
      assert.equal((await one.handle(as(sam.token, '192.0.2.1'))).status, 200, 'a colleague on the same address has their own budget');
      await database.db.delete(tables.probeRateBuckets);
    });

    it('calls without a valid credential are limited per address across instances, then 401', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const one = instance(database).access;
      const two = instance(second).access;
      const guess = (from: string) => probe({ authorization: 'Bearer fxp_guess' }, silent.port, from);
      assert.equal((await one.handle(guess('2001:db8:7:1::1'))).status, 401);
      assert.equal((await two.handle(guess('2001:db8:7:1::2'))).status, 401);
      assert.equal((await one.handle(guess('2001:db8:7:1::3'))).status, 401);
      assert.equal((await two.handle(guess('2001:db8:7:1:ff::4'))).status, 429, 'the same /64, on the other instance');
      assert.equal((await two.handle(guess('2001:db8:7:2::1'))).status, 401, 'another /64');
      assert.equal((await two.handle(probe({ authorization: `Bearer ${sam.token}` }, silent.port, '2001:db8:7:1::9'))).status, 200, 'a valid token from that /64 is not held to it');
      await database.db.delete(tables.probeRateBuckets);
    });

    it("a caller's concurrency share holds across instances: over it is 503 BUSY with Retry-After", async (t) => {
      if (skip()) return t.skip(String(skip()));
      const one = instance(database, { rateLimit: null, maxPerCaller: 2 }).access;
      const two = instance(second, { rateLimit: null, maxPerCaller: 2 }).access;
      const slow = () => new Request(`${SITE}/api/probe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${li.token}` },
        body: JSON.stringify({ type: 'tls', host: '127.0.0.1', port: silent.port, timeoutMs: 1500 }),
      });
      const running = [one.handle(slow()), two.handle(slow())];
      await new Promise((resolve) => setTimeout(resolve, 400));
      const third = await one.handle(probe({ authorization: `Bearer ${li.token}` }));
      assert.equal(third.status, 503);
      assert.equal((await third.json()).error.code, 'BUSY');
      assert.equal(third.headers.get('retry-after'), '1');
      assert.equal((await two.handle(probe({ authorization: `Bearer ${sam.token}` }))).status, 200, 'another caller still gets probes');
      for (const response of await Promise.all(running)) assert.equal(response.status, 200);
      assert.equal((await two.handle(probe({ authorization: `Bearer ${li.token}` }))).status, 200, 'places are given back');
      assert.equal((await database.db.select().from(tables.probeLeases)).length, 0, 'no lease left behind');
    });

    it('a lease left by a killed instance expires and frees its place', async (t) => {
      if (skip()) return t.skip(String(skip()));
      await database.db.insert(tables.probeLeases).values({ id: 'from-a-dead-process', callerKey: `user:${sam.id}`, expiresAt: new Date(Date.now() - 1000) });
      const { access } = instance(database, { rateLimit: null, maxPerCaller: 1 });
      assert.equal((await access.handle(probe({ authorization: `Bearer ${sam.token}` }))).status, 200);
    });

    it("a case's probes count against the same limit and are audited with the case", async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { access, cases } = instance(database);
      const token = (await createToken(database.db, sam.id, 'cases')).token;
      const call = (path: string, body: unknown) =>
        new Request(`${SITE}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify(body) });
      const created = await (await cases.create(call('/api/cases', { title: 'VPN drops' }))).json();
      const body = { type: 'tcp', host: '127.0.0.1', port: silent.port, timeoutMs: 2000 };
      assert.equal((await cases.probe(call(`/api/cases/${created.id}/probes`, body), created.id)).status, 201);
      assert.equal((await access.handle(probe({ authorization: `Bearer ${token}` }))).status, 200);
      assert.equal((await cases.probe(call(`/api/cases/${created.id}/probes`, body), created.id)).status, 201);
      const limited = await cases.probe(call(`/api/cases/${created.id}/probes`, body), created.id);
      assert.equal(limited.status, 429, 'the fourth probe of Sam, through either door, is over the limit of 3');
      assert.equal((await access.handle(probe({ authorization: `Bearer ${token}` }))).status, 429);
      const note = await cases.addNote(call(`/api/cases/${created.id}/notes`, { text: 'called the customer' }), created.id);
      assert.equal(note.status, 201);

      const rows = await database.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.userId, sam.id)).orderBy(desc(tables.auditEvents.id));
      const caseProbe = rows.find((row) => row.kind === 'probe' && (row.detail as { caseId?: string }).caseId === created.id);
      assert.ok(caseProbe, 'a probe row names the case');
      assert.equal(caseProbe.address, '203.0.113.9');
      assert.deepEqual(
        { type: (caseProbe.detail as Record<string, unknown>).type, target: (caseProbe.detail as Record<string, unknown>).target, code: (caseProbe.detail as Record<string, unknown>).code, status: (caseProbe.detail as Record<string, unknown>).status },
        { type: 'tcp', target: `127.0.0.1:${silent.port}`, code: 'TCP_OPEN', status: 200 },
      );
      const kinds = rows.map((row) => row.kind);
      assert.ok(kinds.includes('case-created') && kinds.includes('case-note') && kinds.includes('token-used'), kinds.join(','));
      const createdRow = rows.find((row) => row.kind === 'case-created');
      assert.equal((createdRow?.detail as { caseId?: string }).caseId, created.id);
      assert.equal(createdRow?.address, '203.0.113.9');
      const patched = await cases.patch(new Request(`${SITE}/api/cases/${created.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, status: 'waiting' }) }), created.id);
      assert.equal(patched.status, 200);
      const [latest] = await database.db.select().from(tables.auditEvents).orderBy(desc(tables.auditEvents.id)).limit(1);
      assert.deepEqual([latest.kind, (latest.detail as { fields?: string[] }).fields], ['case-updated', ['status']]);
      await database.db.delete(tables.probeRateBuckets);
    });

    it('every probe is an audit row: user, address, type, target, code and status', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const { access } = instance(database, { rateLimit: null });
      const forbidden = await access.handle(new Request(`${SITE}/api/probe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${li.token}`, 'x-forwarded-for': '192.0.2.99' },
        body: JSON.stringify({ type: 'tcp', host: '10.1.2.3', port: 22 }),
      }));
      assert.equal(forbidden.status, 403);
      const [row] = await database.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.kind, 'probe')).orderBy(desc(tables.auditEvents.id)).limit(1);
      assert.equal(row.userId, li.id);
      assert.equal(row.address, '192.0.2.99');
      const detail = row.detail as Record<string, unknown>;
      assert.deepEqual([detail.type, detail.target, detail.code, detail.status, detail.via], ['tcp', '10.1.2.3:22', 'TARGET_FORBIDDEN', 403, 'token']);
      await access.handle(probe({ authorization: `Bearer ${SERVICE_TOKEN}` }));
      const [service] = await database.db.select().from(tables.auditEvents).where(eq(tables.auditEvents.kind, 'probe')).orderBy(desc(tables.auditEvents.id)).limit(1);
      assert.deepEqual([service.userId, (service.detail as Record<string, unknown>).via], [null, 'service']);
    });
  });
}

describe('the audit log the admin page reads', () => {
  it('pages newest first by keyset and filters by kind and by user', async () => {
    const database = await factory.fresh('pglite');
    try {
      const user = await createUser(database.db, { email: 'ana@example.com', name: 'Ana', role: 'admin', password: PASSWORD });
      for (let index = 0; index < 7; index += 1) {
        await database.db.insert(tables.auditEvents).values({ kind: index % 2 ? 'probe' : 'sign-in', userId: index < 4 ? user.id : null, address: `192.0.2.${index}`, detail: { index } });
      }
      const first = await readAuditLog(database.db, { limit: 3 });
      assert.deepEqual(first.rows.map((row) => row.detail.index), [6, 5, 4], 'newest first');
      assert.ok(first.next !== null);
      const second = await readAuditLog(database.db, { limit: 3, before: first.next ?? undefined });
      assert.deepEqual(second.rows.map((row) => row.detail.index), [3, 2, 1]);
      await database.db.insert(tables.auditEvents).values({ kind: 'probe', detail: { index: 7 } });
      const third = await readAuditLog(database.db, { limit: 3, before: second.next ?? undefined });
      assert.deepEqual(third.rows.map((row) => row.detail.index), [0], 'a row written meanwhile does not shift the pages');
      assert.equal(third.next, null);
      const probes = await readAuditLog(database.db, { limit: 10, kind: 'probe' });
      assert.deepEqual(probes.rows.map((row) => row.detail.index), [7, 5, 3, 1]);
      const anas = await readAuditLog(database.db, { limit: 10, userId: user.id, kind: 'probe' });
      assert.deepEqual(anas.rows.map((row) => [row.detail.index, row.userName]), [[3, 'Ana'], [1, 'Ana']]);
      assert.deepEqual(anas.users.map((entry) => entry.email), ['ana@example.com']);
    } finally {
      await database.close();
    }
  });
});
