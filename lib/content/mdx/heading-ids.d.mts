import type { Root } from 'mdast';

/** Remark plugin: gives every markdown heading the id of its anchor (`data.hProperties.id`). */
export default function remarkHeadingIds(): (tree: Root) => void;
