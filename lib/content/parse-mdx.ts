import GithubSlugger from 'github-slugger';

/** A `<Fix id title>` section: one permanent, linkable fix. */
export interface FixSection {
  id: string;
  title: string;
  /** The tag's `summary` attribute: what to do, in a sentence or two. */
  summary?: string;
  /** 1-based line of the opening tag in the file. */
  line: number;
  /** The raw MDX between the opening and closing tags. */
  source: string;
}

/** A markdown `##`/`###` heading outside fixes, with the id rehype-slug gives it. */
export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
  line: number;
}

/** A markdown link target with the line it is on. */
export interface Link {
  href: string;
  line: number;
}

/** A fenced code block. */
export interface CodeBlock {
  lang: string;
  code: string;
  line: number;
}

/** What the lint, the search index and the article page need from a body. */
export interface ParsedBody {
  fixes: FixSection[];
  headings: Heading[];
  links: Link[];
  codeBlocks: CodeBlock[];
  /** Problems found while scanning, e.g. an unclosed `<Fix>`. */
  problems: { line: number; message: string }[];
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const FIX_OPEN = /^<Fix\s+id="([^"]*)"\s+title="([^"]*)"(?:\s+summary="([^"]*)")?\s*>\s*$/;
const FIX_CLOSE = /^<\/Fix>\s*$/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LINK = /\]\(([^()\s]+)(?:\s+"[^"]*")?\)/g;
const INLINE_CODE = /`[^`]*`/g;

/**
 * Scans an MDX body line by line. `firstLine` is the file line the body
 * starts on, so every position points into the real file.
 */
export function parseMdxBody(body: string, firstLine = 1): ParsedBody {
  const result: ParsedBody = { fixes: [], headings: [], links: [], codeBlocks: [], problems: [] };
  const slugger = new GithubSlugger();
  let fence: { marker: string; lang: string; line: number; lines: string[] } | null = null;
  let fix: (Omit<FixSection, 'source'> & { lines: string[] }) | null = null;

  body.split('\n').forEach((raw, index) => {
    const line = firstLine + index;
    if (fix) fix.lines.push(raw);
    if (fence) {
      if (raw.trim().startsWith(fence.marker) && raw.trim().replace(/[`~]/g, '') === '') {
        result.codeBlocks.push({ lang: fence.lang, code: fence.lines.join('\n'), line: fence.line });
        fence = null;
      } else fence.lines.push(raw);
      return;
    }
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], lang: fenceMatch[2] || 'text', line, lines: [] };
      return;
    }
    const open = FIX_OPEN.exec(raw.trim());
    if (open) {
      if (fix) result.problems.push({ line, message: `<Fix id="${open[1]}"> opens inside <Fix id="${fix.id}">` });
      fix = { id: open[1], title: open[2], ...(open[3] ? { summary: open[3] } : {}), line, lines: [] };
      return;
    } else if (raw.trim().startsWith('<Fix')) {
      result.problems.push({ line, message: 'a <Fix> tag must be written as <Fix id="kebab-id" title="Title"> on one line' });
    }
    if (FIX_CLOSE.test(raw.trim())) {
      if (!fix) result.problems.push({ line, message: '</Fix> without an opening <Fix>' });
      else {
        fix.lines.pop();
        result.fixes.push({ id: fix.id, title: fix.title, ...(fix.summary ? { summary: fix.summary } : {}), line: fix.line, source: fix.lines.join('\n').trim() });
        fix = null;
      }
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const depth = heading[1].length;
      if (depth === 1) result.problems.push({ line, message: 'do not write a # title: the page renders the frontmatter title' });
      if (depth === 2 || depth === 3) {
        result.headings.push({ depth, text: heading[2], id: slugger.slug(plainHeadingText(heading[2])), line });
      }
    }
    for (const match of raw.replace(INLINE_CODE, '').matchAll(LINK)) result.links.push({ href: match[1], line });
  });

  if (fence) result.problems.push({ line: (fence as { line: number }).line, message: 'code fence is never closed' });
  if (fix) result.problems.push({ line: (fix as { line: number }).line, message: `<Fix id="${(fix as { id: string }).id}"> is never closed` });
  return result;
}

/** Heading text as rehype-slug sees it: markup removed. */
function plainHeadingText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*+/g, '');
}
