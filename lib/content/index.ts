/**
 * Content, browser-safe door: the article model's types, the slug and layer
 * catalogue, placeholders and customer fix links. Loading and checking
 * articles (Node) is `@/lib/content/server`.
 */
export type { Article, SectionText } from './article';
export { ARTICLE_SLUGS, LAYERS } from './catalog';
export { fixLinkPath, parseFixLink, type IgnoredValue } from './fix-link';
export { fillPlaceholders, maskPlaceholders, placeholdersIn, PLACEHOLDER_NAMES, splitPlaceholders, summarisePlaceholders, type PlaceholderValues } from './placeholders';
