/*
 * Constants the browser needs without pulling zod into the palette's bundle;
 * schema.ts builds the validation on top of them.
 */

/** What a search result points at; the palette groups fixes, articles and flows (a flow and its steps). */
export const RECORD_KINDS = ['fix', 'article', 'flow', 'step'] as const;

/** One kind of search record. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Bump when the record shape changes, so a stale `public/search-index.json` is refused rather than misread. */
export const SEARCH_INDEX_VERSION = 1;

/** Where the build writes the index, relative to `public/`, and where the browser fetches it. */
export const SEARCH_INDEX_PATH = '/search-index.json';
