import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listFlows } from '../../lib/flows/server';
import { PROBE_CODES, type ProbeCode } from '../../lib/probes';
import { FINAL_KINDS, FLOWS, FLOW_IDS, stateTargets, type StepMeta, type Text } from '../../machines';
import { DNS_FAILURE_CODES, DNS_SERVER_FAILURE_CODES, LOWER_LAYER_CODES, TCP_CODES, TLS_PROBLEM_CODES } from '../../machines/kit/probe-codes';

const PLACEHOLDERS = new Set(['host', 'port', 'url']);

function assertText(text: Text | undefined, where: string) {
  assert.ok(text, `${where}: missing`);
  for (const lang of ['zh', 'en'] as const) {
    assert.ok(text[lang]?.trim(), `${where}: empty ${lang}`);
    for (const [, name] of text[lang].matchAll(/\{(\w+)\}/g)) assert.ok(PLACEHOLDERS.has(name), `${where}: unknown placeholder {${name}}`);
  }
  assert.ok(/[\u4e00-\u9fff]/.test(text.zh), `${where}: zh text has no Chinese: ${text.zh}`);
  assert.ok(!/[\u4e00-\u9fff]/.test(text.en), `${where}: en text has Chinese: ${text.en}`);
}

describe('flow registry and meta', () => {
  test('registers all five flows by id, each with a title and one-line description in both languages', () => {
    assert.deepEqual(Object.keys(FLOWS).sort(), [...FLOW_IDS].sort());
    for (const info of listFlows()) {
      assert.equal(FLOWS[info.id].machine.id, info.id);
      assertText(info.title, `${info.id} title`);
      assertText(info.description, `${info.id} description`);
    }
  });

  for (const flow of Object.values(FLOWS)) {
    test(`${flow.info.id}: every state carries its text in zh and en and only known targets`, () => {
      const states = flow.machine.states;
      for (const [id, node] of Object.entries(states)) {
        const meta = node.meta as StepMeta;
        const where = `${flow.info.id}.${id}`;
        // Links carry state and option ids; the link codec accepts only these characters.
        assert.match(id, /^[A-Za-z0-9_-]{1,80}$/, `${where}: state id unfit for links`);
        const eventIds = meta.kind === 'question' ? meta.options.map((option) => option.id) : meta.kind === 'form' ? meta.actions.map((action) => action.id) : [];
        for (const eventId of eventIds) assert.match(eventId, /^[a-z0-9-]{1,40}$/, `${where}: option id ${eventId} unfit for links`);
        // A fix ending's title and summary are its article's (checked by the content tests); the rest carry their own.
        if (meta.kind === 'fix') assert.deepEqual(Object.keys(meta).sort(), ['fix', 'kind'], `${where}: a fix ending names only its fix`);
        else {
          assertText(meta.title, `${where} title`);
          if (meta.body) assertText(meta.body, `${where} body`);
        }
        assert.equal(node.type === 'final', (FINAL_KINDS as readonly string[]).includes(meta.kind), `${where}: final states and ending kinds agree`);
        if (meta.kind === 'question') {
          assert.ok(meta.options.length > 0, `${where}: no options`);
          assert.equal(new Set(meta.options.map((option) => option.id)).size, meta.options.length, `${where}: duplicate option ids`);
          meta.options.forEach((option) => assertText(option.label, `${where} option ${option.id}`));
        }
        if (meta.kind === 'form') {
          meta.fields.forEach((field) => assertText(field.label, `${where} field ${field.name}`));
          meta.actions.forEach((action) => assertText(action.label, `${where} action ${action.id}`));
        }
        if (meta.kind === 'probe') {
          assert.ok(states[meta.fallback], `${where}: fallback ${meta.fallback} missing`);
          for (const branch of meta.branches) if (branch.manual) assertText(branch.manual, `${where} branch ${branch.id}`);
        }
        if (meta.kind === 'handoff') assert.ok(FLOWS[meta.flow], `${where}: hands off to unknown flow ${meta.flow}`);
      }
      for (const [id, node] of Object.entries(states)) {
        for (const target of stateTargets(node.config)) assert.ok(states[target], `${flow.info.id}.${id} targets missing ${target}`);
      }
    });
  }
});

describe('probe code groups', () => {
  const failing = (codes: readonly ProbeCode[]) => codes.filter((code) => !code.endsWith('_OK') && code !== 'TCP_OPEN');
  const sorted = (codes: readonly ProbeCode[]) => [...codes].sort();

  test('the groups written out in machines/ agree with the probe contract', () => {
    assert.deepEqual(sorted(DNS_FAILURE_CODES), sorted(failing(PROBE_CODES.dns)));
    assert.deepEqual(sorted(DNS_SERVER_FAILURE_CODES), sorted(failing(PROBE_CODES.dns).filter((code) => code !== 'DNS_NXDOMAIN')));
    assert.deepEqual(sorted(TCP_CODES), sorted(failing(PROBE_CODES.tcp)));
    assert.deepEqual(sorted(TLS_PROBLEM_CODES), sorted(PROBE_CODES.tls.filter((code) => !['TLS_OK', 'TLS_NOT_TLS', 'TLS_HANDSHAKE_TIMEOUT', 'TLS_RESET'].includes(code))));
    assert.deepEqual(sorted(LOWER_LAYER_CODES), sorted([...failing(PROBE_CODES.dns), ...failing(PROBE_CODES.tcp), ...failing(PROBE_CODES.tls)]));
  });
});
