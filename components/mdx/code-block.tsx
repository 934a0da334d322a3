import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { isValidElement, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { fillPlaceholders, type PlaceholderValues } from '@/lib/content';
import { highlightToHast } from '@/lib/highlight';
import { CopyButton } from '../copy-button';

/** Labels the code block's copy button needs. */
export interface CodeBlockLabels {
  copy: string;
  copied: string;
  failed: string;
}

interface CodeElementProps {
  className?: string;
  children?: ReactNode;
}

/**
 * A fenced code block: placeholders filled with the customer's values,
 * highlighted on the server, with a copy button. Values only ever reach the
 * page as text nodes of the highlighted tree, never as HTML.
 */
export async function CodeBlock({ children, values, labels }: { children?: ReactNode; values: PlaceholderValues; labels: CodeBlockLabels }) {
  const code = isValidElement<CodeElementProps>(children) ? children.props : { children };
  const lang = /language-([\w+-]+)/.exec(code.className ?? '')?.[1] ?? 'text';
  const source = fillPlaceholders(String(code.children ?? '').replace(/\n$/, ''), values);
  const tree = await highlightToHast(source, lang);
  return (
    // On a phone the button sits above the code: laid over it, it hid the start of the first line.
    <div className="my-4 flex flex-col sm:relative sm:block">
      <div className="mb-1 self-end sm:absolute sm:top-2 sm:right-2 sm:mb-0">
        <CopyButton text={source} label={labels.copy} copiedLabel={labels.copied} failedLabel={labels.failed} className="bg-white dark:bg-slate-900" />
      </div>
      {toJsxRuntime(tree, { Fragment, jsx, jsxs })}
    </div>
  );
}
