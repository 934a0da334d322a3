import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSearchEngine, formatJson, formatTable, parseCliArgs } from '@/lib/search/server';

test('the CLI reads the language, JSON switch, limit and query', () => {
  assert.deepEqual(parseCliArgs(['--lang', 'en', '--json', 'connection', 'refused']), { lang: 'en', json: true, limit: 10, query: 'connection refused' });
  assert.deepEqual(parseCliArgs(['--lang=zh', '--limit=3', '--', '连不上']), { lang: 'zh', json: false, limit: 3, query: '连不上' });
});

test('bad arguments are named', () => {
  assert.throws(() => parseCliArgs(['--lang', 'fr', 'x']), /--lang must be zh or en, not "fr"/);
  assert.throws(() => parseCliArgs(['--limit', '0', 'x']), /--limit must be a whole number from 1 to 100, not "0"/);
  assert.throws(() => parseCliArgs(['--verbose', 'x']), /unknown option --verbose/);
  assert.throws(() => parseCliArgs(['--json']), /no query given/);
});

test('results print with slug, anchor, title, kind and score, and a paste says what was recognised', () => {
  const engine = createSearchEngine({
    version: 1,
    records: [
      { kind: 'article', lang: 'en', slug: 'service-not-listening', title: 'Service not listening', errors: ['ECONNREFUSED'] },
      { kind: 'fix', lang: 'en', slug: 'service-not-listening', anchor: 'start-service', title: 'Start the service', parent: 0 },
    ],
  });
  const response = engine.search('Error: connect ECONNREFUSED 10.0.0.5:443\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)', { lang: 'en' });
  const json = JSON.parse(formatJson(response));
  assert.deepEqual(Object.keys(json[0]), ['slug', 'anchor', 'title', 'kind', 'score', 'lang', 'url']);
  assert.deepEqual(json.map((row: { anchor: string | null }) => row.anchor), [null, 'start-service']);
  assert.equal(typeof json[0].score, 'number');
  const table = formatTable(response).split('\n');
  assert.equal(table[0], 'Recognised: ECONNREFUSED · "Error: connect ECONNREFUSED"');
  assert.match(table[2], /^ 2\. fix +[\d.]+ {2}service-not-listening#start-service {2}Start the service$/);
});
