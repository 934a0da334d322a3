import { SEARCH_INDEX_PATH, type SearchIndex } from './records';
import type { SearchEngine } from './engine/engine';

/**
 * Fetches the prebuilt index and loads the engine, with Fuse.js, as a
 * separate chunk: nothing of the engine ships with a page until the reader
 * first searches. Rejects when the index cannot be fetched.
 */
export async function loadSearchEngine(url = SEARCH_INDEX_PATH): Promise<SearchEngine> {
  const [index, { createSearchEngine }] = await Promise.all([
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      return response.json() as Promise<SearchIndex>;
    }),
    import('./engine/engine'),
  ]);
  return createSearchEngine(index);
}
