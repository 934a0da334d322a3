import type { SearchRecord } from '../records';

/** The page a result opens, in the result's own language: a fix lands on its section. */
export function resultUrl(record: Pick<SearchRecord, 'kind' | 'lang' | 'slug' | 'anchor'>): string {
  switch (record.kind) {
    case 'fix':
      return `/${record.lang}/articles/${record.slug}#${record.anchor}`;
    case 'article':
      return `/${record.lang}/articles/${record.slug}`;
    case 'flow':
    case 'step':
      return `/${record.lang}/flows/${record.slug}`;
  }
}
