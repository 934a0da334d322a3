import type { Locale } from '@/lib/i18n';

/*
 * The index file's shape, without zod, so the palette's bundle stays small;
 * build/schema.ts validates files against it.
 */

/** What a search result points at; the palette groups fixes, articles and flows (a flow and its steps). */
export const RECORD_KINDS = ['fix', 'article', 'flow', 'step'] as const;

/** One kind of search record. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Bump when the record shape changes, so a stale `public/search-index.json` is refused rather than misread. */
export const SEARCH_INDEX_VERSION = 1;

/** Where the build writes the index, relative to `public/`, and where the browser fetches it. */
export const SEARCH_INDEX_PATH = '/search-index.json';

/**
 * One searchable thing in one language. `slug` is the article slug or the
 * flow id; `anchor` the fix id or the flow's state id. `parent` is the
 * position of the article (for a fix) or the flow (for a step) in the same
 * index, whose symptoms and errors a fix also answers to.
 */
export interface SearchRecord {
  kind: RecordKind;
  lang: Locale;
  slug: string;
  anchor?: string;
  title: string;
  /** The article or flow a fix or step belongs to, by title. */
  context?: string;
  parent?: number;
  summary?: string;
  symptoms?: string[];
  errors?: string[];
  headings?: string[];
  tags?: string[];
  text?: string;
  commands?: string[];
}

/** The file `scripts/build-search-index.ts` writes and the palette and CLI load. */
export interface SearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  records: SearchRecord[];
}
