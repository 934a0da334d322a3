import Form from 'next/form';
import Link from 'next/link';
import { CASE_STATUSES } from '@/lib/cases';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { statusLabel } from './case-status';

/** The status filter as the URL says it: open or waiting (the default), any, or one status. */
export type StatusFilter = 'active' | 'all' | (typeof CASE_STATUSES)[number];

const FIELD = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';

/**
 * Search and status filter as a GET form: the query lands in the URL (`?q=&status=`), so a
 * search is a link to share, and back/forward step through searches.
 */
export function CaseFilters({ lang, q, status }: { lang: Locale; q: string; status: StatusFilter }) {
  const t = casePageMessages[lang];
  return (
    <Form action={`/${lang}/cases`} role="search" aria-label={t.search} className="mt-6 flex flex-wrap items-end gap-3">
      <div className="min-w-0 grow basis-64">
        <label htmlFor="case-search" className="block font-medium">
          {t.searchLabel}
        </label>
        <input id="case-search" name="q" type="search" defaultValue={q} aria-describedby="case-search-hint" className={FIELD} maxLength={200} />
        <p id="case-search-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t.searchHint}
        </p>
      </div>
      <div className="basis-48">
        <label htmlFor="case-status" className="block font-medium">
          {t.statusFilter}
        </label>
        <select id="case-status" name="status" defaultValue={status} className={FIELD}>
          <option value="active">{t.statusActive}</option>
          <option value="all">{t.statusAny}</option>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value, lang)}
            </option>
          ))}
        </select>
        {/* Keeps the hint's height so the button lines up with the fields. */}
        <p className="mt-1 text-sm" aria-hidden="true">
          &nbsp;
        </p>
      </div>
      <div className="flex items-center gap-3 pb-7">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          {t.apply}
        </button>
        {q || status !== 'active' ? (
          <Link href={`/${lang}/cases`} className="text-blue-800 underline dark:text-blue-300">
            {t.clearFilters}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
