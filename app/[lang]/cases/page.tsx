import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseFilters, type StatusFilter } from '@/components/cases/case-filters';
import { CaseList } from '@/components/cases/case-list';
import { NewCaseForm } from '@/components/cases/new-case-form';
import { activeUsers } from '@/lib/auth/server';
import { CASE_STATUSES, type CaseStatus, type ListQuery } from '@/lib/cases';
import { listCases, userNames } from '@/lib/cases/server';
import { getDatabase } from '@/lib/db/server';
import { casePageMessages, isLocale } from '@/lib/i18n';
import { readOrUnavailable, signedInCaller } from './session';

// Cases are read per request, for the person signed in.
export const dynamic = 'force-dynamic';

type Params = Promise<{ lang: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** Cases per page of each list. */
const PAGE = 20;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: casePageMessages[lang].listTitle, robots: { index: false } } : {};
}

/** The status filter the URL asks for: with a search and no status, every status (a ticket is found wherever it stands). */
function statusFilter(raw: string, q: string): StatusFilter {
  if (raw === 'all' || raw === 'active' || (CASE_STATUSES as readonly string[]).includes(raw)) return raw as StatusFilter;
  return q ? 'all' : 'active';
}

const STATUSES_OF: Record<string, CaseStatus[] | undefined> = { active: ['open', 'waiting'], all: undefined };

/** The first page of my cases and of all cases under one filter, with names for the assignees and the time they were read. */
async function loadLists(filter: Omit<ListQuery, 'assignee' | 'cursor'>, callerId: string) {
  const { db } = await getDatabase();
  const [mine, all, people] = await Promise.all([listCases(db, { ...filter, assignee: 'me' }, callerId), listCases(db, filter, callerId), activeUsers()]);
  const empty = { items: [], nextCursor: null };
  const assignees = [...(mine?.items ?? []), ...(all?.items ?? [])].flatMap((item) => (item.assignee ? [item.assignee] : []));
  const names = { ...Object.fromEntries(people.map((person) => [person.id, person.name])), ...(await userNames(db, assignees)) };
  return { now: Date.now(), mine: mine ?? empty, all: all ?? empty, names };
}

/** My cases and all open cases, searchable by ticket reference, host or text, filterable by status; a form opens a new case. */
export default async function CasesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const search = await searchParams;
  const one = (name: string) => (typeof search[name] === 'string' ? (search[name] as string).trim().slice(0, 200) : '');
  const q = one('q');
  const status = statusFilter(one('status'), q);
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(one('status') ? { status: one('status') } : {}) }).toString();
  const t = casePageMessages[lang];

  const caller = await signedInCaller(lang, `/${lang}/cases${query ? `?${query}` : ''}`);
  const statuses = status in STATUSES_OF ? STATUSES_OF[status] : [status as CaseStatus];
  const data = caller === 'unavailable' ? caller : await readOrUnavailable(() => loadLists({ ...(q ? { q } : {}), ...(statuses ? { status: statuses } : {}), limit: PAGE }, caller.user.id));

  // What "More" asks the API for: the same filter, page after page.
  const apiQuery = (extra: Record<string, string>) => new URLSearchParams({ ...(q ? { q } : {}), ...(statuses ? { status: statuses.join(',') } : {}), limit: String(PAGE), ...extra }).toString();
  return (
    <div>
      <h1 className="text-3xl font-bold">{t.listTitle}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t.listIntro}</p>
      {data === 'unavailable' ? (
        <p role="alert" className="mt-6 text-red-800 dark:text-red-300">
          {t.unavailable}
        </p>
      ) : (
        <>
          <NewCaseForm lang={lang} />
          <CaseFilters lang={lang} q={q} status={status} />
          <CaseList key={`mine-${query}`} lang={lang} heading={t.myCases} headingId="my-cases" first={data.mine} query={apiQuery({ assignee: 'me' })} names={data.names} now={data.now} />
          <CaseList key={`all-${query}`} lang={lang} heading={status === 'active' && !q ? t.allOpen : t.allMatching} headingId="all-cases" first={data.all} query={apiQuery({})} names={data.names} now={data.now} />
        </>
      )}
    </div>
  );
}
