import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setup } from 'xstate';
import { buildFlowMap } from '../../lib/flows';
import { flowMapLayout, listFixReferences } from '../../lib/flows/server';
import { MAP_NODE_WIDTH, wrapLabel } from '../../lib/flows/registry/map-layout';
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

describe('flow map layout', () => {
  test('wraps a label in full, at spaces or between Chinese characters, never starting a line with closing punctuation', () => {
    const label = 'Checking TLS and the certificate on a-very-long-host-name-without-any-spaces.example.com:8443';
    const lines = wrapLabel(label, 160);
    assert.ok(lines.length > 2);
    assert.equal(lines.join(' ').replace(/\s+/g, ''), label.replace(/\s+/g, ''));
    const zh = wrapLabel('哪台服务器的 TLS 出了问题？', 60);
    assert.equal(zh.join('').replace(/\s+/g, ''), '哪台服务器的TLS出了问题？');
    assert.ok(zh.every((line) => !/^[，。？！：；]/.test(line)), zh.join('|'));
  });

  test('five-layer (86 states) is laid out in layers: every state placed, no two boxes overlap, every label whole', () => {
    for (const lang of ['en', 'zh'] as const) {
      const layout = flowMapLayout('five-layer', lang);
      const machine = FLOWS['five-layer'].machine;
      assert.equal(layout.nodes.length, Object.keys(machine.states).length);
      assert.ok(layout.nodes.length >= 80);
      for (const node of layout.nodes) {
        assert.equal(node.width, MAP_NODE_WIDTH);
        assert.ok(node.x >= 0 && node.y >= 0 && node.x + node.width <= layout.width && node.y + node.height <= layout.height, node.id);
        assert.ok(node.lines.join('').length > 0 && !node.lines.join('').includes('…'), node.id);
      }
      for (const [i, a] of layout.nodes.entries()) {
        for (const b of layout.nodes.slice(i + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          assert.ok(apart, `${a.id} overlaps ${b.id}`);
        }
      }
      // Keyboard order follows the layers, from the first state.
      assert.equal(layout.nodes[0].id, 'target');
      assert.ok(layout.edges.every((edge) => edge.points.length >= 2));
    }
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
