import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { isValidElement, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { splitPlaceholders, type PlaceholderValues } from '@/lib/content';
import { highlightToHast, type CodeMark } from '@/lib/highlight';
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

/** The code with placeholders filled, and where the examples the reader must replace are. */
function fill(code: string, values: PlaceholderValues): { source: string; marks: CodeMark[] } {
  let source = '';
  const marks: CodeMark[] = [];
  for (const part of splitPlaceholders(code, values)) {
    if (typeof part === 'string') {
      source += part;
      continue;
    }
    if (!part.filled) marks.push({ start: source.length, end: source.length + part.text.length, name: part.name });
    source += part.text;
  }
  return { source, marks };
}

/**
 * A fenced code block: placeholders filled with the customer's values,
 * highlighted on the server, with a copy button. With `markExamples`, every
 * example value still to be replaced is wrapped in `<mark>` (a customer's view).
 * Values only ever reach the page as text nodes of the highlighted tree, never as HTML.
 */
export async function CodeBlock({ children, values, labels, markExamples = false }: { children?: ReactNode; values: PlaceholderValues; labels: CodeBlockLabels; markExamples?: boolean }) {
  const code = isValidElement<CodeElementProps>(children) ? children.props : { children };
  const lang = /language-([\w+-]+)/.exec(code.className ?? '')?.[1] ?? 'text';
  const { source, marks } = fill(String(code.children ?? '').replace(/\n$/, ''), values);
  const tree = await highlightToHast(source, lang, markExamples ? marks : []);
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
