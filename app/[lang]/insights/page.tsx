import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { InsightsFilters } from '@/components/insights/insights-filters';
import { InsightsReport } from '@/components/insights/insights-report';
import { requireRole } from '@/lib/auth';
import { activeUsers, pageCaller } from '@/lib/auth/server';
import { listFlows } from '@/lib/flows/server';
import { format, insightsMessages, isLocale } from '@/lib/i18n';
import { insightsForPage, parseFilters } from '@/lib/insights/server';

// Who is asking and what the events say are questions for the database at request time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: insightsMessages[lang].title, robots: { index: false } } : {};
}

type Search = Record<string, string | string[] | undefined>;

/** Insights for editors and admins: six reports under filters kept in the URL (plain search params). */
export default async function InsightsPage({ params, searchParams }: { params: Promise<{ lang: string }>; searchParams: Promise<Search> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const search = new URLSearchParams(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === 'string' && value ? [[key, value]] : [])));
  const t = insightsMessages[lang];

  const caller = await pageCaller(await headers());
  if (caller === null) redirect(`/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/insights${search.size > 0 ? `?${search}` : ''}`)}`);
  if (caller !== 'unavailable' && !requireRole(caller, 'editor').ok) forbidden();

  const { filters, error } = parseFilters(search);
  const reports = caller === 'unavailable' ? 'unavailable' : await insightsForPage(filters, caller);
  const agents = reports === 'unavailable' ? [] : await activeUsers();
  const flows = listFlows().map((flow) => ({ id: flow.id, title: flow.title[lang] }));
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{t.intro}</p>
      <InsightsFilters lang={lang} choices={{ values: filters, flows, agents }} />
      {error ? (
        <p role="alert" className="mt-4 text-red-800 dark:text-red-300">
          {format(t.badFilter, { message: error.message })}
        </p>
      ) : null}
      {reports === 'unavailable' ? (
        <p role="alert" className="mt-4 text-red-800 dark:text-red-300">
          {t.unavailable}
        </p>
      ) : (
        <InsightsReport lang={lang} reports={reports} query={query} />
      )}
    </div>
  );
}
