import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '../i18n/locales';
import { isArticleSlug } from './catalog';
import { ContentError, readFrontmatter, type ContentProblem } from './frontmatter';
import { parseMdxBody, type ParsedBody } from './parse-mdx';
import type { Frontmatter } from './schema';

/** One article in one language, as loaded from `content/<lang>/<slug>.mdx`. */
export interface Article extends Omit<ParsedBody, 'problems'> {
  lang: Locale;
  slug: string;
  /** Path relative to the repository root, for messages. */
  file: string;
  frontmatter: Frontmatter;
  /** The MDX body without frontmatter. */
  body: string;
}

/** Where articles live unless a caller (a test fixture) says otherwise. */
export const DEFAULT_CONTENT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'content');

/** Everything found in a content directory: articles that loaded, and the problems of those that did not. */
export interface ContentScan {
  articles: Article[];
  problems: ContentProblem[];
}

/** Reads and validates every article under `contentDir`, collecting problems instead of stopping at the first. */
export function scanContent(contentDir = DEFAULT_CONTENT_DIR): ContentScan {
  const scan: ContentScan = { articles: [], problems: [] };
  for (const lang of LOCALES) {
    const dir = path.join(/*turbopackIgnore: true*/ contentDir, lang);
    if (!existsSync(/*turbopackIgnore: true*/ dir)) continue;
    for (const name of readdirSync(/*turbopackIgnore: true*/ dir).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const fullPath = path.join(/*turbopackIgnore: true*/ dir, name);
      const file = path.relative(/*turbopackIgnore: true*/ process.cwd(), fullPath);
      const slug = name.slice(0, -'.mdx'.length);
      if (!isArticleSlug(slug)) scan.problems.push({ file, line: 1, message: `slug "${slug}" is not in DESIGN.md's article table` });
      const loaded = readFrontmatter(file, readFileSync(/*turbopackIgnore: true*/ fullPath, 'utf8'));
      const { problems, ...parsed } = parseMdxBody(loaded.body ?? '', loaded.bodyLine);
      scan.problems.push(...(loaded.ok ? [] : loaded.problems), ...problems.map((problem) => ({ file, ...problem })));
      if (!loaded.ok) continue;
      scan.articles.push({
        lang,
        slug,
        file,
        frontmatter: loaded.frontmatter,
        body: loaded.body,
        ...parsed,
      });
    }
  }
  return scan;
}

const cache = new Map<string, Article[]>();

/**
 * All articles, validated; throws a ContentError naming file, line and field
 * when any file is broken, so `next build` fails on bad content.
 */
export function loadArticles(contentDir = DEFAULT_CONTENT_DIR): Article[] {
  const cached = cache.get(contentDir);
  if (cached) return cached;
  const { articles, problems } = scanContent(contentDir);
  if (problems.length > 0) throw new ContentError(problems);
  cache.set(contentDir, articles);
  return articles;
}

/** The articles of one language, in catalogue order of their files. */
export function articlesIn(lang: Locale, contentDir = DEFAULT_CONTENT_DIR): Article[] {
  return loadArticles(contentDir).filter((article) => article.lang === lang);
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
