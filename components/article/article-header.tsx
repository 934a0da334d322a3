import type { Article } from '@/lib/content';
import { articleMessages, layerMessages } from '@/lib/i18n';

/** Title, summary, layer, date, and how the problem shows up: symptoms and verbatim errors. */
export function ArticleHeader({ article }: { article: Article }) {
  const t = articleMessages[article.lang];
  const { title, summary, layer, updated, symptoms, errors } = article.frontmatter;
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
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="symptoms-heading">
          <h2 id="symptoms-heading" className="font-semibold">{t.symptoms}</h2>
          <ul className="mt-2 list-disc pl-5 text-slate-800 dark:text-slate-200">
            {symptoms.map((symptom) => <li key={symptom}>{symptom}</li>)}
          </ul>
        </section>
        {errors.length > 0 ? (
          <section aria-labelledby="errors-heading">
            <h2 id="errors-heading" className="font-semibold">{t.errors}</h2>
            <ul className="mt-2 space-y-1">
              {errors.map((error) => (
                <li key={error}>
                  <code className="block rounded bg-slate-100 px-2 py-1 text-sm break-all dark:bg-slate-800">{error}</code>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </header>
  );
}
