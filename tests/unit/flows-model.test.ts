import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transition } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import { listFixReferences } from '../../lib/flows/fix-references';
import { stateIdOf, stateMetaOf } from '../../lib/flows/state';
import type { FlowSnapshot } from '../../lib/flows/replay';
import { ALL_PROBE_CODES } from '../../lib/probes/schema';
import { FLOWS, type FlowMachine, type ProbeMeta, type StepMeta } from '../../machines';
import { branchSamples, candidateEvents, modelEvents, sampleResult, serializeForModel } from '../fixtures/flows/model';

/** `slug -> fix ids` from the article table the writers work from. */
function fixTable(): Map<string, Set<string>> {
  const text = readFileSync(new URL('../fixtures/flows/fix-ids.md', import.meta.url), 'utf8');
  const table = new Map<string, Set<string>>();
  for (const [, slug, ids] of text.matchAll(/^\| ([a-z0-9-]+) \| [a-z]+ \| ([a-z0-9, -]+) \|$/gm)) {
    table.set(slug, new Set(ids.split(',').map((id) => id.trim())));
  }
  return table;
}

function traverse(machine: FlowMachine) {
  const options = { events: modelEvents(machine), serializeState: serializeForModel } as never;
  const adjacency = getAdjacencyMap(machine, options) as unknown as Record<
    string,
    { state: FlowSnapshot; transitions: Record<string, { state: FlowSnapshot }> }
  >;
  const paths = getSimplePaths(machine, options) as unknown as Array<{ state: FlowSnapshot; steps: unknown[] }>;
  return { adjacency, complete: paths.filter((path) => path.state.status === 'done') };
}

for (const flow of Object.values(FLOWS)) {
  const { machine } = flow;
  describe(`flow ${flow.info.id} (model-based)`, () => {
    const started = performance.now();
    const { adjacency, complete } = traverse(machine);
    const nodes = Object.entries(adjacency);
    const elapsed = performance.now() - started;

    test('reaches every state of the machine', (t) => {
      t.diagnostic(`${complete.length} complete paths, ${nodes.length} model states, enumerated in ${elapsed.toFixed(0)} ms`);
      const reached = new Set(nodes.map(([, node]) => stateIdOf(node.state)));
      const unreachable = Object.keys(machine.states).filter((id) => !reached.has(id));
      assert.deepEqual(unreachable, [], `unreachable states in ${flow.info.id}`);
    });

    test('every path ends in a final state: no state is a dead end or a trap', () => {
      const canFinish = new Set(nodes.filter(([, node]) => node.state.status === 'done').map(([key]) => key));
      let grew = true;
      while (grew) {
        grew = false;
        for (const [key, node] of nodes) {
          if (canFinish.has(key)) continue;
          if (Object.values(node.transitions).some((edge) => canFinish.has(serializeForModel(edge.state)))) {
            canFinish.add(key);
            grew = true;
          }
        }
      }
      const trapped = nodes.filter(([key]) => !canFinish.has(key)).map(([key]) => key);
      assert.deepEqual(trapped, [], 'states from which no final state can be reached');
      assert.ok(complete.length > 0);
      for (const path of complete) assert.equal(path.state.status, 'done');
    });

    test('probe states branch on every result code they name, and leave on any other code, failure or cancel', () => {
      const taken = new Set<string>();
      for (const [, node] of nodes) {
        const snapshot = node.state;
        if (snapshot.status !== 'active') continue;
        const stateId = stateIdOf(snapshot);
        const meta = stateMetaOf(machine, stateId) as StepMeta;
        if (meta.kind !== 'probe') continue;
        for (const { branch, code, result } of branchSamples(meta, snapshot)) {
          const next: FlowSnapshot = transition(machine, snapshot, { type: `xstate.done.actor.${stateId}`, output: result } as never)[0];
          if (stateIdOf(next) === branch.target) taken.add(`${stateId}/${branch.id}/${code}`);
        }
        const outcomes: Array<{ type: string }> = [
          ...ALL_PROBE_CODES.map((code) => ({ type: `xstate.done.actor.${stateId}`, output: sampleResult('tcp', code) })),
          ...candidateEvents(machine, snapshot).filter((event) => !event.type.startsWith('xstate.done')),
        ];
        for (const event of outcomes) {
          assert.ok(snapshot.can(event as never), `${stateId} ignores ${JSON.stringify(event).slice(0, 120)}`);
          const next: FlowSnapshot = transition(machine, snapshot, event as never)[0];
          assert.notEqual(stateIdOf(next), stateId, `${stateId} stays put on ${event.type}`);
          assert.equal(next.context.evidence.length, snapshot.context.evidence.length + 1, `${stateId} records ${event.type} as evidence`);
        }
      }
      for (const [stateId, node] of Object.entries(machine.states)) {
        const meta = node.meta as StepMeta;
        if (meta.kind !== 'probe') continue;
        for (const branch of (meta as ProbeMeta).branches) {
          for (const code of branch.match.codes) {
            assert.ok(taken.has(`${stateId}/${branch.id}/${code}`), `${stateId}: ${code} never reaches ${branch.target} (branch ${branch.id})`);
          }
        }
      }
    });
  });
}

describe('fix endings', () => {
  test('every fix a flow ends at or links to is in the article table', () => {
    const table = fixTable();
    assert.ok(table.size >= 27, 'the fix table was read');
    const missing = listFixReferences().filter((ref) => !table.get(ref.slug)?.has(ref.fixId));
    assert.deepEqual(missing, []);
  });

  test('every fix ending exists in the written articles (both languages) once they are there', (t) => {
    let checked = 0;
    for (const ref of listFixReferences()) {
      for (const lang of ['zh', 'en']) {
        const file = new URL(`../../content/${lang}/${ref.slug}.mdx`, import.meta.url);
        if (!existsSync(file)) continue;
        checked += 1;
        assert.match(readFileSync(file, 'utf8'), new RegExp(`<Fix id="${ref.fixId}"`), `${lang}/${ref.slug}.mdx has no fix ${ref.fixId} (${ref.flowId}.${ref.stateId})`);
      }
    }
    t.diagnostic(`${checked} references checked against content/`);
  });
});
