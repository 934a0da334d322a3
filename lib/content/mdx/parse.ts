import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ArticleStructure } from '../article';
import type { Frontmatter } from '../schema';
import { readFrontmatter } from './frontmatter';
import remarkHeadingIds from './heading-ids.mjs';
import { remarkArticleStructure } from './structure';

/** What one MDX file yields; `structure` is absent when the MDX does not parse. */
export interface ParsedArticle {
  frontmatter?: Frontmatter;
  structure?: ArticleStructure;
  /** Everything wrong with the file, each on its 1-based line. */
  problems: Array<{ line: number; message: string }>;
}

/**
 * The parser the page compile uses too (@mdx-js/mdx is remark-parse with
 * remark-mdx), with the same syntax extensions and heading ids, then our
 * structure pass.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkFrontmatter)
  .use(remarkGfm)
  .use(remarkHeadingIds)
  .use(remarkArticleStructure);

/** Only for a file whose MDX does not parse: markdown without JSX still finds the frontmatter to check. */
const frontmatterOnly = unified().use(remarkParse).use(remarkFrontmatter);

/** Parses one article's MDX once and returns everything the lint, the pages and search read from it. */
export function parseArticleSource(source: string, path = 'article.mdx'): ParsedArticle {
  const file = new VFile({ path, value: source });
  let structure: ArticleStructure | undefined;
  try {
    processor.runSync(processor.parse(file), file);
    structure = file.data.article;
  } catch (error) {
    file.message(`the MDX does not parse: ${reasonOf(error)}`, { line: lineOf(error), column: 1 });
    const tree = frontmatterOnly.parse(file);
    if (tree.children[0]?.type === 'yaml') {
      const frontmatter = readFrontmatter(tree.children[0], file);
      if (frontmatter) file.data.frontmatter = frontmatter;
    }
  }
  return {
    frontmatter: file.data.frontmatter,
    structure,
    problems: file.messages.map((message) => ({ line: message.line ?? 1, message: message.reason })),
  };
}

function reasonOf(error: unknown): string {
  const reason = (error as { reason?: unknown }).reason ?? (error as Error).message;
  // MDX appends the tag's position, which the problem's own line already gives.
  return String(reason).replace(/\s*\(\d+:\d+-\d+:\d+\)/, '');
}

/** The line of an MDX syntax error; an unclosed tag at the end of the file names it only in the message. */
function lineOf(error: unknown): number {
  const { line, reason } = error as { line?: number; reason?: string };
  return line ?? Number(/\((\d+):\d+-\d+:\d+\)/.exec(String(reason))?.[1] ?? 1);
}
