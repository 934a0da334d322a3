import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setup } from 'xstate';
import { buildFlowMap } from '../../lib/flows';
import { listFixReferences } from '../../lib/flows/server';
import { FLOWS, type FlowMachine } from '../../machines';

describe('flow map', () => {
  test('places every state, starting from the first, with merged edges', () => {
    const map = buildFlowMap(FLOWS['tls-handshake'].machine);
    assert.equal(map.nodes.length, Object.keys(FLOWS['tls-handshake'].machine.states).length);
    assert.deepEqual(map.nodes.find((node) => node.id === 'target'), { id: 'target', kind: 'form', final: false, depth: 0, order: 0 });
    assert.equal(map.nodes.find((node) => node.id === 'tlsProbe')?.depth, 1);
    const manual = map.edges.find((edge) => edge.from === 'tlsProbe' && edge.to === 'tlsProbeManual');
    assert.deepEqual(manual?.events.sort(), ['PROBE.DONE', 'PROBE.FAILED', 'cancel']);
    const ending = map.nodes.find((node) => node.id === 'fix_tls-certificate-expired_renew-certificate');
    assert.equal(ending?.final, true);
  });

  test('draws eventless transitions, which toDirectedGraph leaves out', () => {
    const machine = setup({}).createMachine({ id: 'x', initial: 'a', states: { a: { meta: { kind: 'question' }, always: 'b' }, b: { type: 'final', meta: { kind: 'end' } } } });
    const map = buildFlowMap(machine as unknown as FlowMachine);
    assert.deepEqual(map.edges, [{ from: 'a', to: 'b', events: ['always'] }]);
    assert.equal(map.nodes[1].depth, 1);
  });
});

describe('listFixReferences', () => {
  test('returns every ending, reference and suggestion with its flow and state', () => {
    const refs = listFixReferences();
    assert.ok(refs.some((ref) => ref.flowId === 'five-layer' && ref.stateId === 'fix_tls-certificate-expired_renew-certificate' && ref.via === 'ending'));
    assert.ok(refs.some((ref) => ref.flowId === 'incident-response' && ref.slug === 'incident-response-30min' && ref.fixId === 'status-update' && ref.via === 'reference'));
    assert.ok(refs.some((ref) => ref.flowId === 'five-whys' && ref.via === 'suggestion'));
    for (const ref of refs) assert.match(`${ref.slug}#${ref.fixId}`, /^[a-z0-9-]+#[a-z0-9-]+$/);
  });
});
