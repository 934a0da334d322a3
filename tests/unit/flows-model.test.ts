import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transition } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import { eventFor, stateIdOf, stateMetaOf, type FlowSnapshot } from '../../lib/flows';
import { checkFixReferences, listFixReferences } from '../../lib/flows/server';
import { scanContent } from '../../lib/content/load';
import { ALL_PROBE_CODES } from '../../lib/probes';
import { FLOWS, type FlowEvent, type FlowMachine, type ProbeMeta, type StepMeta } from '../../machines';
import { branchCodes, branchSamples, candidateEvents, modelEvents, sampleResult, serializeForModel } from '../fixtures/flows/model';

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
  const options = { events: modelEvents(machine), serializeState: serializeForModel };
  const adjacency = getAdjacencyMap(machine, options);
  const paths = getSimplePaths(machine, options);
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
          const { transitions } = node;
          if (Object.keys(transitions).some((event) => canFinish.has(serializeForModel(transitions[event].state)))) {
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
      const probed = new Map<string, FlowSnapshot>();
      for (const [, node] of nodes) {
        const snapshot = node.state;
        if (snapshot.status !== 'active') continue;
        const stateId = stateIdOf(snapshot);
        const meta = stateMetaOf(machine, stateId) as StepMeta;
        if (meta.kind !== 'probe') continue;
        probed.set(stateId, snapshot);
        // The events the runtime sends: PROBE.DONE with the request it built from the context.
        const done = (result: ReturnType<typeof sampleResult>) => eventFor(machine, snapshot, { kind: 'probe', state: stateId, result });
        for (const { branch, code, result } of branchSamples(meta, snapshot)) {
          const event = done(result);
          assert.ok(event, `${stateId}: no event for ${code}`);
          const next: FlowSnapshot = transition(machine, snapshot, event)[0];
          if (stateIdOf(next) === branch.target) taken.add(`${stateId}/${branch.id}/${code}`);
        }
        const outcomes: FlowEvent[] = [
          ...ALL_PROBE_CODES.flatMap((code) => done(sampleResult('tcp', code)) ?? []),
          ...candidateEvents(machine, snapshot).filter((event) => event.type !== 'PROBE.DONE'),
        ];
        assert.ok(outcomes.some((event) => event.type === 'PROBE.FAILED') && outcomes.some((event) => event.type === 'cancel'), `${stateId}: failures and cancel tried`);
        for (const event of outcomes) {
          assert.ok(snapshot.can(event), `${stateId} ignores ${JSON.stringify(event).slice(0, 120)}`);
          const next: FlowSnapshot = transition(machine, snapshot, event)[0];
          assert.notEqual(stateIdOf(next), stateId, `${stateId} stays put on ${event.type}`);
          assert.equal(next.context.evidence.length, snapshot.context.evidence.length + 1, `${stateId} records ${event.type} as evidence`);
          assert.deepEqual(next.context.evidence.at(-1)?.request, 'request' in event ? event.request : undefined, `${stateId} keeps the request it ran`);
        }
      }
      for (const [stateId, node] of Object.entries(machine.states)) {
        const meta = node.meta as StepMeta;
        if (meta.kind !== 'probe') continue;
        const snapshot = probed.get(stateId);
        assert.ok(snapshot, `${stateId} was never reached with a probe to run`);
        for (const branch of (meta as ProbeMeta).branches) {
          for (const code of branchCodes(branch, snapshot.context.attach ?? (meta.request.type === 'attached' ? 'tcp' : meta.request.type))) {
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
    const refs = listFixReferences();
    assert.ok(refs.length > 0, 'the flows point at fixes');
    const missing = refs.filter((ref) => !table.get(ref.slug)?.has(ref.fixId));
    assert.deepEqual(missing, []);
  });

  test('every fix ending exists in the written articles, in both languages', (t) => {
    const { articles } = scanContent();
    const endings = listFixReferences().filter((ref) => ref.via === 'ending');
    // Count what is checked, so this test cannot pass by checking nothing.
    let checked = 0;
    for (const ref of endings) {
      for (const lang of ['zh', 'en']) {
        const article = articles.find((candidate) => candidate.lang === lang && candidate.slug === ref.slug);
        assert.ok(article, `${lang}/${ref.slug}.mdx is missing (${ref.flowId}.${ref.stateId})`);
        assert.ok(article.fixes.some((fix) => fix.id === ref.fixId), `${lang}/${ref.slug}.mdx has no fix ${ref.fixId} (${ref.flowId}.${ref.stateId})`);
        checked += 1;
      }
    }
    t.diagnostic(`${checked} fix endings checked against content/`);
    assert.ok(endings.length > 60, `only ${endings.length} fix endings found`);
    assert.equal(checked, endings.length * 2);
    assert.deepEqual(checkFixReferences(articles), []);
  });

  test('the check the content lint runs reports a fix that does not exist, in each language', () => {
    const { articles } = scanContent();
    const [ending] = listFixReferences().filter((ref) => ref.via === 'ending');
    const problems = checkFixReferences(articles, [{ ...ending, fixId: 'no-such-fix' }, { ...ending, slug: 'no-such-article' }]);
    assert.deepEqual(
      problems.map((problem) => `${problem.file}: ${problem.message}`),
      [
        `content/zh/${ending.slug}.mdx: no <Fix id="no-such-fix">, needed by flow ${ending.flowId}, state ${ending.stateId} (ending)`,
        `content/en/${ending.slug}.mdx: no <Fix id="no-such-fix">, needed by flow ${ending.flowId}, state ${ending.stateId} (ending)`,
        `content/zh/no-such-article.mdx: missing article, needed by flow ${ending.flowId}, state ${ending.stateId} (ending)`,
        `content/en/no-such-article.mdx: missing article, needed by flow ${ending.flowId}, state ${ending.stateId} (ending)`,
      ],
    );
  });

  test('every fix ending has a summary in its article, in both languages', () => {
    const { articles } = scanContent();
    const missing = listFixReferences()
      .filter((ref) => ref.via === 'ending')
      .flatMap((ref) => articles.filter((article) => article.slug === ref.slug).map((article) => ({ article, ref })))
      .filter(({ article, ref }) => !article.fixes.find((fix) => fix.id === ref.fixId)?.summary?.trim())
      .map(({ article, ref }) => `${article.lang}/${ref.slug}#${ref.fixId}`);
    assert.deepEqual([...new Set(missing)], []);
  });
});
