'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CASE_STATUSES, type CaseRecord, type CaseStatus } from '@/lib/cases';
import { casePageMessages, format, type CasePageMessages, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';
import { LabelledInput } from '../labelled-input';
import { statusLabel } from './case-status';
import { personName, type Names } from './names';

/** What a PATCH may change, as the API names it. */
type Changes = Partial<Pick<CaseRecord, 'title' | 'status' | 'assignee' | 'ticketRef' | 'ticketUrl' | 'customerName' | 'lang'>>;

/** A change the server refused because the case moved on: what the person tried, on which version, and the case as it is now. */
interface Conflict {
  tried: Changes;
  yours: number;
  current: CaseRecord;
}

const SELECT = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';
const BUTTON = 'rounded px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';

function fieldLabel(field: keyof Changes, t: CasePageMessages): string {
  return { title: t.caseTitle, status: t.status, assignee: t.assignee, ticketRef: t.ticketRef, ticketUrl: t.ticketUrl, customerName: t.customerName, lang: t.language }[field];
}

function valueText(field: keyof Changes, value: unknown, lang: Locale, names: Names, t: CasePageMessages): string {
  if (field === 'status') return statusLabel(value as CaseStatus, lang);
  if (field === 'assignee') return value ? personName(value as string, names, t) : t.nobody;
  if (field === 'lang') return value === 'zh' ? t.langZh : t.langEn;
  return value ? String(value) : t.none;
}

/** Only the fields that differ from the case, so a re-applied change never overwrites more than the person touched. */
function diff(record: CaseRecord, wanted: Changes): Changes {
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => (record[field as keyof Changes] ?? null) !== value)) as Changes;
}

/**
 * Status, hand-over and the case's own fields, saved with `PATCH` and the version the page
 * showed. When someone else saved first (409), the page says so, shows what the case holds now
 * next to the change that was not saved, and offers to apply that change to the latest
 * version: no update is lost, silently or otherwise.
 */
export function CaseControls({ lang, record, people, names }: { lang: Locale; record: CaseRecord; people: Array<{ id: string; name: string }>; names: Names }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const conflictBox = useRef<HTMLDivElement>(null);
  // The news that the save failed goes where the person is: focus moves to it once it shows.
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);
  const labels = { title: t.caseTitle, ticketRef: t.ticketRef, ticketUrl: t.ticketUrl, customerName: t.customerName, lang: t.language, status: t.status, assignee: t.assignee };

  // The forms start afresh from each new version (their keys), so focus goes back to the button
  // that saved once the new version is on the page, rather than falling to the top of it.
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (returnFocus.current) document.getElementById(returnFocus.current)?.focus();
    returnFocus.current = null;
  }, [record.version]);

  async function save(changes: Changes, version: number, focusAfter: string) {
    setMessage('');
    setProblem('');
    if (Object.keys(changes).length === 0) {
      setConflict(null);
      setMessage(t.nothingChanged);
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/api/cases/${record.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, ...changes }) });
      if (response.ok) {
        returnFocus.current = focusAfter;
        setConflict(null);
        setMessage(t.saved);
        router.refresh();
      } else if (response.status === 409) {
        const latest = await fetch(`/api/cases/${record.id}`, { cache: 'no-store' });
        if (!latest.ok) throw new Error(String(latest.status));
        setConflict({ tried: changes, yours: version, current: (await latest.json()) as CaseRecord });
        router.refresh();
      } else {
        setProblem((await apiProblem(response, t, labels)).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  function submitAssignment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const assignee = String(form.get('assignee') ?? '');
    void save(diff(record, { status: String(form.get('status')) as CaseStatus, assignee: assignee || null }), record.version, 'case-assign-save');
  }

  function submitDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || null;
    void save(diff(record, { title: text('title'), ticketRef: optional('ticketRef'), ticketUrl: optional('ticketUrl'), customerName: optional('customerName'), lang: text('lang') as Locale }), record.version, 'case-details-save');
  }

  // Someone the case is assigned to who can no longer sign in still shows, by name.
  const choices = record.assignee && !people.some((person) => person.id === record.assignee) ? [...people, { id: record.assignee, name: personName(record.assignee, names, t) }] : people;
  return (
    <section aria-labelledby="case-controls" className="rounded border border-slate-200 p-3 dark:border-slate-700">
      <h2 id="case-controls" className="text-lg font-semibold">
        {t.changeTitle}
      </h2>
      {conflict ? (
        <div ref={conflictBox} tabIndex={-1} role="alert" className="mt-3 rounded border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50" data-testid="case-conflict">
          <p className="font-semibold">{t.conflictTitle}</p>
          <p className="mt-1">{format(t.conflictBody, { yours: conflict.yours, current: conflict.current.version })}</p>
          <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
            {(Object.keys(conflict.tried) as Array<keyof Changes>).map((field) => (
              <div key={field} className="contents">
                <dt className="font-medium">{fieldLabel(field, t)}</dt>
                <dd>
                  {t.conflictNow}: {valueText(field, conflict.current[field], lang, names, t)} · {t.conflictYours}: {valueText(field, conflict.tried[field], lang, names, t)}
                </dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" disabled={busy} onClick={() => save(diff(conflict.current, conflict.tried), conflict.current.version, 'case-assign-save')} className={`${BUTTON} bg-blue-700 text-white hover:bg-blue-800`}>
              {t.reapply}
            </button>
            <button type="button" disabled={busy} onClick={() => setConflict(null)} className={`${BUTTON} border border-slate-500 hover:bg-white dark:hover:bg-slate-800`}>
              {t.discard}
            </button>
          </div>
        </div>
      ) : null}
      <form key={`assign-${record.version}`} onSubmit={submitAssignment} aria-label={t.changeTitle} className="mt-3 grid gap-3">
        <div>
          <label htmlFor="case-status-select" className="block font-medium">
            {t.status}
          </label>
          <select id="case-status-select" name="status" defaultValue={record.status} className={SELECT}>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status, lang)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="case-assignee-select" className="block font-medium">
            {t.assignee}
          </label>
          <select id="case-assignee-select" name="assignee" defaultValue={record.assignee ?? ''} className={SELECT}>
            <option value="">{t.nobody}</option>
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button id="case-assign-save" type="submit" disabled={busy} className={`${BUTTON} bg-blue-700 text-white hover:bg-blue-800`}>
            {busy ? t.saving : t.save}
          </button>
        </div>
      </form>
      <details className="mt-4">
        <summary className="cursor-pointer text-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">{t.editDetails}</summary>
        <form key={`details-${record.version}`} onSubmit={submitDetails} aria-label={t.editDetails} className="mt-2 grid gap-3">
          <LabelledInput id="edit-title" name="title" label={t.caseTitle} defaultValue={record.title} required maxLength={200} />
          <LabelledInput id="edit-ticket-ref" name="ticketRef" label={t.ticketRef} defaultValue={record.ticketRef ?? ''} maxLength={100} />
          <LabelledInput id="edit-ticket-url" name="ticketUrl" type="url" label={t.ticketUrl} defaultValue={record.ticketUrl ?? ''} />
          <LabelledInput id="edit-customer" name="customerName" label={t.customerName} defaultValue={record.customerName ?? ''} maxLength={200} />
          <div>
            <label htmlFor="edit-lang" className="block font-medium">
              {t.language}
            </label>
            <select id="edit-lang" name="lang" defaultValue={record.lang} className={SELECT}>
              <option value="zh">{t.langZh}</option>
              <option value="en">{t.langEn}</option>
            </select>
          </div>
          <div>
            <button id="case-details-save" type="submit" disabled={busy} className={`${BUTTON} bg-blue-700 text-white hover:bg-blue-800`}>
              {busy ? t.saving : t.save}
            </button>
          </div>
        </form>
      </details>
      <p role="status" className="mt-3 text-sm empty:hidden">
        {message}
      </p>
      <p role="alert" className="mt-3 text-sm text-red-800 empty:hidden dark:text-red-300">
        {problem}
      </p>
    </section>
  );
}
