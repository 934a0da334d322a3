import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ARTICLE_SLUGS } from '@/lib/content';
import { isLocale } from '@/lib/i18n';
import { buildIndexFromSources, createSearchEngine } from '@/lib/search/server';

/*
 * Relevance of the real index (all articles and flows) on the queries in
 * tests/search/queries.json: customers' and staff's own words, errors,
 * commands, typos and pasted logs, each naming the article that should win.
 */

interface RelevanceQuery {
  q: string;
  lang: string;
  slug: string;
  type: string;
}

const REQUIRED_TOP3 = 0.99;
const REQUIRED_MRR = 0.95;
const queries: RelevanceQuery[] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../search/queries.json'), 'utf8')).queries;

test('the relevance set has at least 80 well-formed queries covering every article', () => {
  assert.ok(queries.length >= 80, `${queries.length} queries`);
  for (const query of queries) {
    assert.ok(isLocale(query.lang), `lang "${query.lang}" of ${JSON.stringify(query.q)}`);
    assert.ok((ARTICLE_SLUGS as readonly string[]).includes(query.slug), `slug "${query.slug}" of ${JSON.stringify(query.q)}`);
  }
  const covered = new Set(queries.map((query) => query.slug));
  assert.deepEqual(ARTICLE_SLUGS.filter((slug) => !covered.has(slug)), []);
});

test(`at least ${REQUIRED_TOP3 * 100}% of queries have the right article in the top three, and the MRR is at least ${REQUIRED_MRR}`, async () => {
  const engine = createSearchEngine(await buildIndexFromSources());
  const missed: string[] = [];
  let top3 = 0;
  let reciprocal = 0;
  const byType = new Map<string, { total: number; top3: number }>();
  for (const query of queries) {
    const hits = engine.search(query.q, { lang: query.lang as 'zh' | 'en', limit: 10 }).hits;
    const rank = hits.findIndex((hit) => hit.record.slug === query.slug) + 1;
    const found = rank > 0 && rank <= 3;
    const type = byType.get(query.type) ?? { total: 0, top3: 0 };
    byType.set(query.type, { total: type.total + 1, top3: type.top3 + (found ? 1 : 0) });
    if (found) top3 += 1;
    else missed.push(`  rank ${rank || '>10'}: ${query.slug} ← ${JSON.stringify(query.q.slice(0, 70))} (got ${hits.slice(0, 3).map((hit) => hit.record.slug).join(', ')})`);
    if (rank > 0) reciprocal += 1 / rank;
  }
  const rate = top3 / queries.length;
  console.log(`search relevance: top-3 ${(rate * 100).toFixed(1)}% (${top3}/${queries.length}), MRR ${(reciprocal / queries.length).toFixed(3)}`);
  console.log(`  by type: ${[...byType].map(([type, { total, top3: hits }]) => `${type} ${hits}/${total}`).join(', ')}`);
  if (missed.length > 0) console.log(`  not in the top three:\n${missed.join('\n')}`);
  assert.ok(rate >= REQUIRED_TOP3, `top-3 rate ${(rate * 100).toFixed(1)}% is below ${REQUIRED_TOP3 * 100}%`);
  assert.ok(reciprocal / queries.length >= REQUIRED_MRR, `MRR ${(reciprocal / queries.length).toFixed(3)} is below ${REQUIRED_MRR}`);
});
