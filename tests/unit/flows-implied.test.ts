import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCaseNotes, encodeFlowLink, FlowSession, restoreFlowLink, stateIdOf, summarizeSteps, type RunProbe } from '../../lib/flows';
import type { ProbeResult } from '../../lib/probes';
import { FLOWS, VALUE_TESTS, type QuestionMeta } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';
import { at, settled } from '../fixtures/flows/session';

/** A fake probe answering by probe type. */
function fakeProbe(answers: Partial<Record<string, ProbeResult>>): RunProbe {
  return async (input) => answers[input.type] ?? new Promise<never>(() => {});
}

const plainPort = { dns: sampleResult('dns', 'DNS_OK'), tcp: sampleResult('tcp', 'TCP_OPEN'), tls: sampleResult('tls', 'TLS_NOT_TLS') };

describe('questions the input already answers', () => {
  test('the scheme tests read what an address says about TLS', () => {
    const tls = (value: string) => VALUE_TESTS.impliesTls({ value, address: undefined });
    const plain = (value: string) => VALUE_TESTS.impliesPlain({ value, address: undefined });
    assert.deepEqual(['https://a.example', 'WSS://a.example:9443', ' ssl://a:1', 'tls://a'].map(tls), [true, true, true, true]);
    assert.deepEqual(['http://a.example', 'ws://a', 'a.example:443', 'tcp://a:1', ''].map(tls), [false, false, false, false, false]);
    assert.deepEqual(['http://a.example', 'ws://a', 'https://a', 'a:80'].map(plain), [true, true, false, false]);
  });

  test('every implied answer names an option of its question', () => {
    for (const flow of Object.values(FLOWS)) {
      for (const [id, state] of Object.entries(flow.machine.states)) {
        const meta = state.meta as QuestionMeta;
        for (const rule of meta.implied ?? []) assert.ok(meta.options.some((option) => option.id === rule.option), `${flow.info.id}.${id}: ${rule.option}`);
      }
    }
  });

  test('five-layer: an https:// URL on a port without TLS is not asked about, the answer is shown as implied, and staff can change it', async () => {
    const session = new FlowSession({ flow: FLOWS['five-layer'], probe: fakeProbe(plainPort) });
    assert.equal(session.submit('start', { host: 'api.example.com', port: '8080', url: 'https://api.example.com:8080/health' }).ok, true);
    const state = await settled(session, at('fix_server-address-invalid_fix-address-format'));
    const last = state.replay.steps.at(-1);
    assert.deepEqual(last, { kind: 'answer', state: 'plainPort', option: 'expects-tls', implied: true });
    const summary = summarizeSteps(FLOWS['five-layer'].machine, state.replay, 'en').at(-1);
    assert.equal(summary?.implied, 'implied by https:// in the URL');
    assert.equal(summarizeSteps(FLOWS['five-layer'].machine, state.replay, 'zh').at(-1)?.implied, '由网址里的 https:// 得出');
    assert.match(buildCaseNotes({ flow: FLOWS['five-layer'], replay: state.replay, lang: 'en', origin: 'https://fixpath.example', flowQuery: '', fixes: {} }), /\(implied by https:\/\/ in the URL\)/);

    // "Change": the question is asked now, and a different answer is taken.
    session.reopen(state.replay.steps.length - 1);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'plainPort');
    assert.equal(session.answer('plain'), true);
    assert.equal(stateIdOf(session.state.replay.snapshot), 'httpProbe');
    session.dispose();
  });

  test('five-layer: an http:// URL implies a plain client; without a URL the question is asked', async () => {
    const withHttp = new FlowSession({ flow: FLOWS['five-layer'], probe: fakeProbe(plainPort) });
    withHttp.submit('start', { host: 'api.example.com', port: '8080', url: 'http://api.example.com:8080/' });
    const http = await settled(withHttp, (state) => stateIdOf(state.replay.snapshot) === 'httpProbe');
    assert.deepEqual(http.replay.steps.at(-1), { kind: 'answer', state: 'plainPort', option: 'plain', implied: true });
    withHttp.dispose();

    const bare = new FlowSession({ flow: FLOWS['five-layer'], probe: fakeProbe(plainPort) });
    bare.submit('start', { host: 'api.example.com', port: '8080', url: '' });
    const asked = await settled(bare, at('plainPort'));
    assert.equal(asked.replay.steps.at(-1)?.kind, 'probe');
    bare.dispose();
  });

  test("client configuration: https:// in the client's address answers whether TLS is switched on", async () => {
    const session = new FlowSession({ flow: FLOWS['client-config'], probe: fakeProbe({ tcp: sampleResult('tcp', 'TCP_OPEN'), tls: sampleResult('tls', 'TLS_OK') }) });
    session.answer('shown');
    session.submit('check', { address: 'https://api.example.com:9443', port: '' });
    const state = await settled(session, at('proxy'));
    assert.deepEqual(state.replay.steps.at(-1), { kind: 'answer', state: 'tlsPort', option: 'on', implied: true });
    assert.equal(summarizeSteps(FLOWS['client-config'].machine, state.replay, 'en').at(-1)?.implied, "implied by https:// in the client's server address");
    session.dispose();
  });

  test('a link keeps which answers were implied', async () => {
    const session = new FlowSession({ flow: FLOWS['five-layer'], probe: fakeProbe(plainPort) });
    session.submit('start', { host: 'api.example.com', port: '8080', url: 'https://api.example.com:8080/' });
    const state = await settled(session, at('fix_server-address-invalid_fix-address-format'));
    const restored = await restoreFlowLink(FLOWS['five-layer'], await encodeFlowLink('five-layer', 1, state.replay.steps));
    assert.deepEqual(restored.replay.steps, state.replay.steps);
    session.dispose();
  });
});
