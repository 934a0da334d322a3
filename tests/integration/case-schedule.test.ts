import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createAccess, type CaseProbe } from '../../lib/access/server';
import type { Role } from '../../lib/auth';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { createEvidenceApi } from '../../lib/cases/evidence';
import { createScheduleApi } from '../../lib/cases/schedule';
import { runDueVerifications } from '../../lib/cases/schedule-worker';
import { createCasesApi, getCase } from '../../lib/cases/server';
import { migrateDatabase, openDatabase, tables, type Database, type DatabaseConfig } from '../../lib/db/server';
import { apiRequest as call, jsonOf as json } from '../fixtures/auth-requests';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { testContext } from '../fixtures/probes/context';
import { closedPort, openPort } from '../fixtures/probes/servers';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('case-schedule');
});
after(() => factory.stop());


const MINUTE = 60_000;

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`scheduled verification and staff evidence on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);
    let config: DatabaseConfig;
    let database: Database;
    let li: { id: string; token: string };
    let sam: { id: string; token: string };
    const services = (db: () => Promise<Database['db']>) => {
      const service = createAuthService(database.db, {});
      const authorize = (request: Request, role: Role) => authorizeWith(service, request, role);
      const access = createAccess({ db, authorize, probeOptions: { context: testContext(), audit: () => {} }, env: {} });
      const deps = { db, authorize, probe: (probe: CaseProbe) => access.runForCase(probe) };
      return { deps, cases: createCasesApi(deps), schedule: createScheduleApi(deps), evidence: createEvidenceApi(deps) };
    };
    let api: ReturnType<typeof services>;
    const worker = (db: Database['db'] = database.db) => runDueVerifications({ db: async () => db, probe: api.deps.probe });

    /** A new case of Li's on 127.0.0.1 whose latest probe of `port` was refused. */
    async function failingCase(title: string, port: number): Promise<string> {
      const id = (await json(await api.cases.create(call('POST', '/api/cases', li.token, { title, target: { host: '127.0.0.1' }, lang: 'en' })))).body.id as string;
      const probed = await json(await api.cases.probe(call('POST', `/api/cases/${id}/probes`, li.token, { type: 'tcp', host: '127.0.0.1', port }), id));
      assert.equal(probed.body.code, 'TCP_REFUSED');
      return id;
    }
    const schedule = (id: string, body: unknown, who: string | null = li.token) => api.schedule.schedule(call('POST', `/api/cases/${id}/verify/schedule`, who, body), id);
    const cancel = (id: string, scheduleId: string, who: string | null = sam.token) => api.schedule.cancel(call('DELETE', `/api/cases/${id}/verify/schedule/${scheduleId}`, who), id, scheduleId);
    const timeline = async (id: string) => (await getCase(database.db, id))!.timeline;
    /** Moves every pending job's due time into the past: the minutes have gone by. */
    const makeDue = () => database.db.execute(sql`update verify_schedules set due_at = now() - interval '1 second' where status = 'pending'`);

    before(async () => {
      if (skip()) return;
      config = await factory.freshConfig(kind);
      database = await openDatabase(config);
      await migrateDatabase(database);
      const liUser = await createUser(database.db, { email: 'li@example.com', name: 'Li Wei', role: 'agent', password: 'correct horse battery' });
      const samUser = await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: 'correct horse battery' });
      li = { id: liUser.id, token: (await createToken(database.db, liUser.id, 'test')).token };
      sam = { id: samUser.id, token: (await createToken(database.db, samUser.id, 'test')).token };
      api = services(async () => database.db);
    });
    after(async () => {
      await database?.close();
    });

    it('schedules a verification: 201 with the id and due time, verify-scheduled on the timeline, nothing runs before it is due', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await failingCase('later', await closedPort());
      const before = Date.now();
      const response = await schedule(id, { minutes: 15 });
      const created = await json(response);
      assert.equal(created.status, 201);
      assert.match(created.body.scheduleId, /^[0-9a-f-]{36}$/);
      const due = Date.parse(created.body.dueAt);
      assert.ok(due >= before + 15 * MINUTE && due <= Date.now() + 15 * MINUTE, 'due in 15 minutes');
      assert.equal(response.headers.get('location'), `/api/cases/${id}/verify/schedule/${created.body.scheduleId}`);
      const scheduled = (await timeline(id)).find((event) => event.kind === 'verify-scheduled');
      assert.deepEqual(scheduled?.payload, { scheduleId: created.body.scheduleId, dueAt: created.body.dueAt, minutes: 15 });
      assert.equal(scheduled?.actor, li.id);
      assert.equal(await worker(), 0, 'not due yet');
      assert.ok(!(await timeline(id)).some((event) => event.kind === 'verify'));
      await cancel(id, created.body.scheduleId);
    });

    it('refuses bad minutes (400 naming the field), a case with nothing to verify (409), strangers (401) and unknown cases (404)', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await failingCase('bad input', await closedPort());
      for (const body of [{ minutes: 0 }, { minutes: 1441 }, { minutes: 2.5 }, { minutes: '5' }, {}]) {
        const refused = await json(await schedule(id, body));
        assert.equal(refused.status, 400, JSON.stringify(body));
        assert.equal(refused.body.error.field, 'minutes', JSON.stringify(body));
      }
      assert.equal((await json(await schedule(id, { minutes: 5, when: 'now' }))).body.error.field, 'when');
      assert.equal((await schedule(id, { minutes: 5 }, null)).status, 401);
      assert.equal((await schedule('00000000-0000-4000-8000-000000000000', { minutes: 5 })).status, 404);
      const bare = (await json(await api.cases.create(call('POST', '/api/cases', li.token, { title: 'no probes' })))).body.id as string;
      const nothing = await json(await schedule(bare, { minutes: 5 }));
      assert.equal(nothing.status, 409);
      assert.equal(nothing.body.error.code, 'NOTHING_TO_VERIFY');
      assert.equal((await timeline(id)).filter((event) => event.kind === 'verify-scheduled').length, 0, 'refusals record nothing');
    });

    it('two workers racing over due jobs run each exactly once, as the agent who scheduled it, and record verify with the scheduleId', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const port = await closedPort();
      const ids = await Promise.all([1, 2, 3, 4].map((n) => failingCase(`race ${n}`, port)));
      const scheduleIds = new Map<string, string>();
      for (const id of ids) scheduleIds.set(id, (await json(await schedule(id, { minutes: 5 }))).body.scheduleId);
      await makeDue();
      // On PostgreSQL the second worker has its own connection, as a second instance would.
      const second = kind === 'postgres' ? await openDatabase(config) : database;
      const listener = await openPort(port);
      try {
        const claimed = await Promise.all([worker(database.db), worker(second.db), worker(database.db), worker(second.db)]);
        assert.equal(claimed.reduce((sum, count) => sum + count, 0), 4, `claims per worker: ${claimed.join(', ')}`);
        assert.equal(await worker(second.db), 0, 'nothing left to run');
      } finally {
        await listener.close();
        if (second !== database) await second.close();
      }
      for (const id of ids) {
        const verifies = (await timeline(id)).filter((event) => event.kind === 'verify');
        assert.equal(verifies.length, 1, `one verify on ${id}`);
        assert.equal(verifies[0].actor, li.id, 'runs as the agent who scheduled it');
        assert.equal(verifies[0].payload.scheduleId, scheduleIds.get(id));
        assert.equal(verifies[0].payload.verified, true);
        const [row] = await database.db.select().from(tables.verifySchedules).where(eq(tables.verifySchedules.id, scheduleIds.get(id)!));
        assert.equal(row.status, 'done');
        assert.equal(row.verifyEventId, verifies[0].id);
      }
    });

    it('a claim whose worker died is taken over once its lease runs out, by a worker started after a restart', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const port = await closedPort();
      const id = await failingCase('crash', port);
      const { scheduleId } = (await json(await schedule(id, { minutes: 1 }))).body;
      await makeDue();
      // A worker claimed it and died before finishing: its lease still holds.
      await database.db.execute(sql`update verify_schedules set claim_token = gen_random_uuid(), claimed_until = now() + interval '5 minutes', attempts = 1 where id = ${scheduleId}`);
      assert.equal(await worker(), 0, 'a live lease is left alone');
      await database.db.execute(sql`update verify_schedules set claimed_until = now() - interval '1 second' where id = ${scheduleId}`);
      // Restart: the process and its connection go away; the queue is in the database.
      await database.close();
      database = await openDatabase(config);
      api = services(async () => database.db);
      assert.equal(await worker(), 1);
      const verifies = (await timeline(id)).filter((event) => event.kind === 'verify');
      assert.equal(verifies.length, 1);
      assert.equal(verifies[0].payload.verified, false, 'the port is still closed');
      assert.equal(verifies[0].payload.scheduleId, scheduleId);
      const [row] = await database.db.select().from(tables.verifySchedules).where(eq(tables.verifySchedules.id, scheduleId));
      assert.equal(row.attempts, 2);
      assert.equal(row.status, 'done');
      assert.equal(await worker(), 0);
    });

    it('cancel: 204 once recorded, twice is fine, a cancelled job never runs; 409 after it ran, 404 for another case', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await failingCase('cancel', await closedPort());
      const { scheduleId } = (await json(await schedule(id, { minutes: 30 }))).body;
      assert.equal((await cancel(id, scheduleId, null)).status, 401);
      assert.equal((await cancel(id, scheduleId)).status, 204);
      assert.equal((await cancel(id, scheduleId)).status, 204);
      const cancelled = (await timeline(id)).filter((event) => event.kind === 'verify-cancelled');
      assert.deepEqual(cancelled.map((event) => [event.actor, event.payload]), [[sam.id, { scheduleId }]]);
      await makeDue();
      assert.equal(await worker(), 0, 'a cancelled job is not claimed');
      const other = await failingCase('other', await closedPort());
      assert.equal((await cancel(other, scheduleId)).status, 404);
      assert.equal((await cancel(id, 'not-a-uuid')).status, 404);

      const ran = (await json(await schedule(id, { minutes: 5 }))).body.scheduleId as string;
      await makeDue();
      assert.equal(await worker(), 1);
      const late = await json(await cancel(id, ran));
      assert.equal(late.status, 409);
      assert.equal(late.body.error.code, 'ALREADY_RAN');
    });

    it('a job with nothing left to re-run when it is due records verify-cancelled with the reason instead of a verify', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const port = await closedPort();
      const id = await failingCase('fixed meanwhile', port);
      const { scheduleId } = (await json(await schedule(id, { minutes: 5 }))).body;
      const listener = await openPort(port);
      try {
        await api.cases.probe(call('POST', `/api/cases/${id}/probes`, li.token, { type: 'tcp', host: '127.0.0.1', port }), id);
      } finally {
        await listener.close();
      }
      await makeDue();
      assert.equal(await worker(), 1);
      const events = await timeline(id);
      assert.ok(!events.some((event) => event.kind === 'verify'));
      assert.deepEqual(events.filter((event) => event.kind === 'verify-cancelled').map((event) => event.payload), [{ scheduleId, reason: 'nothing-to-verify' }]);
    });

    it('staff evidence: pasted output is parsed and stored as text (201); 401 without a caller, 400 naming the field, 404 for no case', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = (await json(await api.cases.create(call('POST', '/api/cases', li.token, { title: 'evidence' })))).body.id as string;
      const add = (body: unknown, who: string | null = li.token, caseId = id) => api.evidence.add(call('POST', `/api/cases/${caseId}/evidence`, who, body), caseId);
      const text = '* Trying 203.0.113.7:443...\n* connect to 203.0.113.7 port 443 failed: Connection refused\n<script>alert(1)</script>';
      const created = await json(await add({ text }));
      assert.equal(created.status, 201);
      assert.equal(created.body.kind, 'evidence');
      assert.equal(created.body.actor, li.id);
      assert.equal(created.body.payload.source, 'staff');
      assert.equal(created.body.payload.text, text, 'stored exactly as pasted');
      assert.ok(Array.isArray(created.body.payload.parsed.findings) && created.body.payload.parsed.findings.length > 0, 'the parser read it');
      assert.equal(typeof created.body.payload.parsed.tool, 'string');
      const stored = (await timeline(id)).find((event) => event.id === created.body.id);
      assert.deepEqual(stored?.payload, created.body.payload);

      assert.equal((await add({ text }, null)).status, 401);
      for (const [body, field] of [[{}, 'text'], [{ text: '   ' }, 'text'], [{ text: 7 }, 'text'], [{ text: 'x'.repeat(100_001) }, 'text'], [{ text, source: 'customer' }, 'source']] as const) {
        const refused = await json(await add(body));
        assert.equal(refused.status, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(refused.body.error.field, field);
      }
      assert.equal((await add({ text }, li.token, '00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await timeline(id)).filter((event) => event.kind === 'evidence').length, 1, 'refusals record nothing');
    });
  });
}
