import type { Article } from '@/lib/content';
import { SEARCH_INDEX_VERSION, type SearchIndex, type SearchRecord } from '../records';
import { articleRecords } from './article-records';
import { flowRecords, type FlowEntry } from './flow-records';

/** What the index is built from: articles in every language, and the decision flows (may be empty). */
export interface IndexSources {
  articles: readonly Article[];
  flows?: readonly FlowEntry[];
}

/** Builds the search index: articles and their fixes, then flows and their steps, in every language. */
export function buildSearchIndex({ articles, flows = [] }: IndexSources): SearchIndex {
  const records: SearchRecord[] = [];
  for (const article of articles) records.push(...articleRecords(article, records.length));
  records.push(...flowRecords(flows, records.length));
  return { version: SEARCH_INDEX_VERSION, records };
}
