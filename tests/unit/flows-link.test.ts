import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getShortestPaths } from 'xstate/graph';
import { encodeFlowLink, replayPath, restoreFlowLink, stateIdOf, type PathStep } from '../../lib/flows';
import { decodeFlowLink, MAX_PAYLOAD_CHARS } from '../../lib/flows/link/codec';
import { FLOWS } from '../../machines';
import { modelEvents, pathSteps, sampleResult, serializeForModel } from '../fixtures/flows/model';

const flow = FLOWS['five-layer'];
const host = { host: 'api.example.com', port: '443', url: '' };

/** The path to an expired certificate: target, DNS, TCP, TLS. */
const expiredPath: PathStep[] = [
  { kind: 'submit', state: 'target', action: 'start', values: host },
  { kind: 'probe', state: 'dnsProbe', result: sampleResult('dns', 'DNS_OK') },
  { kind: 'probe', state: 'tcpProbe', result: sampleResult('tcp', 'TCP_OPEN') },
  { kind: 'probe', state: 'tlsProbe', result: sampleResult('tls', 'TLS_CERT_EXPIRED') },
];

describe('flow links', () => {
  test('a link replays to the same state and evidence without running any probe', async () => {
    const query = await encodeFlowLink('five-layer', flow.info.version, expiredPath);
    // Restoring is pure: there is no probe function to call, only transitions over the recorded events.
    const restored = await restoreFlowLink(flow, query);
    assert.equal(restored.notice, undefined);
    assert.equal(stateIdOf(restored.replay.snapshot), 'fix_tls-certificate-expired_renew-certificate');
    assert.deepEqual(restored.replay.steps, expiredPath);
    assert.deepEqual(
      restored.replay.snapshot.context.evidence.map((entry) => entry.result?.code),
      ['DNS_OK', 'TCP_OPEN', 'TLS_CERT_EXPIRED'],
    );
    assert.deepEqual(restored.replay.snapshot.context.evidence[1].request, { type: 'tcp', host: 'api.example.com', port: 443 });
  });

  test('links written before the runtime became event-driven still open where they were', async () => {
    // Written by the previous runtime (probe actors, `xstate.done.actor.*` events); the link format did not change.
    const expired = await restoreFlowLink(
      flow,
      'v=1&p=rZFBTwIxEIX_innnutlFPNgr7MGosGE5mGzIprSDbuhum7aLEsJ_N9UEUTwQw3Fm3nszX6bKGFbNhq612JIDqyp4MAThXiiAwQfhAtgOr8YHcAjbJPQuWqspkaYFgzUuDobDGzD0ToMD-wWrYMGgOl84s6SYELaWwGPre8FJIP_KMWvw4HpikEZF13hS1tOHeBBtyDVhCx5FDL5vW-Fi6T9Drg5K1TsRGtM9efBskNwyKAqi0R58B6mNXJdreitJmk558JRBKOXIe3Bkd4MkTQZJlmJ_gAnS_oYJ0v4DZj4q6mmRT87BOdJeHkiffCfoM7-zEtofET2W9Sifzev8ubif5eOfZCvR6D_ZTl2XY1wsPgA',
    );
    assert.equal(expired.notice, undefined);
    assert.deepEqual(expired.replay.steps, expiredPath);
    assert.equal(stateIdOf(expired.replay.snapshot), 'fix_tls-certificate-expired_renew-certificate');

    // A client address with a scheme the old form took (wss://) and a cancelled probe.
    const cancelled = await restoreFlowLink(
      FLOWS['client-config'],
      'v=1&p=RYzBCsIwEAX_5Z3XBrEHyVcIHkMO6Xa1oW02dAMVxH8XPehpYAYmHAm8ZCntwFpu-Q4KAQmENI6bmF0n3QsI9mWkAPtHEHgSnkHPn_LYzbxzqeZOHmmti3Ssqz_3_cmZ8iwNhKpbgwdenyOD0LheNh0EMcY3',
    );
    assert.equal(cancelled.notice, undefined);
    assert.equal(stateIdOf(cancelled.replay.snapshot), 'tcpProbeManual');
    assert.deepEqual(cancelled.replay.snapshot.context.evidence[0].request, { type: 'tcp', host: 'api.example.com', port: 8443 });
  });

  test('the query carries the flow version and a compact path', async () => {
    const params = new URLSearchParams(await encodeFlowLink('five-layer', 7, expiredPath));
    assert.equal(params.get('v'), '7');
    assert.match(params.get('p') ?? '', /^[A-Za-z0-9_-]+$/);
  });

  test('no query means a fresh start', async () => {
    const restored = await restoreFlowLink(flow, '');
    assert.equal(stateIdOf(restored.replay.snapshot), 'target');
    assert.equal(restored.notice, undefined);
  });

  test('garbage, a wrong version or another flow is reported, and the flow starts fresh', async () => {
    assert.deepEqual(await decodeFlowLink('five-layer', 'v=1&p=!!!'), { status: 'unreadable', reason: 'payload' });
    assert.deepEqual(await decodeFlowLink('five-layer', 'v=x&p=abc'), { status: 'unreadable', reason: 'version' });
    const other = await encodeFlowLink('tls-handshake', 1, []);
    const decoded = await decodeFlowLink('five-layer', other);
    assert.deepEqual(decoded, { status: 'unreadable', reason: 'other-flow', flow: 'tls-handshake' });
    const restored = await restoreFlowLink(flow, 'v=1&p=AAAA');
    assert.equal(restored.notice?.kind, 'unreadable');
    assert.equal(stateIdOf(restored.replay.snapshot), 'target');
  });

  test('a tampered or outdated link says so and resumes from the last step that still fits', async () => {
    const tampered: PathStep[] = [...expiredPath.slice(0, 3), { kind: 'answer', state: 'tlsProbe', option: 'yes' }];
    const restored = await restoreFlowLink(flow, await encodeFlowLink('five-layer', flow.info.version + 1, tampered));
    assert.deepEqual(restored.notice, { kind: 'stale', fitted: 3, total: 4, versionChanged: true });
    assert.equal(stateIdOf(restored.replay.snapshot), 'tlsProbe');

    const wrongState: PathStep[] = [expiredPath[0], { ...expiredPath[1], state: 'tcpProbe' }];
    const replay = replayPath(flow.machine, wrongState);
    assert.deepEqual(replay.mismatch && { index: replay.mismatch.index, reason: replay.mismatch.reason }, { index: 1, reason: 'state' });
  });

  test('values a form would refuse do not replay', () => {
    const replay = replayPath(flow.machine, [{ kind: 'submit', state: 'target', action: 'start', values: { host: 'bad host!', port: '99999' } }]);
    assert.equal(replay.mismatch?.reason, 'event');
    assert.equal(stateIdOf(replay.snapshot), 'target');
  });

  test('huge probe details are trimmed to keep the link short, keeping code and summary', async () => {
    const big = sampleResult('tls', 'TLS_CERT_EXPIRED');
    big.details = { ...big.details, chain: Array.from({ length: 200 }, (_, i) => ({ subject: `CN=${crypto.randomUUID()}${crypto.randomUUID()}-${i}`, fingerprint256: crypto.randomUUID() })) };
    const path: PathStep[] = [...expiredPath.slice(0, 3), { kind: 'probe', state: 'tlsProbe', result: big }];
    const query = await encodeFlowLink('five-layer', 1, path);
    assert.ok((new URLSearchParams(query).get('p') ?? '').length <= MAX_PAYLOAD_CHARS);
    const restored = await restoreFlowLink(flow, query);
    const evidence = restored.replay.snapshot.context.evidence[2].result;
    assert.equal(evidence?.code, 'TLS_CERT_EXPIRED');
    assert.equal(evidence?.summary, big.summary);
    assert.equal(evidence?.details.chain, undefined, 'the chain was dropped to fit');
    assert.equal(evidence?.details.address, '192.0.2.10');
  });

  test('the shortest path to every ending of every flow survives encode, decode and replay', async () => {
    let endings = 0;
    for (const definition of Object.values(FLOWS)) {
      const paths = getShortestPaths(definition.machine, { events: modelEvents(definition.machine), serializeState: serializeForModel });
      for (const path of paths.filter((candidate) => candidate.state.status === 'done')) {
        const steps = pathSteps(path);
        const restored = await restoreFlowLink(definition, await encodeFlowLink(definition.info.id, definition.info.version, steps));
        assert.equal(restored.notice, undefined);
        assert.equal(stateIdOf(restored.replay.snapshot), stateIdOf(path.state));
        endings += 1;
      }
    }
    assert.ok(endings > 60);
  });
});
