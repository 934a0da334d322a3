import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stateIdOf } from '../../lib/flows/state';
import { replayPath } from '../../lib/flows/replay';
import { FlowSession, type RunProbe, type SessionState } from '../../lib/flows/session';
import type { ProbeResult } from '../../lib/probes/schema';
import { FLOWS, type ProbeRequest } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';

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

function settled(session: FlowSession, until: (state: SessionState) => boolean): Promise<SessionState> {
  return new Promise((resolve) => {
    if (until(session.state)) return resolve(session.state);
    const stop = session.subscribe((state) => {
      if (until(state)) {
        stop();
        resolve(state);
      }
    });
  });
}

const at = (id: string) => (state: SessionState) => stateIdOf(state.replay.snapshot) === id && state.running === null;
const target = { type: 'submit.start', values: { host: 'api.example.com', port: '443', url: '' } } as const;

describe('FlowSession', () => {
  test('runs each probe through the provided `probe` actor and records the result as a step', async () => {
    const asked: ProbeRequest[] = [];
    const session = new FlowSession({
      flow,
      probe: fakeProbe({ dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_REFUSED') }, asked),
    });
    assert.equal(session.send(target), true);
    const state = await settled(session, at('portRefused'));
    assert.deepEqual(asked, [
      { type: 'dns', host: 'api.example.com' },
      { type: 'tcp', host: 'api.example.com', port: 443 },
    ]);
    assert.deepEqual(
      state.replay.steps.map((step) => step.kind),
      ['submit', 'probe', 'probe'],
    );
    session.dispose();
  });

  test('a rejected form or an unknown answer changes nothing', () => {
    const session = new FlowSession({ flow, probe: fakeProbe({}) });
    assert.equal(session.send({ type: 'submit.start', values: { host: 'http://bad host', port: '443' } }), false);
    assert.equal(session.send({ type: 'answer.yes' }), false);
    assert.equal(session.state.replay.steps.length, 0);
  });

  test('cancel stops the running probe (aborting its request) and falls back to asking staff', async () => {
    let signal: AbortSignal | undefined;
    const session = new FlowSession({
      flow,
      probe: (_request, abort) => {
        signal = abort;
        return new Promise<never>(() => {});
      },
    });
    session.send(target);
    assert.equal(signal?.aborted, false);
    assert.equal(session.state.running?.stateId, 'dnsProbe');
    assert.equal(session.send({ type: 'cancel' }), true);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'dnsProbeManual');
    assert.equal(session.state.running, null);
    assert.equal(session.state.replay.snapshot.context.evidence[0].failure?.kind, 'cancelled');
    assert.equal(signal?.aborted, true);
  });

  test('an API error becomes a transition to the manual question, with the error as evidence', async () => {
    const refused = Object.assign(new Error('api.example.com is in a range probes may not reach (private)'), { kind: 'http', status: 403, code: 'TARGET_FORBIDDEN' });
    const session = new FlowSession({ flow, probe: fakeProbe({ dns: refused }) });
    session.send(target);
    const state = await settled(session, at('dnsProbeManual'));
    assert.deepEqual(state.replay.snapshot.context.evidence[0].failure, {
      kind: 'http',
      status: 403,
      code: 'TARGET_FORBIDDEN',
      message: 'api.example.com is in a range probes may not reach (private)',
    });
    assert.equal(session.send({ type: 'answer.ok' }), true);
  });

  test('reopening an earlier step cuts the path back and lets staff answer differently', async () => {
    const session = new FlowSession({ flow, probe: fakeProbe({ dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_REFUSED') }) });
    session.send(target);
    await settled(session, at('portRefused'));
    session.send({ type: 'answer.stopped' });
    assert.equal(session.state.replay.snapshot.status, 'done');
    session.reopen(3);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'portRefused');
    session.send({ type: 'answer.running' });
    assert.equal(stateIdOf(session.state.replay.snapshot), 'fix_service-not-listening_fix-bind-address');
  });

  test('a path that ends in a probe state runs that probe when the session starts', async () => {
    const asked: ProbeRequest[] = [];
    const replay = replayPath(flow.machine, [
      { kind: 'submit', state: 'target', action: 'start', values: { host: 'api.example.com', port: '8443', url: '' } },
      { kind: 'probe', state: 'dnsProbe', result: sampleResult('dns', 'DNS_OK') },
    ]);
    const session = new FlowSession({ flow, probe: fakeProbe({ tcp: sampleResult('tcp', 'TCP_TIMEOUT') }, asked), replay });
    session.start();
    await settled(session, at('portFiltered'));
    assert.deepEqual(asked, [{ type: 'tcp', host: 'api.example.com', port: 8443 }]);
  });
});
