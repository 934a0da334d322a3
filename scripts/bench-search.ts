/**
 * `npm run bench:search`: query latency (p50, p95) and index size of the
 * search, on the shipped index and on synthetic corpora of 1,000 and 10,000
 * records built from it, next to MiniSearch on the same records and queries.
 * Prints figures only; it asserts nothing about speed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Locale } from '@/lib/i18n';
import { SEARCH_INDEX_VERSION, type SearchIndex, type SearchRecord } from '@/lib/search';
import { createSearchEngine, readErrorSignature, SEARCH_FIELDS, shippedOrFreshIndex, tokenize, type LinkedRecord } from '@/lib/search/server';

interface Query {
  q: string;
  lang: Locale;
  slug: string;
}

const REPEATS = 5;
const queries: Query[] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../tests/search/queries.json'), 'utf8')).queries;

/** A small deterministic random number generator (mulberry32), so every run builds the same corpora. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Grows the shipped index to `size` records: whole articles (with their
 * fixes) and flows (with their steps) are copied under new slugs, each copy's
 * sentences, symptoms and errors mixed with those of another record, so the
 * vocabulary and term frequencies stay those of real content.
 */
function synthesize(index: SearchIndex, size: number): SearchIndex {
  const next = random(size);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const families = index.records.flatMap((record, position) => (record.parent === undefined ? [position] : []));
  const childrenOf = new Map<number, number[]>();
  index.records.forEach((record, position) => {
    if (record.parent !== undefined) childrenOf.set(record.parent, [...(childrenOf.get(record.parent) ?? []), position]);
  });
  const mix = (own: string | undefined) => {
    if (!own) return own;
    const other = pick(index.records).text ?? '';
    const sentences = [...own.split('\n'), ...other.split('\n').slice(0, 6)];
    return sentences.sort(() => next() - 0.5).join('\n');
  };
  const mixList = (own: string[] | undefined, field: 'errors' | 'symptoms') => {
    if (!own) return own;
    const other = pick(index.records)[field] ?? [];
    return [...own.slice(1), ...other.slice(0, 2)];
  };
  const records: SearchRecord[] = [...index.records];
  for (let copy = 1; records.length < size; copy += 1) {
    for (const family of families) {
      if (records.length >= size) break;
      const parentPosition = records.length;
      for (const position of [family, ...(childrenOf.get(family) ?? [])]) {
        if (records.length >= size) break;
        const source = index.records[position];
        records.push({
          ...source,
          slug: `${source.slug}-copy${copy}`,
          text: mix(source.text),
          errors: mixList(source.errors, 'errors'),
          symptoms: mixList(source.symptoms, 'symptoms'),
          ...(source.parent === undefined ? {} : { parent: parentPosition }),
        });
      }
    }
  }
  return { version: SEARCH_INDEX_VERSION, records };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

function timeQueries(run: (query: Query) => void): { p50: number; p95: number } {
  for (const query of queries) run(query);
  const timings: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      timings.push(performance.now() - start);
    }
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 0.5), p95: percentile(timings, 0.95) };
}

/** Share of queries whose expected article is among the first three distinct results, and the mean reciprocal rank. */
function relevance(rank: (query: Query) => string[]): { top3: number; mrr: number } {
  let top3 = 0;
  let reciprocal = 0;
  for (const query of queries) {
    const position = rank(query).indexOf(query.slug) + 1;
    if (position > 0 && position <= 3) top3 += 1;
    if (position > 0) reciprocal += 1 / position;
  }
  return { top3: top3 / queries.length, mrr: reciprocal / queries.length };
}

function linked(records: readonly SearchRecord[]): LinkedRecord[] {
  return records.map((record) => (record.parent === undefined ? record : { ...record, parentRecord: records[record.parent] }));
}

/** MiniSearch over the same records and fields (same weights, tokenizer and pasted-error reduction), prefix and fuzzy on. */
function miniSearchOver(index: SearchIndex) {
  const records = linked(index.records);
  const fields = SEARCH_FIELDS.map((field) => field.name);
  const mini = new MiniSearch<LinkedRecord & { id: number }>({
    fields,
    extractField: (document, name) => {
      if (name === 'id') return (document as { id: number }).id;
      const value = SEARCH_FIELDS.find((field) => field.name === name)?.read(document);
      return typeof value === 'string' || value === undefined ? value : value.join('\n');
    },
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: { boost: Object.fromEntries(SEARCH_FIELDS.map((field) => [field.name, field.weight])), prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  mini.addAll(records.map((record, id) => ({ ...record, id })));
  const search = (query: Query) => {
    const text = readErrorSignature(query.q)?.query ?? query.q;
    const seen = new Set<string>();
    const ranked: SearchRecord[] = [];
    for (const result of mini.search(text)) {
      const record = records[result.id as number];
      const key = `${record.kind} ${record.slug} ${record.anchor ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ranked.push(record);
      if (ranked.length >= 10) break;
    }
    return ranked;
  };
  return { mini, search };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

const { index: shipped } = await shippedOrFreshIndex();
const corpora: Array<[string, SearchIndex]> = [
  [`shipped (${shipped.records.length})`, shipped],
  ['synthetic 1,000', synthesize(shipped, 1_000)],
  ['synthetic 10,000', synthesize(shipped, 10_000)],
];

const rows: string[][] = [];
for (const [name, index] of corpora) {
  const json = JSON.stringify(index);
  let start = performance.now();
  const engine = createSearchEngine(index);
  const fixpathLoad = performance.now() - start;
  const fixpath = timeQueries((query) => engine.search(query.q, { lang: query.lang, limit: 10 }));
  start = performance.now();
  const mini = miniSearchOver(index);
  const miniLoad = performance.now() - start;
  const miniTimes = timeQueries((query) => mini.search(query));
  const miniJson = JSON.stringify(mini.mini);
  const isShipped = index === shipped;
  const ours = isShipped ? relevance((query) => engine.search(query.q, { lang: query.lang, limit: 10 }).hits.map((hit) => hit.record.slug)) : undefined;
  const theirs = isShipped ? relevance((query) => mini.search(query).map((record) => record.slug)) : undefined;
  const share = (value?: { top3: number; mrr: number }) => (value ? `${(value.top3 * 100).toFixed(1)}% / ${value.mrr.toFixed(3)}` : '–');
  rows.push([name, 'Fixpath (Fuse.js)', fixpath.p50.toFixed(2), fixpath.p95.toFixed(2), `${kib(json.length)} / ${kib(gzipSync(json).length)}`, `${fixpathLoad.toFixed(0)} ms`, share(ours)]);
  rows.push([name, 'MiniSearch', miniTimes.p50.toFixed(2), miniTimes.p95.toFixed(2), `${kib(miniJson.length)} / ${kib(gzipSync(miniJson).length)} (+ records)`, `${miniLoad.toFixed(0)} ms`, share(theirs)]);
}

const header = ['corpus', 'engine', 'p50 ms', 'p95 ms', 'index raw / gzip', 'load in Node', 'top-3 / MRR'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(`${queries.length} queries from tests/search/queries.json, each run ${REPEATS} times after one warm-up pass; Node ${process.version}.`);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
console.log('Fixpath index = the records JSON the browser fetches (its Fuse.js and candidate indexes are built on load); MiniSearch index = its serialized index, which needs the records on top to show results.');
