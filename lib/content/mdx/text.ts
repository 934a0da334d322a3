import type { Nodes } from 'mdast';
import type { SectionText } from '../article';

/**
 * The words of a node as a reader sees them: markup, JSX tags and
 * expressions dropped, link and emphasis text kept, inline code kept as
 * written (placeholders such as `{{host}}` included), whitespace collapsed.
 */
export function plainText(node: Nodes): string {
  return collect(node).replace(/\s+/g, ' ').trim();
}

function collect(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
    case 'mdxTextExpression':
    case 'mdxFlowExpression':
    case 'mdxjsEsm':
    case 'footnoteReference':
      return ' ';
    default:
      return 'children' in node ? node.children.map(collect).join(node.type === 'tableRow' ? ' ' : '') : '';
  }
}

/** A paragraph cut into sentences, so search can show just the sentence that matches. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?;])\s+(?=[A-Z0-9"“(])|(?<=[。！？；])/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A section with no text yet. */
export function emptyText(): SectionText {
  return { sentences: [], headings: [], code: [] };
}
