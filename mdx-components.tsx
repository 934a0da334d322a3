import type { MDXComponents } from 'mdx/types';

/**
 * Required by @next/mdx. Pages pass language-bound components explicitly
 * (components/mdx/article-components.tsx), which take precedence over these.
 */
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return components;
}
