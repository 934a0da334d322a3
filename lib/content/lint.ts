import 'server-only';
import { LOCALES } from '@/lib/i18n';
import type { Article } from './article';
import { FLOW_IDS } from './catalog';
import { scanContent } from './load';
import type { ContentProblem } from './problems';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a content directory: the frontmatter schema, MDX syntax and the
 * `<Fix>` rules, the catalogue's slugs, the same slugs and fix ids in every
 * language, and every internal link and anchor. Returns every problem, each
 * with file and line, sorted. (Whether the fixes a decision flow ends at
 * exist is the flows' check: content knows nothing of flows.)
 */
export function lintContent(contentDir?: string): ContentProblem[] {
  const { articles, problems } = scanContent(contentDir);
  const index = new Map(articles.map((article) => [`${article.lang}/${article.slug}`, article]));
  for (const article of articles) problems.push(...checkArticle(article, index));
  problems.push(...checkLanguagesAgree(articles, index));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function checkArticle(article: Article, index: Map<string, Article>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (line: number, message: string) => problems.push({ file: article.file, line, message });

  if (article.fixes.length === 0) at(1, 'an article needs at least one <Fix id="…" title="…"> section');
  const seen = new Set<string>();
  for (const fix of article.fixes) {
    if (!KEBAB.test(fix.id)) at(fix.line, `fix id "${fix.id}" must be kebab-case ASCII`);
    if (seen.has(fix.id)) at(fix.line, `fix id "${fix.id}" is used twice`);
    if (!fix.title.trim()) at(fix.line, `fix "${fix.id}" needs a title`);
    if (!fix.summary.trim()) at(fix.line, `fix "${fix.id}" needs a summary: a first paragraph, or summary="…"`);
    seen.add(fix.id);
  }
  for (const slug of article.frontmatter.related) {
    if (!index.has(`${article.lang}/${slug}`)) at(1, `related article "${slug}" does not exist in ${article.lang}`);
  }
  for (const link of article.links) {
    const message = checkLink(link.href, article, index);
    if (message) at(link.line, message);
  }
  return problems;
}

function checkLink(href: string, article: Article, index: Map<string, Article>): string | undefined {
  if (/^(https?:|mailto:)/.test(href)) return undefined;
  if (href.startsWith('#')) return anchorProblem(article, href.slice(1));
  if (!href.startsWith('/')) return `link "${href}": write internal links from the root, e.g. /articles/<slug>#<fix-id>`;
  const [pathPart, anchor] = href.split('#');
  const segments = pathPart.split('?')[0].split('/').filter(Boolean);
  if ((LOCALES as readonly string[]).includes(segments[0])) return `link "${href}": leave the language out; the page adds the reader's language`;
  const [section, id, ...rest] = segments;
  if (rest.length > 0 || !id) return `link "${href}" does not point to a page`;
  if (section === 'flows') {
    return (FLOW_IDS as readonly string[]).includes(id) ? undefined : `link "${href}": no flow "${id}"`;
  }
  if (section === 'articles' || section === 'fix') {
    const target = index.get(`${article.lang}/${id}`);
    if (!target) return `link "${href}": no article "${id}" in ${article.lang}`;
    return anchor ? anchorProblem(target, anchor) : undefined;
  }
  return `link "${href}": unknown section "/${section}"`;
}

function anchorProblem(target: Article, anchor: string): string | undefined {
  const ids = [...target.fixes.map((fix) => fix.id), ...target.headings.map((heading) => heading.id)];
  return ids.includes(decodeURIComponent(anchor)) ? undefined : `anchor "#${anchor}" does not exist in ${target.file}`;
}

function checkLanguagesAgree(articles: Article[], index: Map<string, Article>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    for (const lang of LOCALES) {
      if (lang === article.lang) continue;
      const twin = index.get(`${lang}/${article.slug}`);
      if (!twin) {
        problems.push({ file: article.file, line: 1, message: `no ${lang} version: content/${lang}/${article.slug}.mdx is missing` });
        continue;
      }
      const twinIds = new Set(twin.fixes.map((fix) => fix.id));
      for (const fix of article.fixes) {
        if (!twinIds.has(fix.id)) problems.push({ file: article.file, line: fix.line, message: `fix "${fix.id}" has no counterpart in ${twin.file}` });
        if (fix.audience && twin.fixes.some((other) => other.id === fix.id && other.audience && other.audience !== fix.audience)) {
          problems.push({ file: article.file, line: fix.line, message: `fix "${fix.id}" is for ${fix.audience} here but not in ${twin.file}` });
        }
      }
    }
  }
  return problems;
}
