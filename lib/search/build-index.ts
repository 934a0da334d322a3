import type { Article } from '../content/load';
import { articleRecords } from './article-records';
import { flowRecords, type FlowEntry } from './flow-records';
import { SEARCH_INDEX_VERSION } from './kinds';
import type { SearchIndex, SearchRecord } from './schema';

/** What the index is built from: articles in every language, and the decision flows (may be empty). */
export interface IndexSources {
  articles: Article[];
  flows?: FlowEntry[];
}

/** Builds the search index: articles and their fixes, then flows and their steps, in every language. */
export function buildSearchIndex({ articles, flows = [] }: IndexSources): SearchIndex {
  const records: SearchRecord[] = [];
  for (const article of articles) records.push(...articleRecords(article, records.length));
  records.push(...flowRecords(flows, records.length));
  return { version: SEARCH_INDEX_VERSION, records };
}
