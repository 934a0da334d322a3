import type { MDXComponents } from 'mdx/types';
import type { ComponentProps, ReactNode } from 'react';
import { FilledValues } from '@/components/fix/filled-values';
import { ArticleBody } from '@/components/mdx/article-body';
import { articleComponents } from '@/components/mdx/article-components';
import { PROSE_CLASSES } from '@/components/mdx/prose-classes';
import type { CustomerView } from '@/lib/cases/server';
import type { CustomerMessages } from '@/lib/i18n';

/**
 * The MDX components of the customer's view: only the linked fix, without its own heading (the
 * page's h1 is its title), examples to replace marked in the commands; links to staff pages or
 * other sections shown as plain text, since the customer can open neither.
 */
function customerComponents(view: CustomerView, fixId: string): MDXComponents {
  return {
    ...articleComponents({ lang: view.lang, values: view.values, onlyFixes: [fixId], markExamples: true }),
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

/**
 * The one fix the link sends, in the page's language, with the case's values, and what the
 * page's commands (the fix's and the diagnostic ones) were filled with or still need.
 */
export async function CustomerFix({ view, t }: { view: CustomerView; t: CustomerMessages }) {
  return (
    <>
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t.heading}</p>
        <h1 className="mt-1 text-3xl font-bold">{view.fix?.title ?? t.fixMissing}</h1>
      </header>
      <FilledValues lang={view.lang} codes={view.codes} values={view.values} />
      {view.fix ? (
        <div className={`customer-view mt-6 ${PROSE_CLASSES}`}>
          <ArticleBody lang={view.lang} slug={view.slug} components={customerComponents(view, view.fix.id)} />
        </div>
      ) : null}
    </>
  );
}
