/**
 * Writes `public/search-index.json` from the articles in `content/` and the
 * flows registered in `machines/index.ts` (run by `npm run build`). The
 * palette fetches it on first use; the CLI and benchmark read it too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndexFromSources, searchIndexFile } from '@/lib/search/server';

const index = await buildIndexFromSources();
const json = JSON.stringify(index);
const file = searchIndexFile();
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, json);
const count = (kind: string) => index.records.filter((record) => record.kind === kind).length;
console.log(
  `search index: ${count('article')} articles, ${count('fix')} fixes, ${count('flow')} flows, ${count('step')} flow steps; ` +
    `${(json.length / 1024).toFixed(0)} KiB (${(gzipSync(json).length / 1024).toFixed(0)} KiB gzipped) -> ${path.relative(process.cwd(), file)}`,
);
