import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ARTICLE_SLUGS } from '@/lib/content';
import { isLocale, type Locale } from '@/lib/i18n';
import { buildIndexFromSources, createSearchEngine } from '@/lib/search/server';

/*
 * Relevance of the real index (all articles and flows) on two sets:
 * tests/search/queries.json, customers' and staff's own words, errors,
 * commands, typos and pasted logs written from tickets; and
 * tests/search/realworld.json, errors, logs and complaints copied verbatim
 * from public issue threads (each with its source). Each item names the
 * article that should win; the figures are top-3 rate and MRR, overall, by
 * type or kind, and by language.
 */

interface RelevanceItem {
  q: string;
  lang: Locale;
  slug: string;
  /** queries.json: colloquial, error, paste…; realworld.json: error, log, complaint. */
  group: string;
}

const REQUIRED_TOP3 = 0.99;
const REQUIRED_MRR = 0.95;
/** Issue 14's targets for the real-world set, printed beside the figures. */
const REALWORLD_TARGET_TOP3 = 0.95;
const REALWORLD_TARGET_COMPLAINT_TOP3 = 0.85;
/**
 * What the test holds the search to: floors just under the figures reached
 * (88.6% overall and 86.0% of complaints on 88 items when the set was made;
 * 95.1% and 92.7% on 102 items once the engine read complaints better), so
 * a regression fails; the printed gap says how far the targets are.
 */
const REALWORLD_TOP3 = 0.95;
const REALWORLD_COMPLAINT_TOP3 = 0.9;
const REALWORLD_KINDS = ['error', 'log', 'complaint'];

const read = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '../search', name), 'utf8'));
const queries: RelevanceItem[] = read('queries.json').queries.map((query: { q: string; lang: Locale; slug: string; type: string }) => ({ ...query, group: query.type }));
const realworld: Array<RelevanceItem & { source: string }> = read('realworld.json').items.map((item: { q: string; lang: Locale; slug: string; kind: string; source: string }) => ({ ...item, group: item.kind }));
const enginePromise = buildIndexFromSources().then(createSearchEngine);

/**
 * Slugs docs/content-model.md lists as planned and the catalog does not have
 * yet: real-world items about them wait (they are printed, not scored) until
 * the article is written, rather than being left out of the set.
 */
const pending = new Set(
  [...readFileSync(path.join(import.meta.dirname, '../../docs/content-model.md'), 'utf8').matchAll(/^\| ([a-z0-9-]+) \|.*\| planned \|$/gm)]
    .map((match) => match[1])
    .filter((slug) => !(ARTICLE_SLUGS as readonly string[]).includes(slug)),
);
const scoredRealworld = realworld.filter((item) => !pending.has(item.slug));

interface Figures {
  total: number;
  top3: number;
  reciprocal: number;
}

const rate = (figures: Figures) => figures.top3 / figures.total;
const mrr = (figures: Figures) => figures.reciprocal / figures.total;
const describe = (figures: Figures) => `top-3 ${(rate(figures) * 100).toFixed(1)}% (${figures.top3}/${figures.total}), MRR ${mrr(figures).toFixed(3)}`;

/** Runs a set: overall figures, by group and by language, and the items that missed the top three. */
async function measure(items: readonly RelevanceItem[]): Promise<{ overall: Figures; byGroup: Map<string, Figures>; byLang: Map<string, Figures>; missed: string[] }> {
  const engine = await enginePromise;
  const overall: Figures = { total: 0, top3: 0, reciprocal: 0 };
  const byGroup = new Map<string, Figures>();
  const byLang = new Map<string, Figures>();
  const missed: string[] = [];
  const count = (figures: Figures, rank: number) => {
    figures.total += 1;
    if (rank > 0 && rank <= 3) figures.top3 += 1;
    if (rank > 0) figures.reciprocal += 1 / rank;
  };
  const slot = (map: Map<string, Figures>, key: string) => map.get(key) ?? map.set(key, { total: 0, top3: 0, reciprocal: 0 }).get(key)!;
  for (const item of items) {
    const hits = engine.search(item.q, { lang: item.lang, limit: 10 }).hits;
    const rank = hits.findIndex((hit) => hit.record.slug === item.slug) + 1;
    for (const figures of [overall, slot(byGroup, item.group), slot(byLang, item.lang)]) count(figures, rank);
    if (!(rank > 0 && rank <= 3)) missed.push(`  rank ${rank || '>10'}: ${item.slug} ← ${JSON.stringify(item.q.slice(0, 70))} (got ${hits.slice(0, 3).map((hit) => hit.record.slug).join(', ')})`);
  }
  return { overall, byGroup, byLang, missed };
}

function print(name: string, result: Awaited<ReturnType<typeof measure>>): void {
  console.log(`${name}: ${describe(result.overall)}`);
  console.log(`  by ${name === 'queries.json' ? 'type' : 'kind'}: ${[...result.byGroup].map(([group, figures]) => `${group} ${describe(figures)}`).join('; ')}`);
  console.log(`  by language: ${[...result.byLang].map(([lang, figures]) => `${lang} ${describe(figures)}`).join('; ')}`);
  if (result.missed.length > 0) console.log(`  not in the top three:\n${result.missed.join('\n')}`);
}

test('the relevance set has at least 80 well-formed queries covering every article', () => {
  assert.ok(queries.length >= 80, `${queries.length} queries`);
  for (const query of queries) {
    assert.ok(isLocale(query.lang), `lang "${query.lang}" of ${JSON.stringify(query.q)}`);
    assert.ok((ARTICLE_SLUGS as readonly string[]).includes(query.slug), `slug "${query.slug}" of ${JSON.stringify(query.q)}`);
  }
  const covered = new Set(queries.map((query) => query.slug));
  assert.deepEqual(ARTICLE_SLUGS.filter((slug) => !covered.has(slug)), []);
});

test('the real-world set has at least 60 sourced items in both languages and every kind', () => {
  assert.ok(realworld.length >= 60, `${realworld.length} items`);
  for (const item of realworld) {
    assert.ok(isLocale(item.lang), `lang "${item.lang}" of ${JSON.stringify(item.q)}`);
    assert.ok((ARTICLE_SLUGS as readonly string[]).includes(item.slug) || pending.has(item.slug), `slug "${item.slug}" of ${JSON.stringify(item.q)}`);
    assert.ok(REALWORLD_KINDS.includes(item.group), `kind "${item.group}" of ${JSON.stringify(item.q)}`);
    assert.match(item.source, /^https:\/\/\S+$/, `source of ${JSON.stringify(item.q)}`);
  }
  for (const lang of ['zh', 'en']) assert.ok(realworld.some((item) => item.lang === lang), `items in ${lang}`);
  for (const kind of REALWORLD_KINDS) assert.ok(realworld.some((item) => item.group === kind), `items of kind ${kind}`);
});

test(`queries.json: at least ${REQUIRED_TOP3 * 100}% of queries have the right article in the top three, and the MRR is at least ${REQUIRED_MRR}`, async () => {
  const result = await measure(queries);
  print('queries.json', result);
  assert.ok(rate(result.overall) >= REQUIRED_TOP3, `top-3 rate ${(rate(result.overall) * 100).toFixed(1)}% is below ${REQUIRED_TOP3 * 100}%`);
  assert.ok(mrr(result.overall) >= REQUIRED_MRR, `MRR ${mrr(result.overall).toFixed(3)} is below ${REQUIRED_MRR}`);
});

test(`realworld.json: at least ${REALWORLD_TOP3 * 100}% in the top three overall and ${REALWORLD_COMPLAINT_TOP3 * 100}% of complaints`, async () => {
  const result = await measure(scoredRealworld);
  print('realworld.json', result);
  if (pending.size > 0) console.log(`  waiting for their articles (not scored): ${realworld.length - scoredRealworld.length} items about ${[...pending].join(', ')}`);
  const complaints = result.byGroup.get('complaint') ?? { total: 1, top3: 0, reciprocal: 0 };
  const gap = (figure: number, target: number) => (figure >= target ? 'met' : `NOT met, ${((target - figure) * 100).toFixed(1)} points short`);
  console.log(`  targets: overall ${REALWORLD_TARGET_TOP3 * 100}% ${gap(rate(result.overall), REALWORLD_TARGET_TOP3)}; complaints ${REALWORLD_TARGET_COMPLAINT_TOP3 * 100}% ${gap(rate(complaints), REALWORLD_TARGET_COMPLAINT_TOP3)}`);
  assert.ok(rate(result.overall) >= REALWORLD_TOP3, `top-3 rate ${(rate(result.overall) * 100).toFixed(1)}% is below ${REALWORLD_TOP3 * 100}%`);
  assert.ok(rate(complaints) >= REALWORLD_COMPLAINT_TOP3, `complaints' top-3 rate ${(rate(complaints) * 100).toFixed(1)}% is below ${REALWORLD_COMPLAINT_TOP3 * 100}%`);
});
