import { isValidElement, type ReactNode } from 'react';
import { CopyButton } from '@/components/copy-button';
import { splitPlaceholders, type PlaceholderValues } from '@/lib/content';
import { placeholderHelp, type CustomerMessages, type Locale, type PlaceholderName } from '@/lib/i18n';

/** What a customer code block needs: the case's values, the language and the page's strings. */
export interface CustomerCodeOptions {
  lang: Locale;
  values: PlaceholderValues;
  t: CustomerMessages;
}

const helpOf = (lang: Locale, name: string): string => placeholderHelp[lang][name as PlaceholderName] ?? name;

/**
 * Text with its placeholders marked: the case's own values in bold, examples the customer must
 * replace highlighted and named for screen readers. Every value is a text node, never HTML.
 */
export function MarkedText({ code, options }: { code: string; options: CustomerCodeOptions }) {
  return splitPlaceholders(code, options.values).map((part, index) => {
    if (typeof part === 'string') return part;
    if (part.filled) {
      return (
        <strong key={index} data-filled={part.name} className="font-semibold">
          {part.text}
        </strong>
      );
    }
    return (
      <mark key={index} data-placeholder={part.name} title={helpOf(options.lang, part.name)} className="rounded bg-amber-200 px-0.5 text-slate-950">
        {part.text}
        <span className="sr-only"> ({options.t.exampleLabel})</span>
      </mark>
    );
  });
}

/** A command block with marked placeholders and a copy button that copies what is shown. */
export function CustomerCode({ code, options }: { code: string; options: CustomerCodeOptions }) {
  const text = splitPlaceholders(code, options.values)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
  return (
    <div className="my-3 flex flex-col sm:relative sm:block">
      <div className="mb-1 self-end sm:absolute sm:top-2 sm:right-2 sm:mb-0">
        <CopyButton text={text} label={options.t.copy} copiedLabel={options.t.copied} failedLabel={options.t.copyFailed} className="bg-white dark:bg-slate-900" />
      </div>
      {/* Focusable so a long line can be scrolled from the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-300 bg-slate-50 p-3 pr-24 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
        <code>
          <MarkedText code={code} options={options} />
        </code>
      </pre>
    </div>
  );
}

/** The MDX `pre` of a fix: its code element's text, as a customer code block. */
export function customerPre(options: CustomerCodeOptions) {
  return function CustomerPre({ children }: { children?: ReactNode }) {
    const code = isValidElement<{ children?: ReactNode }>(children) ? children.props.children : children;
    return <CustomerCode code={String(code ?? '').replace(/\n$/, '')} options={options} />;
  };
}
