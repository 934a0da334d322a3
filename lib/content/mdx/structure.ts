import type { Nodes, Root } from 'mdast';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';
import type { ArticleStructure, Audience, Fix } from '../article';
import type { Frontmatter } from '../schema';
import { readFrontmatter } from './frontmatter';
import { emptyText, plainText, sentences } from './text';

declare module 'vfile' {
  interface DataMap {
    /** What {@link remarkArticleStructure} found in the file. */
    article: ArticleStructure;
    /** The validated frontmatter; absent when it is missing or invalid (the file's messages say why). */
    frontmatter: Frontmatter;
  }
}

type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' }>;
type FixDraft = Fix & { hasSummary: boolean };

const AUDIENCES: readonly string[] = ['customer', 'staff'] satisfies Audience[];
const FIX_ATTRIBUTES = new Set(['id', 'title', 'audience', 'summary']);
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * Remark plugin, in the spirit of fumadocs' remark-structure: one walk over
 * the tree collects the frontmatter, each `<Fix>` (attributes, first
 * paragraph, text, links), the headings (with the ids remark-heading-ids
 * gave them), links, code blocks and the text outside the fixes, into
 * `file.data.article` and `file.data.frontmatter`. Whatever breaks the
 * content rules becomes a message on the file, with its line.
 */
export function remarkArticleStructure(): Transformer<Root> {
  return (tree, file) => {
    const article: ArticleStructure = { fixes: [], headings: [], links: [], codeBlocks: [], intro: emptyText() };
    const source = String(file.value);

    const walk = (node: Nodes, fix?: FixDraft): void => {
      const section = fix?.text ?? article.intro;
      const line = node.position?.start.line ?? 1;
      switch (node.type) {
        case 'yaml': {
          const frontmatter = readFrontmatter(node, file);
          if (frontmatter) file.data.frontmatter = frontmatter;
          return;
        }
        case 'heading': {
          const text = plainText(node);
          if (node.depth === 1) file.message('do not write a # title: the page renders the frontmatter title', node);
          article.headings.push({ depth: node.depth, text, id: headingId(node), line });
          section.headings.push(text);
          break;
        }
        case 'paragraph': {
          const text = plainText(node);
          if (fix && !fix.hasSummary) {
            fix.summary = text;
            fix.hasSummary = true;
          }
          section.sentences.push(...sentences(text));
          break;
        }
        case 'tableRow':
          section.sentences.push(plainText(node));
          break;
        case 'code': {
          const block = { lang: node.lang || 'text', code: node.value, line };
          article.codeBlocks.push(block);
          section.code.push(block);
          if (!fenceIsClosed(source, node)) file.message('code fence is never closed', node);
          return;
        }
        case 'link':
        case 'definition': {
          const link = { href: node.url, line };
          article.links.push(link);
          fix?.links.push(link);
          break;
        }
        case 'mdxJsxTextElement':
          if (node.name === 'Fix') file.message('<Fix …> must stand on its own line, with a blank line after it', node);
          break;
        case 'mdxJsxFlowElement':
          if (node.name !== 'Fix') break;
          if (fix) {
            file.message(`<Fix id="${attribute(node, 'id') ?? ''}"> opens inside <Fix id="${fix.id}">`, node);
            break;
          }
          const draft = openFix(node, file);
          for (const child of node.children) walk(child, draft);
          const { hasSummary: _, ...done } = draft;
          article.fixes.push(done);
          return;
        case 'html':
        case 'mdxjsEsm':
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          return;
      }
      if ('children' in node) for (const child of node.children) walk(child, fix);
    };

    walk(tree);
    if (tree.children[0]?.type !== 'yaml') file.message('missing frontmatter: the file must start with a --- YAML block ---', { line: 1, column: 1 });
    file.data.article = article;
  };
}

/** Reads a `<Fix>`'s attributes; each must be a plain string (`id="…"`), since the lint and search read them without running code. */
function openFix(node: JsxElement, file: VFile): FixDraft {
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') file.message('<Fix> takes no {...spread} attributes', attr);
    else if (!FIX_ATTRIBUTES.has(attr.name)) file.message(`<Fix> has no attribute "${attr.name}" (it takes id, title, audience and summary)`, attr);
    else if (typeof attr.value !== 'string') file.message(`<Fix> attribute ${attr.name} must be a string in quotes, e.g. ${attr.name}="…"`, attr);
  }
  const audience = attribute(node, 'audience');
  if (audience !== undefined && !AUDIENCES.includes(audience)) file.message(`<Fix> audience must be "customer" or "staff", not "${audience}"`, node);
  const summary = attribute(node, 'summary');
  return {
    id: attribute(node, 'id') ?? '',
    title: attribute(node, 'title') ?? '',
    ...(audience !== undefined && AUDIENCES.includes(audience) ? { audience: audience as Audience } : {}),
    summary: summary ?? '',
    hasSummary: summary !== undefined,
    line: node.position?.start.line ?? 1,
    text: emptyText(),
    links: [],
  };
}

/** The id remark-heading-ids gave the heading (what the page renders). */
function headingId(node: Extract<Nodes, { type: 'heading' }>): string {
  const properties = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties;
  return typeof properties?.id === 'string' ? properties.id : '';
}

function attribute(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Markdown lets a fence run to the end of its container unclosed; the README's rules do not. */
function fenceIsClosed(source: string, node: Extract<Nodes, { type: 'code' }>): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  const raw = source.slice(start, end);
  const opening = FENCE.exec(raw);
  if (!opening) return true; // an indented code block has no fence to close
  const lastLine = raw.slice(raw.lastIndexOf('\n') + 1).trim();
  return raw.includes('\n') && lastLine.length >= opening[1].length && [...lastLine].every((char) => char === opening[1][0]);
}
