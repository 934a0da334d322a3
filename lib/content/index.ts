/**
 * Content, browser-safe door: the article model's types, the slug and layer
 * catalogue, placeholders and customer fix links. Loading and checking
 * articles (Node) is `@/lib/content/server`.
 */
export type { Article, ArticleStructure, Audience, CodeBlock, Fix, Heading, Link, SectionText } from './article';
export { ARTICLE_SLUGS, isArticleSlug, LAYERS, type ArticleSlug, type Layer } from './catalog';
export { fixLinkPath, parseFixLink, type FixLinkRequest, type IgnoredValue } from './fix-link';
export { DEFAULT_HOST, DEFAULT_PORT, fillPlaceholders, maskPlaceholders, type PlaceholderValues } from './placeholders';
export type { ContentProblem } from './problems';
export type { Frontmatter } from './schema';
