// @ts-check
/*
 * Plain JavaScript on purpose: besides our own pipeline (mdx/parse.ts), the
 * page compile runs it. next.config.ts names it by path, and @next/mdx's
 * loader imports it in a plain Node worker, which cannot load TypeScript.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Remark plugin: gives every markdown heading the id of its anchor
 * (`data.hProperties.id`, GitHub's slugs of its text, numbered when repeated),
 * once, in the tree. The rendered `h2`/`h3` ids, the lint's anchor check and
 * the search index all read this one assignment.
 *
 * @returns {(tree: import('mdast').Root) => void}
 */
export default function remarkHeadingIds() {
  return (tree) => {
    const slugger = new GithubSlugger();
    visit(tree, 'heading', (node) => {
      node.data ??= {};
      node.data.hProperties ??= {};
      node.data.hProperties.id = slugger.slug(toString(node));
    });
  };
}
