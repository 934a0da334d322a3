import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n';
import type { Article } from './article';
import { isArticleSlug } from './catalog';
import { parseArticleSource } from './mdx/parse';
import { ContentError, type ContentProblem } from './problems';

/** Where articles live unless a caller (a test fixture) says otherwise. */
const DEFAULT_CONTENT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'content');

/** Everything found in a content directory: the articles that loaded, and every problem. */
export interface ContentScan {
  articles: Article[];
  problems: ContentProblem[];
}

const scans = new Map<string, ContentScan>();

/**
 * Reads and parses every `<lang>/<slug>.mdx` under `contentDir`, collecting
 * problems (with file and line) instead of stopping at the first. A file
 * whose frontmatter or MDX is broken is left out of `articles`. Each
 * directory is read once per process: the build's pages, the lint and the
 * search index share one pass over each file.
 */
export function scanContent(contentDir = DEFAULT_CONTENT_DIR): ContentScan {
  let scan = scans.get(contentDir);
  if (!scan) {
    scan = readContent(contentDir);
    scans.set(contentDir, scan);
  }
  return { articles: [...scan.articles], problems: [...scan.problems] };
}

function readContent(contentDir: string): ContentScan {
  const scan: ContentScan = { articles: [], problems: [] };
  for (const lang of LOCALES) {
    const dir = path.join(/*turbopackIgnore: true*/ contentDir, lang);
    if (!existsSync(/*turbopackIgnore: true*/ dir)) continue;
    for (const name of readdirSync(/*turbopackIgnore: true*/ dir).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const fullPath = path.join(/*turbopackIgnore: true*/ dir, name);
      const file = path.relative(/*turbopackIgnore: true*/ process.cwd(), fullPath);
      const slug = name.slice(0, -'.mdx'.length);
      if (!isArticleSlug(slug)) scan.problems.push({ file, line: 1, message: `slug "${slug}" is not in the article table (docs/content-model.md)` });
      const { frontmatter, structure, problems } = parseArticleSource(readFileSync(/*turbopackIgnore: true*/ fullPath, 'utf8'), file);
      scan.problems.push(...problems.map((problem) => ({ file, ...problem })));
      if (frontmatter && structure) scan.articles.push({ lang, slug, file, frontmatter, ...structure });
    }
  }
  return scan;
}

/** Every article, validated; throws a ContentError naming file, line and field when any file is broken, so `next build` fails on bad content. */
function loadArticles(contentDir: string): Article[] {
  const { articles, problems } = scanContent(contentDir);
  if (problems.length > 0) throw new ContentError(problems);
  return articles;
}

/** The articles of one language (every language when `lang` is omitted), in file order. Throws a ContentError on broken content. */
export function listArticles(lang?: Locale, contentDir = DEFAULT_CONTENT_DIR): Article[] {
  const articles = loadArticles(contentDir);
  return lang ? articles.filter((article) => article.lang === lang) : articles;
}

/** One article, or undefined when that language has no such slug. */
export function findArticle(lang: Locale, slug: string, contentDir = DEFAULT_CONTENT_DIR): Article | undefined {
  return loadArticles(contentDir).find((article) => article.lang === lang && article.slug === slug);
}

/** The articles `article` names as related, in the same language, in the order given. */
export function relatedArticles(article: Article, contentDir = DEFAULT_CONTENT_DIR): Article[] {
  return article.frontmatter.related
    .map((slug) => findArticle(article.lang, slug, contentDir))
    .filter((other): other is Article => other !== undefined);
}
