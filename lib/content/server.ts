import 'server-only';

/**
 * Content, server door: reading `content/<lang>/<slug>.mdx` through the one
 * MDX pass (frontmatter, fixes, headings, links, text) and the content lint.
 * Types and browser-safe helpers are in `@/lib/content`.
 */
export { findArticle, listArticles, relatedArticles, scanContent } from './load';
export { lintContent } from './lint';
export { parseArticleSource } from './mdx/parse';
export { ContentError, formatProblem } from './problems';
