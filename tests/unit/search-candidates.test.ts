import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchRecord } from '@/lib/search';
import { buildCandidateIndex, expandTerm, findCandidates, planTerms } from '../../lib/search/engine/candidates';
import { boundedEditDistance } from '../../lib/search/engine/edit-distance';
import { analyseFields } from '../../lib/search/engine/fields';

const records: SearchRecord[] = [
  { kind: 'article', lang: 'en', slug: 'cert', title: 'Certificate expired', errors: ['NET::ERR_CERT_DATE_INVALID'] },
  { kind: 'article', lang: 'en', slug: 'dns', title: 'Name does not resolve', text: 'Flush the resolver cache.' },
  { kind: 'article', lang: 'zh', slug: 'cert', title: '证书已过期', symptoms: ['昨天还好好的'] },
];
const index = buildCandidateIndex(analyseFields(records));
const expansions = (term: string, partial = false) => expandTerm(index, term, partial).map((expansion) => `${expansion.kind}:${expansion.term}`);

test('a query term stands for itself, the words it starts, the code it is part of, or a near spelling', () => {
  assert.deepEqual(expansions('flush'), ['exact:flush']);
  assert.deepEqual(expansions('certif'), ['prefix:certificate']);
  assert.deepEqual(expansions('date_invalid'), ['inside:net::err_cert_date_invalid']);
  assert.ok(expansions('resovler').includes('typo:resolver'));
  assert.deepEqual(expansions('flsuh'), ['typo:flush'], 'two letters swapped count as one typo');
  assert.deepEqual(expansions('过期'), ['exact:过期']);
  assert.deepEqual(expansions('过去'), [], 'Chinese pairs match exactly');
});

test('the word still being typed also matches longer words', () => {
  assert.deepEqual(expansions('name'), ['exact:name']);
  assert.deepEqual(expansions('cert', true), ['exact:cert', 'prefix:certificate']);
});

test('candidates are the records sharing the rarest and heaviest terms, and unknown terms are dropped', () => {
  const plan = planTerms(index, ['flush', 'resolv', 'zzzz']);
  assert.deepEqual(plan.map((entry) => entry.term), ['flush', 'resolv']);
  assert.deepEqual(findCandidates(index, plan, 5), [1]);
  assert.deepEqual(findCandidates(index, planTerms(index, ['证书', '过期']), 5), [2]);
});

test('edit distance counts a swap of neighbours as one edit and stops past the limit', () => {
  assert.equal(boundedEditDistance('tiemout', 'timeout', 2), 1);
  assert.equal(boundedEditDistance('certifcate', 'certificate', 2), 1);
  assert.equal(boundedEditDistance('kitten', 'sitting', 2), 3);
  assert.equal(boundedEditDistance('short', 'muchlongerword', 2), 3);
});
