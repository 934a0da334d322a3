import type { MDXComponents } from 'mdx/types';
import type { ComponentProps, ReactNode } from 'react';
import { ArticleBody } from '@/components/mdx/article-body';
import { articleComponents } from '@/components/mdx/article-components';
import { PROSE_CLASSES } from '@/components/mdx/prose-classes';
import type { CustomerView } from '@/lib/cases/server';
import { format, placeholderHelp, type CustomerMessages, type PlaceholderName } from '@/lib/i18n';
import { customerPre, MarkedText, type CustomerCodeOptions } from './customer-code';

/**
 * The MDX components of the customer's view: only the linked fix, without its own heading (the
 * page's h1 is its title); commands with marked placeholders; links to staff pages or other
 * sections shown as plain text, since the customer can open neither.
 */
function customerComponents(fixId: string, options: CustomerCodeOptions): MDXComponents {
  return {
    ...articleComponents({ lang: options.lang, values: options.values, onlyFix: fixId }),
    pre: customerPre(options),
    code: ({ children }) => <code>{typeof children === 'string' ? <MarkedText code={children} options={options} /> : children}</code>,
    a: ({ href = '', children, ...props }: ComponentProps<'a'>) =>
      /^https?:\/\//.test(href) ? (
        <a href={href} rel="noreferrer" {...props}>
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    Fix: ({ id, children }: { id: string; children?: ReactNode }) =>
      id === fixId ? (
        <div data-fix={id} className="fix-section">
          {children}
        </div>
      ) : null,
  };
}

/** Which values came from the case and which placeholders the customer still fills in, said plainly. */
function ValuesNotice({ view, t }: { view: CustomerView; t: CustomerMessages }) {
  const filled = view.filled.filter((value) => value.name === 'host' || value.name === 'port');
  return (
    <>
      {filled.length > 0 ? (
        <p data-testid="filled-values" className="mt-3">
          {format(t.filled, { values: filled.map((value) => format(value.name === 'host' ? t.filledHost : t.filledPort, { value: value.value })).join(t.listSeparator) })}
        </p>
      ) : null}
      {view.remaining.length > 0 ? (
        <section aria-labelledby="remaining-heading" data-testid="remaining-values" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
          <h2 id="remaining-heading" className="font-semibold">
            {t.remainingHeading}
          </h2>
          <p className="mt-1">{t.remainingIntro}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {view.remaining.map(({ name, example }) => (
              <li key={name}>
                <mark className="rounded bg-amber-200 px-0.5 font-mono text-slate-950">{example}</mark>: {placeholderHelp[view.lang][name as PlaceholderName] ?? name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The one fix the link sends, in the page's language, with the case's values. */
export async function CustomerFix({ view, t }: { view: CustomerView; t: CustomerMessages }) {
  const options: CustomerCodeOptions = { lang: view.lang, values: view.values, t };
  return (
    <>
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t.heading}</p>
        <h1 className="mt-1 text-3xl font-bold">{view.fix?.title ?? t.fixMissing}</h1>
        <ValuesNotice view={view} t={t} />
      </header>
      {view.fix ? (
        <div className={`customer-view mt-6 ${PROSE_CLASSES}`}>
          <ArticleBody lang={view.lang} slug={view.slug} components={customerComponents(view.fix.id, options)} />
        </div>
      ) : null}
    </>
  );
}
