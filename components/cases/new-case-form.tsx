'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';
import { LabelledInput } from '../labelled-input';

/** The form's fields, by the API field they fill. */
const FIELD_IDS: Record<string, string> = {
  title: 'new-case-title',
  ticketRef: 'new-case-ticket-ref',
  ticketUrl: 'new-case-ticket-url',
  customerName: 'new-case-customer',
  'target.host': 'new-case-host',
  'target.port': 'new-case-port',
  'target.url': 'new-case-url',
  lang: 'new-case-lang',
};

/** The body of `POST /api/cases` from the form: empty fields are left out; a target only when something of it is given. */
function bodyOf(form: FormData): Record<string, unknown> {
  const value = (name: string) => String(form.get(name) ?? '').trim();
  const body: Record<string, unknown> = { title: value('title'), lang: value('lang') };
  for (const name of ['ticketRef', 'ticketUrl', 'customerName']) if (value(name)) body[name] = value(name);
  const target: Record<string, unknown> = {};
  if (value('host')) target.host = value('host');
  if (value('port')) target.port = Number(value('port'));
  if (value('url')) target.url = value('url');
  // A URL alone still names the server: its host is the target.
  if (!target.host && typeof target.url === 'string') {
    try {
      target.host = new URL(target.url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      target.host = target.url;
    }
  }
  if (Object.keys(target).length > 0) body.target = target;
  return body;
}

/** "New case": posts to `POST /api/cases`, then opens the new case. A wrong field is named, marked and focused. */
export function NewCaseForm({ lang }: { lang: Locale }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; field?: string } | null>(null);
  const labels: Record<string, string> = { title: t.caseTitle, ticketRef: t.ticketRef, ticketUrl: t.ticketUrl, customerName: t.customerName, 'target.host': t.targetHost, 'target.port': t.targetPort, 'target.url': t.targetUrl, lang: t.language };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(new FormData(event.currentTarget))) });
      if (response.ok) {
        const created = (await response.json()) as { id: string };
        router.push(`/${lang}/cases/${created.id}`);
        return;
      }
      const found = await apiProblem(response, t, labels);
      setProblem(found);
      if (found.field && FIELD_IDS[found.field]) document.getElementById(FIELD_IDS[found.field])?.focus();
    } catch {
      setProblem({ text: t.unavailable });
    }
    setBusy(false);
  }

  const invalid = (field: string) => (problem?.field === field ? true : undefined);
  return (
    <details className="mt-6 rounded border border-slate-300 p-3 open:pb-4 dark:border-slate-700">
      <summary className="cursor-pointer font-semibold text-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">{t.newCase}</summary>
      <form onSubmit={submit} aria-label={t.newCase} className="mt-3 grid gap-4 sm:grid-cols-2">
        <LabelledInput id={FIELD_IDS.title} name="title" label={t.caseTitle} hint={t.caseTitleHint} required maxLength={200} aria-invalid={invalid('title')} className="sm:col-span-2" />
        <LabelledInput id={FIELD_IDS.ticketRef} name="ticketRef" label={t.ticketRef} maxLength={100} aria-invalid={invalid('ticketRef')} />
        <LabelledInput id={FIELD_IDS.ticketUrl} name="ticketUrl" type="url" label={t.ticketUrl} placeholder="https://" aria-invalid={invalid('ticketUrl')} />
        <LabelledInput id={FIELD_IDS.customerName} name="customerName" label={t.customerName} maxLength={200} aria-invalid={invalid('customerName')} />
        <div>
          <label htmlFor={FIELD_IDS.lang} className="block font-medium">
            {t.language}
          </label>
          <select id={FIELD_IDS.lang} name="lang" defaultValue={lang} className="mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900">
            <option value="zh">{t.langZh}</option>
            <option value="en">{t.langEn}</option>
          </select>
        </div>
        <LabelledInput id={FIELD_IDS['target.host']} name="host" label={t.targetHost} autoComplete="off" spellCheck={false} aria-invalid={invalid('target.host')} />
        <LabelledInput id={FIELD_IDS['target.port']} name="port" label={t.targetPort} inputMode="numeric" pattern="[0-9]*" aria-invalid={invalid('target.port')} />
        <LabelledInput id={FIELD_IDS['target.url']} name="url" type="url" label={t.targetUrl} placeholder="https://" aria-invalid={invalid('target.url')} className="sm:col-span-2" />
        <p role="alert" className="text-red-800 empty:hidden sm:col-span-2 dark:text-red-300">
          {problem?.text}
        </p>
        <div className="sm:col-span-2">
          <button type="submit" disabled={busy} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
            {busy ? t.creating : t.create}
          </button>
        </div>
      </form>
    </details>
  );
}
