import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CaseActions } from '@/components/cases/case-actions';
import { CaseControls } from '@/components/cases/case-controls';
import { CaseFacts } from '@/components/cases/case-facts';
import { CaseOutcome } from '@/components/cases/case-outcome';
import { CaseTimeline } from '@/components/cases/case-timeline';
import { EvidenceForm } from '@/components/cases/evidence-form';
import type { CustomerFixes } from '@/components/cases/link-list';
import { NoteForm } from '@/components/cases/note-form';
import { SendToCustomer } from '@/components/cases/send-to-customer';
import { VantagePanel } from '@/components/cases/vantage-panel';
import { activeUsers } from '@/lib/auth/server';
import { getCase, listLinks, pendingVerifications, userNames } from '@/lib/cases/server';
import { listArticles } from '@/lib/content/server';
import { getDatabase } from '@/lib/db/server';
import { listFlows } from '@/lib/flows/server';
import { casePageMessages, isLocale, LOCALES } from '@/lib/i18n';
import { readOrUnavailable, signedInCaller } from '../session';

// A case is read per request: it changes while people work on it.
export const dynamic = 'force-dynamic';

type Params = Promise<{ lang: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: casePageMessages[lang].listTitle, robots: { index: false } } : {};
}

/** Everyone named on the timeline: actors, and whoever a case was handed to or from. */
function peopleOf(record: { assignee: string | null; timeline: Array<{ actor: string; payload: Record<string, unknown> }> }): string[] {
  const ids = [record.assignee, ...record.timeline.flatMap((event) => [event.actor, event.payload.to, event.payload.from])];
  return ids.filter((value): value is string => typeof value === 'string');
}

/** The fixes that may be sent to a customer, per language, grouped by article (only `audience="customer"`). */
function customerFixes(): CustomerFixes {
  const byLang = (lang: (typeof LOCALES)[number]) =>
    listArticles(lang)
      .map((article) => ({ slug: article.slug, title: article.frontmatter.title, fixes: article.fixes.filter((fix) => fix.audience === 'customer').map((fix) => ({ id: fix.id, title: fix.title })) }))
      .filter((group) => group.fixes.length > 0);
  return Object.fromEntries(LOCALES.map((lang) => [lang, byLang(lang)])) as CustomerFixes;
}

/** The case, its links and pending verifications, the people who can take it over, names for every id on it, and the time it was read. Null when there is no such case. */
async function loadCase(id: string) {
  const { db } = await getDatabase();
  const record = await getCase(db, id);
  if (!record) return null;
  const [people, links, pending] = await Promise.all([activeUsers(), listLinks(db, id), pendingVerifications(db, id)]);
  const names = await userNames(db, [...peopleOf(record), ...pending.map((item) => item.createdBy)]);
  return {
    now: Date.now(),
    record,
    links: (links ?? []).map(({ id: linkId, slug, fixId, lang, state, createdAt, firstOpenedAt }) => ({ id: linkId, slug, fixId, lang, state, createdAt, firstOpenedAt })),
    pending: pending.map(({ scheduleId, dueAt, createdBy }) => ({ scheduleId, dueAt, createdBy })),
    people: people.map((person) => ({ id: person.id, name: person.name })),
    names: { ...Object.fromEntries(people.map((person) => [person.id, person.name])), ...names },
  };
}

/**
 * One case: facts and outcome, both vantage points, send to customer, pasted output, status and
 * hand-over, notes, the timeline with evidence and flow runs, flows to start, verify (now or
 * later) and export.
 */
export default async function CasePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { lang, id } = await params;
  if (!isLocale(lang)) notFound();
  const order = (await searchParams).order === 'newest' ? 'newest' : 'oldest';
  const t = casePageMessages[lang];
  const caller = await signedInCaller(lang, `/${lang}/cases/${encodeURIComponent(id)}${order === 'newest' ? '?order=newest' : ''}`);
  const data = caller === 'unavailable' ? caller : await readOrUnavailable(() => loadCase(id));
  if (data === null) notFound();
  if (data === 'unavailable') {
    return (
      <p role="alert" className="text-red-800 dark:text-red-300">
        {t.unavailable}
      </p>
    );
  }
  const { now, record, people, names, links, pending } = data;
  // The client islands get the case's facts only; the timeline is rendered here.
  const { timeline, ...facts } = record;
  const flows = listFlows().map((flow) => ({ id: flow.id, title: flow.title[lang] }));
  const context = { lang, names, now };
  return (
    <div>
      <p className="text-sm">
        <Link href={`/${lang}/cases`} className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
          {t.backToCases}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold break-words">{record.title}</h1>
      <CaseFacts record={record} lang={lang} names={names} now={context.now} />
      <CaseOutcome events={timeline} lang={lang} now={now} />
      {/* On a phone: status and hand-over first, then notes and the timeline, then flows and export.
          On a desktop the first and last sit in a column beside the timeline. */}
      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          <CaseControls lang={lang} record={facts} people={people} names={names} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <VantagePanel events={timeline} lang={lang} names={names} now={now} />
          <SendToCustomer lang={lang} caseId={record.id} caseLang={record.lang} fixes={customerFixes()} links={links} now={now} />
          <div className="mb-8">
            <EvidenceForm lang={lang} caseId={record.id} />
          </div>
          <NoteForm lang={lang} caseId={record.id} />
          <CaseTimeline caseId={record.id} events={timeline} order={order} flowTitles={Object.fromEntries(flows.map((flow) => [flow.id, flow.title]))} context={context} />
        </div>
        <div className="min-w-0 lg:col-start-2 lg:row-start-2">
          <CaseActions lang={lang} caseId={record.id} flows={flows} pending={pending} names={names} now={now} />
        </div>
      </div>
    </div>
  );
}
