import 'server-only';
import { LOCALES } from '@/lib/i18n';
import type { Article, Fix } from './article';
import { FLOW_IDS } from './catalog';
import { scanContent } from './load';
import { maskPlaceholders, PLACEHOLDER_NAMES, placeholdersIn } from './placeholders';
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
    if (!fix.audience) at(fix.line, `fix "${fix.id}" needs audience="customer" (written for the person at the client) or audience="staff" (internal)`);
    if (fix.audience === 'customer') for (const message of customerFixProblems(fix)) at(message.line, message.text);
    for (const block of fix.text.code) {
      for (const name of placeholdersIn(block.code)) {
        if (!PLACEHOLDER_NAMES.includes(name)) at(block.line, `placeholder "{{${name}}}" is unknown: use one of ${PLACEHOLDER_NAMES.join(', ')}, or add it with its label and explanation to lib/i18n/messages/placeholders.ts`);
      }
    }
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

/**
 * `<ip>`, `<vm-name>`, `YOUR_TOKEN`: placeholders the customer page cannot explain or fill.
 * `<local>` is not one: it is WinHTTP's own bypass-list keyword.
 */
const UNEXPLAINED_PLACEHOLDER = /<(?!local>)[a-z][a-z0-9 _-]*>|\bYOUR_[A-Z0-9_]+\b/;
/**
 * A made-up host written into a command instead of `{{host}}` (examples belong in
 * `{{name:example}}`). `example.com` and `www.example.com` themselves answer on the internet
 * and serve as neutral test targets, so they may stay.
 */
const HARD_CODED_HOST = /\b(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.example\.(?:com|org|net)\b/;

/**
 * What a customer fix may not do: the customer sees only this fix (`/c/<token>`), so it may not
 * link to other sections or pages of the knowledge base, and every value it leaves to the reader
 * must be a known placeholder, which the page explains and highlights.
 */
function customerFixProblems(fix: Fix): Array<{ line: number; text: string }> {
  const problems: Array<{ line: number; text: string }> = [];
  for (const link of fix.links) {
    if (!/^(https?:|mailto:)/.test(link.href)) {
      problems.push({ line: link.line, text: `customer fix "${fix.id}" links to "${link.href}", which the customer cannot see (the link page shows only this fix): say it in the fix, or mark the fix audience="staff"` });
    }
  }
  for (const block of fix.text.code) {
    const code = maskPlaceholders(block.code, '');
    const loose = UNEXPLAINED_PLACEHOLDER.exec(code);
    if (loose) problems.push({ line: block.line, text: `customer fix "${fix.id}" leaves "${loose[0]}" in a command: write it as a placeholder such as {{host}} or {{service:myapp}}, which the page explains` });
    const host = HARD_CODED_HOST.exec(code);
    if (host) problems.push({ line: block.line, text: `customer fix "${fix.id}" hard-codes "${host[0]}" in a command: write {{host}}, or a placeholder with it as the example` });
  }
  for (const sentence of fix.text.sentences) {
    const loose = UNEXPLAINED_PLACEHOLDER.exec(maskPlaceholders(sentence, ''));
    if (loose) problems.push({ line: fix.line, text: `customer fix "${fix.id}" leaves "${loose[0]}" in its text: write it as a placeholder such as {{host}}, which the page explains` });
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
