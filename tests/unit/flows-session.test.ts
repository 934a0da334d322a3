import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FlowSession, replayPath, stateIdOf, type RunProbe } from '../../lib/flows';
import type { ProbeResult } from '../../lib/probes';
import { FLOWS, type ProbeRequest } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';
import { at, settled } from '../fixtures/flows/session';

const flow = FLOWS['five-layer'];

/** A fake probe answering from a table by probe type, recording what it was asked. */
function fakeProbe(answers: Partial<Record<string, ProbeResult | Error>>, asked: ProbeRequest[] = []): RunProbe {
  return async (input) => {
    asked.push(input);
    const answer = answers[input.type];
    if (!answer) return new Promise<never>(() => {});
    if (answer instanceof Error) throw answer;
    return answer;
  };
}

const target = { host: 'api.example.com', port: '443', url: '' };

describe('FlowSession', () => {
  test('in a probe state it calls the probe with the request built from the context, and records the result as a step', async () => {
    const asked: ProbeRequest[] = [];
    const session = new FlowSession({
      flow,
      probe: fakeProbe({ dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_REFUSED') }, asked),
    });
    assert.equal(session.submit('start', target).ok, true);
    assert.deepEqual(session.state.running?.request, { type: 'dns', host: 'api.example.com' });
    const state = await settled(session, at('portRefused'));
    assert.deepEqual(asked, [
      { type: 'dns', host: 'api.example.com' },
      { type: 'tcp', host: 'api.example.com', port: 443 },
    ]);
    assert.deepEqual(
      state.replay.steps.map((step) => step.kind),
      ['submit', 'probe', 'probe'],
    );
    assert.deepEqual(
      state.replay.snapshot.context.evidence.map((entry) => [entry.request, entry.result?.code]),
      [
        [{ type: 'dns', host: 'api.example.com' }, 'DNS_OK'],
        [{ type: 'tcp', host: 'api.example.com', port: 443 }, 'TCP_REFUSED'],
      ],
    );
    session.dispose();
  });

  test('checks forms itself: a refused form or an unknown answer changes nothing and says why', () => {
    const session = new FlowSession({ flow, probe: fakeProbe({}) });
    const refused = session.submit('start', { host: 'http://bad host', port: '99999' });
    assert.equal(refused.ok, false);
    assert.deepEqual(!refused.ok && refused.errors.map((error) => error.field), ['host', 'port']);
    assert.equal(session.answer('yes'), false);
    assert.equal(session.cancel(), false);
    assert.equal(session.state.replay.steps.length, 0);
  });

  test('normalises what staff pasted before the machine sees it: a URL fills host and port', async () => {
    const asked: ProbeRequest[] = [];
    const session = new FlowSession({ flow, probe: fakeProbe({ dns: sampleResult('dns', 'DNS_OK') }, asked) });
    const taken = session.submit('start', { host: 'https://API.Example.com:8443/login', port: '443', url: '' });
    assert.deepEqual(taken, { ok: true, values: { host: 'api.example.com', port: '8443', url: 'https://api.example.com:8443/login' } });
    assert.deepEqual(session.state.replay.steps[0], { kind: 'submit', state: 'target', action: 'start', values: taken.ok ? taken.values : {} });
    await settled(session, (state) => state.running?.stateId === 'tcpProbe');
    assert.deepEqual(asked.at(-1), { type: 'tcp', host: 'api.example.com', port: 8443 });
    session.dispose();
  });

  test('an IP literal in the host field skips the DNS probe', () => {
    const session = new FlowSession({ flow, probe: fakeProbe({}) });
    session.submit('start', { host: '1.2.3', port: '443', url: '' });
    assert.equal(session.state.running?.stateId, 'tcpProbe');
    assert.deepEqual(session.state.running?.request, { type: 'tcp', host: '1.2.0.3', port: 443 });
    session.dispose();
  });

  test('cancel aborts the running probe and falls back to asking staff', async () => {
    let signal: AbortSignal | undefined;
    const session = new FlowSession({
      flow,
      probe: (_request, abort) => {
        signal = abort;
        return new Promise<never>(() => {});
      },
    });
    session.submit('start', target);
    assert.equal(signal?.aborted, false);
    assert.equal(session.state.running?.stateId, 'dnsProbe');
    assert.equal(session.cancel(), true);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'dnsProbeManual');
    assert.equal(session.state.running, null);
    assert.deepEqual(session.state.replay.snapshot.context.evidence[0], {
      state: 'dnsProbe',
      request: { type: 'dns', host: 'api.example.com' },
      failure: { kind: 'cancelled', message: 'Cancelled by staff.' },
    });
    assert.equal(signal?.aborted, true);
  });

  test('a result arriving after staff moved on is dropped', async () => {
    let resolve: (result: ProbeResult) => void = () => {};
    const session = new FlowSession({ flow, probe: () => new Promise((done) => (resolve = done)) });
    session.submit('start', target);
    session.reopen(0);
    resolve(sampleResult('dns', 'DNS_NXDOMAIN'));
    await new Promise((done) => setTimeout(done, 0));
    assert.equal(stateIdOf(session.state.replay.snapshot), 'target');
    assert.equal(session.state.replay.steps.length, 0);
  });

  test('an API error becomes a transition to the manual question, with the error as evidence', async () => {
    const refused = Object.assign(new Error('api.example.com is in a range probes may not reach (private)'), { kind: 'http', status: 403, code: 'TARGET_FORBIDDEN' });
    const session = new FlowSession({ flow, probe: fakeProbe({ dns: refused }) });
    session.submit('start', target);
    const state = await settled(session, at('dnsProbeManual'));
    assert.deepEqual(state.replay.snapshot.context.evidence[0].failure, {
      kind: 'http',
      status: 403,
      code: 'TARGET_FORBIDDEN',
      message: 'api.example.com is in a range probes may not reach (private)',
    });
    assert.deepEqual(state.replay.steps.at(-1)?.kind, 'probe-error');
    assert.equal(session.answer('ok'), true);
  });

  test('reopening an earlier step cuts the path back and lets staff answer differently', async () => {
    const session = new FlowSession({ flow, probe: fakeProbe({ dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_REFUSED') }) });
    session.submit('start', target);
    await settled(session, at('portRefused'));
    session.answer('stopped');
    assert.equal(session.state.replay.snapshot.status, 'done');
    session.reopen(3);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'portRefused');
    session.answer('running');
    assert.equal(stateIdOf(session.state.replay.snapshot), 'fix_service-not-listening_fix-bind-address');
  });

  test('a path that ends in a probe state runs that probe when the session starts', async () => {
    const asked: ProbeRequest[] = [];
    const replay = replayPath(flow.machine, [
      { kind: 'submit', state: 'target', action: 'start', values: { host: 'api.example.com', port: '8443', url: '' } },
      { kind: 'probe', state: 'dnsProbe', result: sampleResult('dns', 'DNS_OK') },
    ]);
    const session = new FlowSession({ flow, probe: fakeProbe({ tcp: sampleResult('tcp', 'TCP_TIMEOUT') }, asked), replay });
    assert.deepEqual(asked, [], 'nothing runs before start');
    session.start();
    await settled(session, at('portFiltered'));
    assert.deepEqual(asked, [{ type: 'tcp', host: 'api.example.com', port: 8443 }]);
  });
});
