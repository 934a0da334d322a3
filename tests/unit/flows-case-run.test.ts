import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runStepSchema } from '../../lib/cases/contract';
import { CaseRun, FlowSession, pathOfRun, replayPath, stateIdOf, summarizeSteps } from '../../lib/flows';
import type { ProbeResult } from '../../lib/probes';
import { FLOWS } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';
import { at, settled } from '../fixtures/flows/session';

const flow = FLOWS['five-layer'];
const CASE = '11111111-1111-4111-8111-111111111111';
const RUN = '22222222-2222-4222-8222-222222222222';

interface Event {
  id: number;
  at: string;
  actor: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * The case API as a fetch, in memory: it starts one run, "runs" probes by answering from
 * `answers` (by probe type) and stores them, and records steps and endings as events.
 * `failures` makes the next calls to a path answer 503.
 */
function fakeCaseApi(answers: Partial<Record<string, ProbeResult>>) {
  const events: Event[] = [];
  const calls: string[] = [];
  const failures = new Map<string, number>();
  let id = 0;
  const add = (kind: string, payload: Record<string, unknown>) => {
    id += 1;
    const event = { id, at: `2026-11-29T14:0${id % 10}:00.000Z`, actor: 'u-li', kind, payload };
    events.push(event);
    return event;
  };
  const fetchFake = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://fixpath.test');
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(`/api/cases/${CASE}`, '');
    calls.push(`${method} ${path}${url.search}`);
    const failing = failures.get(path) ?? 0;
    if (failing > 0) {
      failures.set(path, failing - 1);
      return Response.json({ error: { code: 'UNAVAILABLE', message: 'down' } }, { status: 503 });
    }
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (method === 'POST' && path === '/runs') {
      add('flow-run', { runId: RUN, flowId: body.flowId, lang: body.lang });
      return Response.json({ runId: RUN }, { status: 201 });
    }
    if (method === 'POST' && path === '/probes') {
      const result = answers[String(body.type)];
      if (!result) return new Promise<Response>(() => {});
      const event = add('probe', { request: body, result, runId: url.searchParams.get('run'), stateId: url.searchParams.get('state') });
      return Response.json({ ...result, eventId: event.id, ranAt: event.at, ranBy: 'u-li' }, { status: 201 });
    }
    if (method === 'POST' && path === `/runs/${RUN}/steps`) return Response.json(add('flow-step', { runId: RUN, ...body }), { status: 201 });
    if (method === 'POST' && path === `/runs/${RUN}/end`) return Response.json(add('flow-end', { runId: RUN, ...body }), { status: 201 });
    if (method === 'GET' && path === `/runs/${RUN}`) return Response.json({ runId: RUN, flowId: 'five-layer', events, names: { 'u-li': 'Li Wei' } });
    return Response.json({ error: { code: 'NOT_FOUND', message: 'no such thing' } }, { status: 404 });
  }) as typeof fetch;
  return { fetch: fetchFake, events, calls, failures };
}

/** A session whose probes go through `run`, recording every change on it, as the runner wires them. */
function recordedSession(run: CaseRun): FlowSession {
  const session = new FlowSession({ flow, probe: run.probe });
  session.subscribe((state) => run.observe(state.replay, 'the ending'));
  return session;
}

/** Waits until the case run has nothing left to send. */
async function drained(run: CaseRun): Promise<void> {
  for (let tries = 0; tries < 200 && run.status !== 'saved' && run.status !== 'failed'; tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('a flow run on a case', () => {
  test('probes go through the case with run and state, and every step is recorded in order with the stored probe it used', async () => {
    const api = fakeCaseApi({ tcp: sampleResult('tcp', 'TCP_REFUSED') });
    const run = new CaseRun({ caseId: CASE, flow, lang: 'en', fetch: api.fetch, retryDelay: () => 0 });
    const session = recordedSession(run);
    session.submit('start', { host: '127.0.0.1', port: '8443', url: '' });
    await settled(session, at('portRefused'));
    session.answer('stopped');
    await drained(run);
    assert.equal(run.status, 'saved');
    assert.equal(run.runId, RUN);
    assert.deepEqual(api.calls.filter((call) => call.includes('/probes')), [`POST /probes?run=${RUN}&state=tcpProbe`]);
    const kinds = api.events.map((event) => event.kind);
    assert.deepEqual(kinds, ['flow-run', 'flow-step', 'probe', 'flow-step', 'flow-step', 'flow-end']);
    const steps = api.events.filter((event) => event.kind === 'flow-step').map((event) => event.payload);
    assert.deepEqual(steps.map((step) => [step.index, step.kind, step.stateId]), [[0, 'submit', 'target'], [1, 'probe', 'tcpProbe'], [2, 'answer', 'portRefused']]);
    assert.deepEqual(steps[0].answer, { host: '127.0.0.1', port: '8443', url: '' });
    assert.equal(steps[1].probeEventId, api.events[2].id);
    assert.equal(steps[1].result, undefined, 'the browser never sends a result');
    assert.equal(api.events[5].payload.endingId, stateIdOf(session.state.replay.snapshot));
  });

  test('a step the server could not take is retried, and the steps still arrive in order', async () => {
    const api = fakeCaseApi({ tcp: sampleResult('tcp', 'TCP_REFUSED') });
    api.failures.set(`/runs/${RUN}/steps`, 2);
    const statuses: string[] = [];
    const run = new CaseRun({ caseId: CASE, flow, lang: 'en', fetch: api.fetch, retryDelay: () => 1, onChange: () => statuses.push(run.status) });
    const session = recordedSession(run);
    session.submit('start', { host: '127.0.0.1', port: '8443', url: '' });
    await settled(session, at('portRefused'));
    await drained(run);
    assert.ok(statuses.includes('retrying'), statuses.join(','));
    assert.equal(run.status, 'saved');
    assert.deepEqual(api.events.filter((event) => event.kind === 'flow-step').map((event) => event.payload.index), [0, 1]);
  });

  test('reopened, the stored run replays to the same step with the server\'s evidence, without probing again', async () => {
    const api = fakeCaseApi({ tcp: sampleResult('tcp', 'TCP_REFUSED') });
    const first = new CaseRun({ caseId: CASE, flow, lang: 'en', fetch: api.fetch, retryDelay: () => 0 });
    const session = recordedSession(first);
    session.submit('start', { host: '127.0.0.1', port: '8443', url: '' });
    await settled(session, at('portRefused'));
    // Back to the form, a different port: index 0 again replaces the path from there.
    session.reopen(0);
    session.submit('start', { host: '127.0.0.1', port: '9443', url: '' });
    await settled(session, at('portRefused'));
    await drained(first);

    const reopened = new CaseRun({ caseId: CASE, runId: RUN, flow, lang: 'en', fetch: api.fetch });
    const probesBefore = api.calls.filter((call) => call.includes('/probes')).length;
    const loaded = await reopened.load();
    const replay = replayPath(flow.machine, loaded.steps);
    assert.equal(stateIdOf(replay.snapshot), 'portRefused');
    assert.deepEqual(replay.snapshot.context.values.port, '9443');
    assert.equal(loaded.names['u-li'], 'Li Wei');
    const evidence = reopened.evidenceFor(replay.steps);
    assert.equal(evidence[1]?.eventId, api.events.filter((event) => event.kind === 'probe').at(-1)?.id);
    assert.equal(api.calls.filter((call) => call.includes('/probes')).length, probesBefore);
    reopened.observe(replay, 'x');
    assert.equal(reopened.status, 'idle', 'reopening records nothing');
  });

  test('an implied answer is stored with the words the runner showed, passes the step contract, and reopens as implied', async () => {
    // The port answers without TLS, the URL says https://: the runner answers "expects TLS" by itself.
    const api = fakeCaseApi({ dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_OPEN'), tls: sampleResult('tls', 'TLS_NOT_TLS') });
    const run = new CaseRun({ caseId: CASE, flow, lang: 'en', fetch: api.fetch, retryDelay: () => 0 });
    const session = recordedSession(run);
    session.submit('start', { host: 'api.example.com', port: '8080', url: 'https://api.example.com:8080/health' });
    const live = await settled(session, at('fix_server-address-invalid_fix-address-format'));
    await drained(run);
    assert.equal(run.status, 'saved');
    const liveSummary = summarizeSteps(flow.machine, live.replay, 'en');
    const stored = api.events.filter((event) => event.kind === 'flow-step');
    const implied = stored.find((event) => event.payload.stateId === 'plainPort');
    assert.deepEqual(
      { kind: implied?.payload.kind, answer: implied?.payload.answer, implied: implied?.payload.implied },
      { kind: 'answer', answer: 'expects-tls', implied: 'implied by https:// in the URL' },
    );
    assert.deepEqual(stored.filter((event) => event.payload.implied !== undefined), [implied], 'only the implied answer says so');
    for (const event of stored) {
      const { runId: _runId, ...body } = event.payload;
      assert.equal(runStepSchema.safeParse(body).success, true, `the step contract takes ${JSON.stringify(body)}`);
    }

    const reopened = new CaseRun({ caseId: CASE, runId: RUN, flow, lang: 'en', fetch: api.fetch });
    const loaded = await reopened.load();
    assert.deepEqual(loaded.steps, live.replay.steps, 'the stored path is the live one, implied flag included');
    const replay = replayPath(flow.machine, loaded.steps);
    assert.deepEqual(
      summarizeSteps(flow.machine, replay, 'en').map((step) => [step.stateId, step.answer, step.implied]),
      liveSummary.map((step) => [step.stateId, step.answer, step.implied]),
    );
    reopened.observe(replay, 'x');
    assert.equal(reopened.status, 'idle', 'reopening records nothing');
  });

  test('the path of a stored run takes each probe result from the stored probe event, and stops at a step without one', () => {
    const stored = sampleResult('tcp', 'TCP_REFUSED');
    const events: Event[] = [
      { id: 1, at: 't1', actor: 'u', kind: 'flow-step', payload: { index: 0, kind: 'submit', stateId: 'target', action: 'start', answer: { host: '127.0.0.1', port: '1', url: '' } } },
      { id: 2, at: 't2', actor: 'u', kind: 'probe', payload: { request: {}, result: stored } },
      { id: 3, at: 't3', actor: 'u', kind: 'flow-step', payload: { index: 1, kind: 'probe', stateId: 'tcpProbe', probeEventId: 2 } },
      { id: 4, at: 't4', actor: 'u', kind: 'flow-step', payload: { index: 2, kind: 'probe', stateId: 'tlsProbe', probeEventId: 99 } },
    ];
    const { steps, evidence } = pathOfRun({ runId: RUN, flowId: 'five-layer', events, names: {} });
    assert.deepEqual(steps.map((step) => step.kind), ['submit', 'probe']);
    assert.deepEqual(steps[1], { kind: 'probe', state: 'tcpProbe', result: stored });
    assert.deepEqual(evidence, [undefined, { eventId: 2, ranAt: 't2', ranBy: 'u' }]);
  });

  test('saving a browser run re-runs its probes on the server; where the server sees otherwise, the path continues from that', async () => {
    const api = fakeCaseApi({ tcp: sampleResult('tcp', 'TCP_OPEN') });
    const browser = replayPath(flow.machine, [
      { kind: 'submit', state: 'target', action: 'start', values: { host: '127.0.0.1', port: '8443', url: '' } },
      { kind: 'probe', state: 'tcpProbe', result: sampleResult('tcp', 'TCP_REFUSED') },
      { kind: 'answer', state: 'portRefused', option: 'stopped' },
    ]);
    assert.equal(browser.steps.length, 3);
    const run = new CaseRun({ caseId: CASE, flow, lang: 'en', fetch: api.fetch, retryDelay: () => 0 });
    const adopted = await run.adopt(browser);
    assert.equal(adopted.changed, 1);
    assert.deepEqual(adopted.steps.map((step) => step.kind), ['submit', 'probe']);
    assert.equal(adopted.steps[1].kind === 'probe' && adopted.steps[1].result.code, 'TCP_OPEN');
    run.observe(replayPath(flow.machine, adopted.steps), 'x');
    await drained(run);
    assert.deepEqual(api.events.filter((event) => event.kind === 'flow-step').map((event) => [event.payload.kind, event.payload.probeEventId]), [['submit', undefined], ['probe', 2]]);
  });
});
