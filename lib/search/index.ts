/**
 * Search, runtime door (browser-safe): the palette loads the engine over
 * the prebuilt index with `loadSearchEngine` (Fuse.js arrives with it, on
 * first use), and shows results with the helpers below. Building the index
 * and the Node side (CLI, synchronous engine) are `@/lib/search/server`.
 */
export type { SearchEngine, SearchHit } from './engine/engine';
export type { ErrorSignature } from './engine/signature';
export { loadSearchEngine } from './load';
export { SEARCH_INDEX_VERSION, type SearchIndex, type SearchRecord } from './records';
export { groupHits, type ResultGroup } from './view/group';
export { highlightSegments } from './view/highlight';
export { parseRecentSearches, RECENT_SEARCHES_KEY, rememberSearch } from './view/recent';
export { bestSnippet } from './view/snippet';
