import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument } from 'yaml';
import { frontmatterSchema, type Frontmatter } from '../schema';

/**
 * Validates the YAML frontmatter node with the one schema. Problems go to
 * `file` as messages on the line of the offending key (the YAML block
 * starts on the file's second line).
 */
export function readFrontmatter(node: Yaml, file: VFile): Frontmatter | undefined {
  const lines = new LineCounter();
  const document = parseDocument(node.value, { lineCounter: lines });
  const fileLine = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line + 1);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      file.message(`frontmatter is not valid YAML: ${error.message.split('\n')[0]}`, { line: fileLine(error.pos[0]), column: 1 });
    }
    return undefined;
  }
  const parsed = frontmatterSchema.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // An unknown key has an empty path and names the keys instead.
    const keys = 'keys' in issue ? (issue.keys as string[]) : [];
    const path = issue.path.length > 0 ? issue.path : keys.slice(0, 1);
    const field = issue.path.length > 0 ? issue.path.join('.') : keys.join(', ');
    // A list item's problem points at the item, any other at its key.
    const item = path.length > 1 ? (document.getIn(path, true) as { range?: [number, number] } | undefined)?.range?.[0] : undefined;
    const offset = item ?? findKey(document, String(path[0] ?? ''));
    file.message(`frontmatter field \`${field}\`: ${issue.message}`, { line: fileLine(offset), column: 1 });
  }
  return undefined;
}

/** Where a top-level key is written, so a message points at `layer:` rather than its value. */
function findKey(document: ReturnType<typeof parseDocument>, name: string): number | undefined {
  const contents = document.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number] } }> } | null;
  return contents?.items?.find((pair) => pair.key?.value === name)?.key?.range?.[0];
}
