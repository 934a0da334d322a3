import { Children, isValidElement, type ComponentProps, type CSSProperties, type ReactNode } from 'react';

/** The plain text of a rendered MDX subtree (cell contents are strings, `code` and links). */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (!isValidElement<{ children?: ReactNode }>(node)) return '';
  return Children.toArray(node.props.children).map(textOf).join('');
}

/** The texts of the header cells: the first row of the `thead`. */
function headerCells(children: ReactNode): string[] {
  const head = Children.toArray(children).find((child) => isValidElement(child) && child.type === 'thead');
  if (!isValidElement<{ children?: ReactNode }>(head)) return [];
  const row = Children.toArray(head.props.children).find(isValidElement);
  if (!isValidElement<{ children?: ReactNode }>(row)) return [];
  return Children.toArray(row.props.children).filter(isValidElement).map((cell) => textOf(cell).trim());
}

/**
 * A Markdown table in an article. On a phone a table is wider than the page, and left alone it
 * widened the whole page; here it scrolls sideways inside its own box instead. The box is a
 * labelled region and a Tab stop, so keyboard users can scroll it with the arrow keys (axe's
 * scrollable-region-focusable). Each column keeps a readable minimum width; long commands and
 * error strings in cells break (PROSE_CLASSES) rather than stretch their column.
 */
export function ScrollTable({ children, label, ...props }: ComponentProps<'table'> & { label: (columns: readonly string[]) => string }) {
  const columns = headerCells(children);
  const style = { '--table-columns': Math.max(columns.length, 1) } as CSSProperties;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable to be scrolled from the keyboard
    <div role="region" aria-label={label(columns.filter(Boolean))} tabIndex={0} className="my-8 overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
      <table {...props} style={style} className="my-0 min-w-[calc(var(--table-columns)*9rem)] [&_td]:break-words">
        {children}
      </table>
    </div>
  );
}
