import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestSnippet, groupHits, highlightSegments, parseRecentSearches, rememberSearch, type SearchHit } from '@/lib/search';

test('matches are marked whole words for stems, anywhere for Chinese', () => {
  assert.deepEqual(highlightSegments('Connection refused at once', ['refus']), [
    { text: 'Connection ', match: false },
    { text: 'refused', match: true },
    { text: ' at once', match: false },
  ]);
  assert.deepEqual(highlightSegments('客户端连不上服务器', ['连不', '不上']), [
    { text: '客户端', match: false },
    { text: '连不上', match: true },
    { text: '服务器', match: false },
  ]);
  assert.deepEqual(highlightSegments('support', ['port']), [{ text: 'support', match: false }], 'a term matches from the start of a word');
});

test('the snippet is the line with most of the query, preferring the record over its article', () => {
  const article = { kind: 'article' as const, lang: 'en' as const, slug: 's', title: 'T', errors: ['curl: (7) Failed to connect: Connection refused'] };
  const fix = { kind: 'fix' as const, lang: 'en' as const, slug: 's', anchor: 'a', title: 'Start it', text: 'Start the service.\nIf the connection is refused, check the port.' };
  assert.equal(bestSnippet(fix, ['connection', 'refus'], article), 'If the connection is refused, check the port.');
  assert.equal(bestSnippet(fix, ['curl', 'connection', 'refus'], article), 'curl: (7) Failed to connect: Connection refused');
  assert.equal(bestSnippet({ ...fix, text: `${'word '.repeat(60)}refused here` }, ['refus'])?.startsWith('…'), true);
});

test('results are grouped fixes before articles, flows where their best hit ranks, each keeping its order', () => {
  const hit = (kind: SearchHit['record']['kind'], slug: string) => ({ record: { kind, slug } }) as SearchHit;
  const shape = (hits: SearchHit[]) => groupHits(hits).map((group) => [group.group, group.hits.map((h) => h.record.slug)]);
  // A flow ranked above every fix is shown before them, not after everything.
  assert.deepEqual(shape([hit('flow', 'f'), hit('article', 'a'), hit('fix', 'b'), hit('fix', 'c')]), [['flows', ['f']], ['fixes', ['b', 'c']], ['articles', ['a']]]);
  assert.deepEqual(shape([hit('fix', 'b'), hit('step', 'f'), hit('article', 'a'), hit('fix', 'c')]), [['fixes', ['b', 'c']], ['flows', ['f']], ['articles', ['a']]]);
  assert.deepEqual(shape([hit('article', 'a'), hit('fix', 'b'), hit('fix', 'c'), hit('step', 'f')]), [['fixes', ['b', 'c']], ['articles', ['a']], ['flows', ['f']]]);
});

test('recent searches keep the latest first, once, at most six', () => {
  let recent: string[] = [];
  for (const query of ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g']) recent = rememberSearch(recent, query);
  assert.deepEqual(recent, ['g', 'f', 'e', 'd', 'c', 'a']);
  assert.deepEqual(rememberSearch(recent, '   '), recent);
  assert.deepEqual(parseRecentSearches('not json'), []);
  assert.deepEqual(parseRecentSearches('["x", 3, "y"]'), ['x', 'y']);
});
