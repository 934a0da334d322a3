import Link from 'next/link';
import type { Article } from '@/lib/content';
import { articleMessages, format, layerMessages } from '@/lib/i18n';

/** How many pasted error messages show before the rest fold away: the fixes should be in reach without scrolling past thirty strings. */
const ERRORS_SHOWN = 5;

/** A flow the article names, to start from its header. */
export interface ArticleFlowLink {
  id: string;
  title: string;
}

/**
 * Title, summary, layer, date; the way to the fixes and to the matching flow; and how the
 * problem shows up: symptoms and verbatim errors, the long tail of errors folded.
 */
export function ArticleHeader({ article, flow }: { article: Article; flow?: ArticleFlowLink }) {
  const t = articleMessages[article.lang];
  const { title, summary, layer, updated, symptoms, errors } = article.frontmatter;
  const errorItem = (error: string) => (
    <li key={error}>
      <code className="block rounded bg-slate-100 px-2 py-1 text-sm break-all dark:bg-slate-800">{error}</code>
    </li>
  );
  return (
    <header className="mb-8">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <span className="rounded bg-blue-50 px-2 py-0.5 text-blue-900 dark:bg-blue-950 dark:text-blue-100">
          {t.layer}: {layerMessages[article.lang][layer]}
        </span>{' '}
        <span>
          {t.updated} <time dateTime={updated}>{updated}</time>
        </span>
      </p>
      <h1 className="mt-3 text-3xl font-bold">{title}</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{summary}</p>
      <p className="mt-4 flex flex-wrap gap-3 print:hidden">
        {article.fixes.length > 0 ? (
          <a href="#fixes" className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50 dark:border-blue-300 dark:text-blue-200 dark:hover:bg-blue-950">
            {format(t.jumpToFixes, { count: article.fixes.length })}
          </a>
        ) : null}
        {flow ? (
          <Link href={`/${article.lang}/flows/${flow.id}`} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
            {format(t.runFlow, { title: flow.title })}
          </Link>
        ) : null}
      </p>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="symptoms-heading">
          <h2 id="symptoms-heading" className="font-semibold">{t.symptoms}</h2>
          <ul className="mt-2 list-disc pl-5 text-slate-800 dark:text-slate-200">
            {symptoms.map((symptom) => <li key={symptom}>{symptom}</li>)}
          </ul>
        </section>
        {errors.length > 0 ? (
          <section aria-labelledby="errors-heading" className="min-w-0">
            <h2 id="errors-heading" className="font-semibold">{t.errors}</h2>
            <ul className="mt-2 space-y-1">{errors.slice(0, ERRORS_SHOWN).map(errorItem)}</ul>
            {errors.length > ERRORS_SHOWN ? (
              // <details>: no script, opens from the keyboard, and Chromium's find-in-page opens it to show a match.
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-blue-800 dark:text-blue-300">{format(t.moreErrors, { count: errors.length - ERRORS_SHOWN })}</summary>
                <ul className="mt-2 space-y-1">{errors.slice(ERRORS_SHOWN).map(errorItem)}</ul>
              </details>
            ) : null}
          </section>
        ) : null}
      </div>
    </header>
  );
}
