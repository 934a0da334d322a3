import { findArticle } from '@/lib/content/server';
import type { Locale } from '../i18n/locales';
import { listFixReferences } from './fix-references';

/** How the runner names a fix section: its article's title and the fix's own title. */
export interface FixTitle {
  article: string;
  fix: string;
}

/**
 * Titles of every article section a flow points to, keyed `slug#fixId`, read from the
 * articles at build time (server only: it reads the content files).
 */
export function fixTitlesFor(flowId: string, lang: Locale): Record<string, FixTitle> {
  const titles: Record<string, FixTitle> = {};
  for (const ref of listFixReferences().filter((candidate) => candidate.flowId === flowId)) {
    const article = findArticle(lang, ref.slug);
    const fix = article?.fixes.find((candidate) => candidate.id === ref.fixId);
    if (article && fix) titles[`${ref.slug}#${ref.fixId}`] = { article: article.frontmatter.title, fix: fix.title };
  }
  return titles;
}
