'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CopyIcon } from '@/components/copy-button';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import type { Names } from './names';
import { VerifyResults, type VerifyOutcome } from './verify-results';
import { VerifySchedule, type Pending } from './verify-schedule';

const LINK = 'text-blue-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300';
const BUTTON = 'rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800';

/**
 * What staff do with a case besides editing it: start a flow recorded on it, verify the fix
 * (`POST /api/cases/:id/verify` re-runs the probes that failed) now or in N minutes, and export
 * it for the ticket (Markdown or JSON downloads, or Markdown on the clipboard).
 */
export function CaseActions({ lang, caseId, flows, pending, names, now }: { lang: Locale; caseId: string; flows: Array<{ id: string; title: string }>; pending: Pending[]; names: Names; now: number }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [verifying, setVerifying] = useState(false);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [problem, setProblem] = useState('');
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function verify() {
    setVerifying(true);
    setProblem('');
    setOutcome(null);
    try {
      const response = await fetch(`/api/cases/${caseId}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (response.ok) {
        setOutcome((await response.json()) as VerifyOutcome);
        router.refresh();
      } else {
        const code = ((await response.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
        // 409 NOTHING_TO_VERIFY is a state of the case (no failed probe to re-run), not a failure.
        setProblem(code === 'NOTHING_TO_VERIFY' ? t.nothingToVerify : response.status === 404 || response.status === 405 ? t.verifyUnavailable : response.status === 503 ? t.unavailable : format(t.failed, { status: response.status }));
      }
    } catch {
      setProblem(t.unavailable);
    }
    setVerifying(false);
  }

  async function fetchMarkdown(): Promise<string> {
    const response = await fetch(`/api/cases/${caseId}/export?format=md`, { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const text = await response.text();
    setMarkdown(text);
    return text;
  }

  // Some browsers let the clipboard take text only while the click still counts as the
  // person's, so the Markdown is fetched ahead, when the pointer or focus reaches the export.
  function preload() {
    if (markdown === null) fetchMarkdown().catch(() => undefined);
  }

  async function copyMarkdown() {
    try {
      await navigator.clipboard.writeText(markdown ?? (await fetchMarkdown()));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    setTimeout(() => setCopyState('idle'), 2000);
  }

  const exportHref = (kind: 'md' | 'json') => `/api/cases/${caseId}/export?format=${kind}`;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <section aria-labelledby="start-flow" className="rounded border border-slate-200 p-3 dark:border-slate-700">
        <h2 id="start-flow" className="text-lg font-semibold">
          {t.startFlow}
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t.startFlowIntro}</p>
        <ul className="mt-2 grid gap-1">
          {flows.map((flow) => (
            <li key={flow.id}>
              <a href={`/${lang}/flows/${flow.id}?case=${caseId}`} className={LINK}>
                {flow.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="verify-heading" className="rounded border border-slate-200 p-3 dark:border-slate-700">
        <h2 id="verify-heading" className="sr-only">
          {t.verify}
        </h2>
        <button type="button" onClick={verify} disabled={verifying} className={BUTTON}>
          {verifying ? t.verifying : t.verify}
        </button>
        <div role="status" className="mt-2 text-sm empty:hidden">
          {outcome ? <VerifyResults lang={lang} outcome={outcome} now={now} /> : null}
        </div>
        <p role="alert" className="mt-2 text-sm text-red-800 empty:hidden dark:text-red-300">
          {problem}
        </p>
        <VerifySchedule lang={lang} caseId={caseId} pending={pending} names={names} now={now} />
      </section>
      <section aria-labelledby="export-heading" className="rounded border border-slate-200 p-3 dark:border-slate-700">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t.exportTitle}
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm" onFocus={preload} onMouseEnter={preload}>
          <a href={exportHref('md')} download className={LINK}>
            {t.exportMarkdown}
          </a>
          <a href={exportHref('json')} download className={LINK}>
            {t.exportJson}
          </a>
          <button type="button" onClick={copyMarkdown} className={BUTTON}>
            <CopyIcon /> {t.copyMarkdown}
            <span role="status" className="ml-1 font-normal">
              {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
            </span>
          </button>
        </div>
      </section>
    </div>
  );
}
