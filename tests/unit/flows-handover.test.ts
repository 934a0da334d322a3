import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildHandover, encodeHandover, handoverDraft, readHandover, replayPath, stateIdOf, stateMetaOf, type PathStep } from '../../lib/flows';
import { FLOWS, type HandoffMeta } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';

/** Replays `steps` in `flowId` and returns the hand-off it ends at, with the context. */
function endAt(flowId: keyof typeof FLOWS, steps: PathStep[]) {
  const replay = replayPath(FLOWS[flowId].machine, steps);
  assert.equal(replay.mismatch, undefined, JSON.stringify(replay.mismatch));
  const meta = stateMetaOf(FLOWS[flowId].machine, stateIdOf(replay.snapshot));
  assert.equal(meta?.kind, 'handoff');
  return { meta: meta as HandoffMeta, context: replay.snapshot.context };
}

const incidentToFiveWhys: PathStep[] = [
  { kind: 'submit', state: 'basics', action: 'start', values: { service: 'Order API', started: '2026-11-22 14:05 UTC+8', symptom: 'Checkout spins,\nthen times out', host: 'api.example.com', port: '8443' } },
  { kind: 'probe', state: 'scopeProbe', result: sampleResult('tcp', 'TCP_REFUSED') },
  { kind: 'answer', state: 'scope', option: 'all' },
  { kind: 'answer', state: 'isolate', option: 'change' },
  { kind: 'answer', state: 'mitigateChange', option: 'cannot' },
  { kind: 'answer', state: 'communicate', option: 'posted' },
];

describe('hand-offs keep context', () => {
  test('incident response hands 5 Whys its service, start and symptom as the problem, the target and the evidence', () => {
    const { meta, context } = endAt('incident-response', incidentToFiveWhys);
    assert.equal(meta.flow, 'five-whys');
    const handover = buildHandover('incident-response', meta, context, 'en', '6f1c2a8e-1b2c-4d5e-8f90-123456789abc');
    assert.deepEqual(handover.target, { host: 'api.example.com', port: '8443' });
    assert.equal(handover.values.problem, 'Order API: since 2026-11-22 14:05 UTC+8, Checkout spins, then times out');
    assert.deepEqual(handover.evidence.map((entry) => [entry.type, entry.code]), [['tcp', 'TCP_REFUSED']]);

    // Through the URL and into the first form of 5 Whys: problem, host and port filled.
    const read = readHandover(new URLSearchParams({ case: 'x', h: encodeHandover(handover) }));
    assert.deepEqual(read, handover);
    const draft = handoverDraft(FLOWS['five-whys'], read as NonNullable<typeof read>);
    assert.equal(draft?.stateId, 'problem');
    assert.deepEqual(draft?.values, { problem: handover.values.problem, host: 'api.example.com', port: '8443' });
    assert.deepEqual(draft?.fields, ['problem', 'host', 'port']);
  });

  test('the carried problem is written in the language of the runner', () => {
    const { meta, context } = endAt('incident-response', incidentToFiveWhys);
    assert.match(buildHandover('incident-response', meta, context, 'zh').values.problem, /^Order API：自 2026-11-22 14:05 UTC\+8 起，Checkout spins/);
  });

  test('TLS to five-layer carries host and port, not a blank host and port 443', () => {
    const { meta, context } = endAt('tls-handshake', [
      { kind: 'submit', state: 'target', action: 'start', values: { host: 'shop.example.com', port: '8443' } },
      { kind: 'probe', state: 'tlsProbe', result: sampleResult('tls', 'TCP_TIMEOUT') },
    ]);
    const draft = handoverDraft(FLOWS['five-layer'], buildHandover('tls-handshake', meta, context, 'en'));
    assert.deepEqual(draft?.values, { host: 'shop.example.com', port: '8443' });
  });

  test("client configuration carries the client's verbatim address as host, port and URL", () => {
    const { meta, context } = endAt('client-config', [
      { kind: 'answer', state: 'addressShown', option: 'shown' },
      { kind: 'submit', state: 'address', action: 'check', values: { address: 'https://api.example.com:9443/app', port: '' } },
      { kind: 'probe', state: 'tcpProbe', result: sampleResult('tcp', 'TCP_OPEN') },
      { kind: 'probe', state: 'tlsProbe', result: sampleResult('tls', 'TLS_CERT_EXPIRED') },
    ]);
    assert.equal(meta.flow, 'tls-handshake');
    const handover = buildHandover('client-config', meta, context, 'en');
    assert.deepEqual(handover.target, { host: 'api.example.com', port: '9443', url: 'https://api.example.com:9443/app' });
    assert.deepEqual(handoverDraft(FLOWS['tls-handshake'], handover)?.values, { host: 'api.example.com', port: '9443' });
    assert.deepEqual(handoverDraft(FLOWS['five-layer'], handover)?.values, { host: 'api.example.com', port: '9443', url: 'https://api.example.com:9443/app' });
  });

  test('a damaged or foreign hand-over is ignored, never trusted', () => {
    assert.equal(readHandover('h=not-base64-json'), null);
    assert.equal(readHandover(`h=${encodeHandover({ from: 'nope' as never, target: {}, values: {}, evidence: [] })}`), null);
    assert.equal(readHandover(''), null);
  });
});
