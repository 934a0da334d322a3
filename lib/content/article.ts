import type { Locale } from '@/lib/i18n';
import type { Frontmatter } from './schema';

/** Who a fix is written for: only `customer` fixes can be sent to a customer. */
export type Audience = 'customer' | 'staff';

/** A fenced code block, with the line its opening fence is on. */
interface CodeBlock {
  /** The fence's language (`bash`, `powershell`, `text`…); `text` when none is given. */
  lang: string;
  /** The code as written, placeholders such as `{{host}}` included. */
  code: string;
  line: number;
}

/** A markdown link (or link definition) with the line it is on. */
interface Link {
  href: string;
  line: number;
}

/** A markdown heading, with the id the page renders it with (see mdx/heading-ids.mjs). */
interface Heading {
  depth: number;
  /** Plain text of the heading. */
  text: string;
  id: string;
  line: number;
}

/**
 * The readable text of one part of an article (a fix, or everything
 * outside the fixes): what search indexes and what a summary is cut from.
 * Placeholders such as `{{host}}` are kept as written.
 */
export interface SectionText {
  /** Prose without markup, one sentence per item (a table row counts as one). */
  sentences: string[];
  /** Headings inside the section, as plain text. */
  headings: string[];
  /** Fenced code blocks inside the section. */
  code: CodeBlock[];
}

/** A `<Fix id title audience summary>` block: one permanent, linkable fix. */
export interface Fix {
  /** Kebab-case id, identical in every language; the anchor of the fix's `h2`. */
  id: string;
  title: string;
  /** Absent only in a file the lint rejects (every fix must say it). */
  audience?: Audience;
  /** The `summary="…"` attribute, else the plain text of the fix's first paragraph. */
  summary: string;
  /** 1-based line of the opening `<Fix` tag. */
  line: number;
  /** The fix's own text. */
  text: SectionText;
  /** Links inside the fix. */
  links: Link[];
}

/** What one pass over an article's MDX yields (see mdx/structure.ts). */
export interface ArticleStructure {
  fixes: Fix[];
  /** Every markdown heading of the body, in order (fix titles are not markdown headings). */
  headings: Heading[];
  /** Every link of the body, in order, fixes included. */
  links: Link[];
  /** Every fenced code block of the body, in order, fixes included. */
  codeBlocks: CodeBlock[];
  /** Text outside the fixes: the introduction and sections such as "Why this happens". */
  intro: SectionText;
}

/** One article in one language, as loaded from `content/<lang>/<slug>.mdx`. */
export interface Article extends ArticleStructure {
  lang: Locale;
  slug: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  frontmatter: Frontmatter;
}
