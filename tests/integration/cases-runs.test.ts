import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorizeWith } from '../../lib/auth/runtime';
import { createAuthService } from '../../lib/auth/service';
import { createToken } from '../../lib/auth/tokens';
import { createUser } from '../../lib/auth/users';
import { createCasesApi } from '../../lib/cases/server';
import { createRunsApi } from '../../lib/cases/runs';
import { createVerifyApi } from '../../lib/cases/verify';
import type { Database } from '../../lib/db/server';
import { createAccess, type CaseProbe } from '../../lib/access/server';
import type { Role } from '../../lib/auth';
import { apiRequest as call, jsonOf as json, signIn, SITE } from '../fixtures/auth-requests';
import { databaseFactory, type DatabaseFactory } from '../fixtures/db/fresh-database';
import { testContext } from '../fixtures/probes/context';
import { closedPort, openPort } from '../fixtures/probes/servers';

let factory: DatabaseFactory;
before(async () => {
  factory = await databaseFactory('cases-runs');
});
after(() => factory.stop());


const PASSWORD = 'correct horse battery';
const MISSING = '00000000-0000-0000-0000-000000000000';

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`flow runs and verify on ${kind === 'pglite' ? 'embedded PGlite' : 'a PostgreSQL server'}`, () => {
    let database: Database;
    let cases: ReturnType<typeof createCasesApi>;
    let runs: ReturnType<typeof createRunsApi>;
    let verify: ReturnType<typeof createVerifyApi>['verify'];
    let service: ReturnType<typeof createAuthService>;
    let li: { id: string; token: string };
    let sam: { id: string; token: string };
    const skip = () => (kind === 'postgres' ? factory.postgresSkip() : false);


    /** A new case of Li's on 127.0.0.1. */
    async function newCase(title: string): Promise<string> {
      const created = await json(await cases.create(call('POST', '/api/cases', li.token, { title, target: { host: '127.0.0.1' }, lang: 'en' })));
      assert.equal(created.status, 201);
      return created.body.id as string;
    }

    async function timeline(id: string): Promise<Array<{ id: number; kind: string; actor: string; payload: Record<string, unknown> }>> {
      return (await json(await cases.read(call('GET', `/api/cases/${id}`, li.token), id))).body.timeline;
    }

    before(async () => {
      if (skip()) return;
      database = await factory.fresh(kind);
      service = createAuthService(database.db, {});
      const liUser = await createUser(database.db, { email: 'li@example.com', name: 'Li Wei', role: 'agent', password: PASSWORD });
      const samUser = await createUser(database.db, { email: 'sam@example.com', name: 'Sam', role: 'agent', password: PASSWORD });
      li = { id: liUser.id, token: (await createToken(database.db, liUser.id, 'test')).token };
      sam = { id: samUser.id, token: (await createToken(database.db, samUser.id, 'test')).token };
      const context = testContext();
      const authorize = (request: Request, role: Role) => authorizeWith(service, request, role);
      // The probe guard the app uses, so verify's re-runs pass the same gate as case probes.
      const access = createAccess({ db: async () => database.db, authorize, probeOptions: { context, audit: () => {} }, env: {} });
      const deps = { db: async () => database.db, authorize, probe: (probe: CaseProbe) => access.runForCase(probe) };
      cases = createCasesApi(deps);
      runs = createRunsApi(deps);
      verify = createVerifyApi(deps).verify;
    });
    after(async () => {
      await database?.close();
    });

    it('records a run: its start, each step with the answer, the probe the server stored for it, and the ending', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await newCase('run me');
      const response = await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-layer' }), id);
      const started = await json(response);
      assert.equal(started.status, 201);
      const { runId } = started.body;
      assert.match(runId, /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get('location'), `/api/cases/${id}/runs/${runId}`);

      const submitted = await json(await runs.step(call('POST', `/api/cases/${id}/runs/${runId}/steps`, li.token, { index: 0, kind: 'submit', stateId: 'target', title: 'Which server?', action: 'start', answer: { host: '127.0.0.1', port: '1' } }), id, runId));
      assert.equal(submitted.status, 201);

      const refused = await closedPort();
      const probed = await json(await cases.probe(call('POST', `/api/cases/${id}/probes?run=${runId}&state=tcpProbe`, sam.token, { type: 'tcp', host: '127.0.0.1', port: refused }), id));
      assert.equal(probed.status, 201);
      assert.equal(probed.body.code, 'TCP_REFUSED');
      const probeStep = await json(await runs.step(call('POST', `/api/cases/${id}/runs/${runId}/steps`, sam.token, { index: 1, kind: 'probe', stateId: 'tcpProbe', title: 'TCP', probeEventId: probed.body.eventId }), id, runId));
      assert.equal(probeStep.status, 201);
      await runs.step(call('POST', `/api/cases/${id}/runs/${runId}/steps`, sam.token, { index: 2, kind: 'answer', stateId: 'portRefused', title: 'Nothing listens', answer: 'service-down' }), id, runId);
      const ended = await json(await runs.end(call('POST', `/api/cases/${id}/runs/${runId}/end`, sam.token, { endingId: 'fix_service-not-listening_start-service', title: 'Start the service' }), id, runId));
      assert.equal(ended.status, 201);

      const events = await timeline(id);
      assert.deepEqual(
        events.map((event) => [event.kind, event.actor]),
        [['created', li.id], ['flow-run', li.id], ['flow-step', li.id], ['probe', sam.id], ['flow-step', sam.id], ['flow-step', sam.id], ['flow-end', sam.id]],
      );
      assert.deepEqual(events[1].payload, { runId, flowId: 'five-layer', lang: 'en' }, 'the run takes the case language by default');
      assert.deepEqual(events[2].payload, { runId, flowId: 'five-layer', index: 0, kind: 'submit', stateId: 'target', title: 'Which server?', action: 'start', answer: { host: '127.0.0.1', port: '1' } });
      assert.deepEqual({ runId: events[3].payload.runId, stateId: events[3].payload.stateId }, { runId, stateId: 'tcpProbe' }, 'the probe event carries its run and state');
      assert.equal(events[4].payload.probeEventId, events[3].id);
      assert.deepEqual(events[6].payload, { runId, flowId: 'five-layer', endingId: 'fix_service-not-listening_start-service', title: 'Start the service' });

      const read = await json(await runs.read(call('GET', `/api/cases/${id}/runs/${runId}`, sam.token), id, runId));
      assert.equal(read.status, 200);
      assert.equal(read.body.flowId, 'five-layer');
      assert.deepEqual(read.body.events.map((event: { kind: string }) => event.kind), ['flow-run', 'flow-step', 'probe', 'flow-step', 'flow-step', 'flow-end']);
      assert.deepEqual(read.body.names, { [li.id]: 'Li Wei', [sam.id]: 'Sam' });
    });

    it('an implied answer keeps its words through the API: stored on the step, read back with the run, refused on other steps', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await newCase('implied by the URL');
      const { body: run } = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-layer' }), id));
      const step = (body: Record<string, unknown>) => runs.step(call('POST', `/api/cases/${id}/runs/${run.runId}/steps`, li.token, body), id, run.runId);
      const implied = { index: 3, kind: 'answer', stateId: 'plainPort', title: 'Port 8080 does not speak TLS', answer: 'expects-tls', implied: 'implied by https:// in the URL' };
      const stored = await json(await step(implied));
      assert.equal(stored.status, 201);
      assert.deepEqual(stored.body.payload, { runId: run.runId, flowId: 'five-layer', ...implied });
      const chosen = await json(await step({ ...implied, index: 4, implied: undefined }));
      assert.equal(chosen.body.payload.implied, undefined, 'an answer the agent chose is not marked');
      const read = await json(await runs.read(call('GET', `/api/cases/${id}/runs/${run.runId}`, li.token), id, run.runId));
      assert.deepEqual(
        read.body.events.filter((event: { kind: string }) => event.kind === 'flow-step').map((event: { payload: Record<string, unknown> }) => event.payload.implied),
        ['implied by https:// in the URL', undefined],
      );
      for (const bad of [{ ...implied, kind: 'submit', action: 'start', answer: { host: 'a' } }, { ...implied, implied: '' }, { ...implied, implied: 'x'.repeat(201) }, { ...implied, implied: true }]) {
        const refused = await json(await step(bad));
        assert.equal(refused.status, 400, JSON.stringify(bad));
        assert.equal(refused.body.error.field, 'implied', JSON.stringify(bad));
      }
    });

    it('a hand-over starts the next run on the same case, linked to the run it came from', async (t) => {
      if (skip()) return t.skip('no PostgreSQL server on this machine');
      const id = await newCase('Incident then 5 Whys');
      const { body: first } = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'incident-response' }), id));
      const next = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-whys', from: first.runId }), id));
      assert.equal(next.status, 201);
      const started = (await timeline(id)).filter((event) => event.kind === 'flow-run');
      assert.deepEqual(started.map((event) => event.payload), [
        { runId: first.runId, flowId: 'incident-response', lang: 'en' },
        { runId: next.body.runId, flowId: 'five-whys', lang: 'en', from: { runId: first.runId, flowId: 'incident-response' } },
      ]);
      // A run of another case (or none at all) is not something to continue.
      const other = await newCase('Another case');
      const { body: foreign } = await json(await runs.start(call('POST', `/api/cases/${other}/runs`, li.token, { flowId: 'tls-handshake' }), other));
      for (const from of [foreign.runId, MISSING, 'not-a-uuid']) {
        const refused = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-layer', from }), id));
        assert.equal(refused.status, 400, from);
        assert.equal(refused.body.error.field, 'from');
      }
    });

    it('a step cannot bring its own evidence: probeEventId must be a probe this server stored for the run', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await newCase('evidence');
      const { body: one } = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-layer', lang: 'zh' }), id));
      const { body: two } = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'tls-handshake' }), id));
      const probed = await json(await cases.probe(call('POST', `/api/cases/${id}/probes?run=${two.runId}&state=tcpProbe`, li.token, { type: 'tcp', host: '127.0.0.1', port: await closedPort() }), id));
      const step = (body: unknown) => runs.step(call('POST', `/api/cases/${id}/runs/${one.runId}/steps`, li.token, body), id, one.runId);
      const otherRun = await json(await step({ index: 1, kind: 'probe', stateId: 'tcpProbe', title: 'TCP', probeEventId: probed.body.eventId }));
      assert.equal(otherRun.status, 400);
      assert.equal(otherRun.body.error.field, 'probeEventId');
      const notAProbe = await json(await step({ index: 1, kind: 'probe', stateId: 'tcpProbe', title: 'TCP', probeEventId: 1 }));
      assert.equal(notAProbe.status, 400);
      const withResult = await json(await step({ index: 1, kind: 'probe', stateId: 'tcpProbe', title: 'TCP', result: { code: 'TCP_OPEN' } }));
      assert.equal(withResult.status, 400);
      assert.equal(withResult.body.error.field, 'result', 'a result in the body is refused, not stored');
      assert.equal((await timeline(id)).filter((event) => event.kind === 'flow-step').length, 0);
    });

    it('answers 400 naming the field, 401 without a caller, 403 for a cross-origin session, 404 for an unknown case or run', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await newCase('errors');
      const { body: run } = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, { flowId: 'five-layer' }), id));
      const bad: Array<[unknown, string]> = [
        [{ flowId: '../etc' }, 'flowId'],
        [{}, 'flowId'],
        [{ flowId: 'five-layer', lang: 'fr' }, 'lang'],
        [{ flowId: 'five-layer', owner: 'me' }, 'owner'],
      ];
      for (const [body, field] of bad) {
        const response = await json(await runs.start(call('POST', `/api/cases/${id}/runs`, li.token, body), id));
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.field, field, JSON.stringify(body));
        assert.match(response.body.error.message, new RegExp(`^${field} `));
      }
      const badSteps: Array<[unknown, string]> = [
        [{ index: 0, kind: 'answer', stateId: 'target', title: 'x' }, 'answer'],
        [{ index: 0, kind: 'submit', stateId: 'target', title: 'x', answer: { host: 'a' } }, 'action'],
        [{ index: 0, kind: 'probe', stateId: 'tcpProbe', title: 'x' }, 'probeEventId'],
        [{ index: -1, kind: 'answer', stateId: 'target', title: 'x', answer: 'yes' }, 'index'],
        [{ index: 0, kind: 'guess', stateId: 'target', title: 'x' }, 'kind'],
        [{ index: 0, kind: 'answer', stateId: 'a b', title: 'x', answer: 'yes' }, 'stateId'],
      ];
      for (const [body, field] of badSteps) {
        const response = await json(await runs.step(call('POST', `/api/cases/${id}/runs/${run.runId}/steps`, li.token, body), id, run.runId));
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.field, field, JSON.stringify(body));
      }
      const endless = await json(await runs.end(call('POST', `/api/cases/${id}/runs/${run.runId}/end`, li.token, { endingId: 'x' }), id, run.runId));
      assert.equal(endless.body.error.field, 'title');
      const badQuery = await json(await cases.probe(call('POST', `/api/cases/${id}/probes?run=nope&state=tcpProbe`, li.token, { type: 'tcp', host: '127.0.0.1', port: 1 }), id));
      assert.equal(badQuery.status, 400);
      assert.equal(badQuery.body.error.field, 'run');
      const otherCaseRun = await json(await cases.probe(call('POST', `/api/cases/${id}/probes?run=${MISSING}&state=tcpProbe`, li.token, { type: 'tcp', host: '127.0.0.1', port: 1 }), id));
      assert.equal(otherCaseRun.status, 400);
      assert.equal(otherCaseRun.body.error.field, 'run');
      const lonelyState = await json(await cases.probe(call('POST', `/api/cases/${id}/probes?state=tcpProbe`, li.token, { type: 'tcp', host: '127.0.0.1', port: 1 }), id));
      assert.equal(lonelyState.status, 400);

      const step = { index: 0, kind: 'answer', stateId: 'target', title: 'x', answer: 'yes' };
      assert.equal((await runs.start(call('POST', `/api/cases/${id}/runs`, null, { flowId: 'five-layer' }), id)).status, 401);
      assert.equal((await runs.step(call('POST', `/api/cases/${id}/runs/${run.runId}/steps`, null, step), id, run.runId)).status, 401);
      assert.equal((await runs.read(call('GET', `/api/cases/${id}/runs/${run.runId}`, null), id, run.runId)).status, 401);
      assert.equal((await verify(call('POST', `/api/cases/${id}/verify`, null), id)).status, 401);
      const cookie = await signIn(service, 'li@example.com', PASSWORD);
      const evil = { cookie, origin: 'https://evil.example' };
      assert.equal((await runs.start(call('POST', `/api/cases/${id}/runs`, null, { flowId: 'five-layer' }, evil), id)).status, 403);
      assert.equal((await runs.step(call('POST', `/api/cases/${id}/runs/${run.runId}/steps`, null, step, evil), id, run.runId)).status, 403);
      assert.equal((await runs.end(call('POST', `/api/cases/${id}/runs/${run.runId}/end`, null, { endingId: 'x', title: 'x' }, evil), id, run.runId)).status, 403);
      assert.equal((await verify(call('POST', `/api/cases/${id}/verify`, null, {}, evil), id)).status, 403);
      const sameSite = await runs.start(call('POST', `/api/cases/${id}/runs`, null, { flowId: 'five-layer' }, { cookie, origin: SITE }), id);
      assert.equal(sameSite.status, 201, 'the same session from the site itself may');

      for (const [caseId, runId] of [[MISSING, run.runId], ['not-a-uuid', run.runId], [id, MISSING], [id, 'nope']]) {
        const started = await json(await runs.start(call('POST', `/api/cases/${caseId}/runs`, li.token, { flowId: 'five-layer' }), caseId));
        if (caseId !== id) assert.equal(started.status, 404);
        const stepped = await json(await runs.step(call('POST', `/api/cases/${caseId}/runs/${runId}/steps`, li.token, step), caseId, runId));
        assert.equal(stepped.status, 404, `${caseId} ${runId}`);
        assert.equal(stepped.body.error.message, caseId === id ? 'no such run on this case' : 'no such case');
        assert.equal((await runs.end(call('POST', `/api/cases/${caseId}/runs/${runId}/end`, li.token, { endingId: 'x', title: 'x' }), caseId, runId)).status, 404);
        assert.equal((await runs.read(call('GET', `/api/cases/${caseId}/runs/${runId}`, li.token), caseId, runId)).status, 404);
      }
      assert.equal((await verify(call('POST', `/api/cases/${MISSING}/verify`, li.token), MISSING)).status, 404);
    });

    it('verify re-runs the latest failing probe of each request: a port closed, then opened, verifies', async (t) => {
      if (skip()) return t.skip(String(skip()));
      const id = await newCase('verify');
      const nothing = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token), id));
      assert.equal(nothing.status, 409);
      assert.equal(nothing.body.error.code, 'NOTHING_TO_VERIFY');
      assert.match(nothing.body.error.message, /no probe/);

      const port = await closedPort();
      const other = await closedPort();
      const probe = (target: number) => cases.probe(call('POST', `/api/cases/${id}/probes`, li.token, { type: 'tcp', host: '127.0.0.1', port: target }), id);
      await probe(port);
      const latest = await json(await probe(port));
      const stillClosed = await json(await probe(other));
      assert.equal(latest.body.code, 'TCP_REFUSED');

      const listener = await openPort(port);
      try {
        const partly = await json(await verify(call('POST', `/api/cases/${id}/verify`, sam.token, {}), id));
        assert.equal(partly.status, 200);
        assert.equal(partly.body.verified, false, 'one port is still closed');
        assert.deepEqual(
          partly.body.results.map((entry: { before: { eventId: number; result: { code: string } }; after: { result: { code: string }; ranBy: string } }) => [entry.before.eventId, entry.before.result.code, entry.after.result.code, entry.after.ranBy]),
          [[latest.body.eventId, 'TCP_REFUSED', 'TCP_OPEN', sam.id], [stillClosed.body.eventId, 'TCP_REFUSED', 'TCP_REFUSED', sam.id]],
          'the latest of the two identical requests is re-run once',
        );

        const otherListener = await openPort(other);
        try {
          const now = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token), id));
          assert.equal(now.status, 200);
          assert.equal(now.body.verified, true);
          assert.deepEqual(now.body.results.map((entry: { after: { result: { code: string } } }) => entry.after.result.code), ['TCP_OPEN'], 'only the probe that still failed is re-run');
        } finally {
          await otherListener.close();
        }
      } finally {
        await listener.close();
      }
      const done = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token), id));
      assert.equal(done.status, 409);
      assert.match(done.body.error.message, /OK/);

      const events = await timeline(id);
      const verifies = events.filter((event) => event.kind === 'verify');
      assert.deepEqual(verifies.map((event) => [event.actor, event.payload.verified]), [[sam.id, false], [li.id, true]]);
      const stored = verifies[1].payload as { results: Array<{ after: { eventId: number } }> };
      const rerun = events.find((event) => event.id === stored.results[0].after.eventId);
      assert.equal(rerun?.kind, 'probe', 'each re-run is stored as a probe on the timeline');
      const bad = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token, { force: true }), id));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'force');
      const notJson = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token, 'force', { 'content-type': 'text/plain' }), id));
      assert.equal(notJson.status, 415);
      const empty = await json(await verify(call('POST', `/api/cases/${id}/verify`, li.token, undefined, { 'content-type': 'application/json', 'content-length': '0' }), id));
      assert.equal(empty.status, 409, 'an empty body is no body');
    });
  });
}
