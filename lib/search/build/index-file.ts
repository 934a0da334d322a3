import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listArticles } from '@/lib/content/server';
import { SEARCH_INDEX_PATH, type SearchIndex } from '../records';
import { buildSearchIndex } from './build-index';
import type { FlowSource } from './flow-records';
import { registeredFlows } from './flow-source';
import { parseSearchIndex } from './schema';

/*
 * Node only: where the build writes the index, and how scripts and tests
 * get one (from that file, or straight from the content).
 */

/** `public/search-index.json` under the repository root. */
export function searchIndexFile(root = process.cwd()): string {
  return path.join(root, 'public', SEARCH_INDEX_PATH);
}

/** Builds the index from the articles in `contentDir` (`content/` by default) and the flows `flows` yields (the registered ones by default). */
export async function buildIndexFromSources(contentDir?: string, flows: FlowSource = registeredFlows): Promise<SearchIndex> {
  return buildSearchIndex({ articles: listArticles(undefined, contentDir), flows: await flows() });
}

/** Reads and validates an index file; the error names the file and the bad field. */
function readSearchIndex(file: string): SearchIndex {
  return parseSearchIndex(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The shipped index when it has been built, else one built from the content now (`built` says which). */
export async function shippedOrFreshIndex(root = process.cwd()): Promise<{ index: SearchIndex; built: boolean }> {
  const file = searchIndexFile(root);
  if (existsSync(file)) return { index: readSearchIndex(file), built: false };
  return { index: await buildIndexFromSources(path.join(root, 'content')), built: true };
}
