'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Recheck, SaveStatus } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { CaseView } from './case-view';
import { CheckedBy } from './checked-by';

const BUTTON = 'rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800';

const STATUS_KEY = { idle: null, saving: 'caseSaving', saved: 'caseSaved', retrying: 'caseRetrying', failed: 'caseSaveFailed' } as const satisfies Record<SaveStatus, string | null>;

/** One re-checked probe: its step, what was stored before, what the server finds now. */
function RecheckItem({ recheck, names, lang }: { recheck: Recheck; names: Record<string, string>; lang: Locale }) {
  const t = flowMessages[lang];
  const { before, after } = recheck;
  return (
    <li data-recheck={recheck.index} className="rounded border border-slate-200 p-2 dark:border-slate-700">
      <p className="font-medium">{recheck.title}</p>
      <p>
        {t.recheckBefore}: <code data-before>{before.result.code}</code>
        {before.evidence ? <> · <CheckedBy evidence={before.evidence} names={names} lang={lang} /></> : null}
      </p>
      <p>
        {t.recheckAfter}:{' '}
        {'result' in after ? (
          <>
            <code data-after>{after.result.code}</code> · <CheckedBy evidence={after.evidence} names={names} lang={lang} />
          </>
        ) : (
          format(t.recheckFailed, { message: after.failure })
        )}
      </p>
    </li>
  );
}

/**
 * The case a flow run is recorded on: its title and ticket with a link back, a quiet word on
 * saving, and "Re-check all", which re-runs the run's stored probes and shows old against new.
 */
export function CaseBanner({ view, lang, onRecheck }: { view: CaseView; lang: Locale; onRecheck: () => Promise<Recheck[]> }) {
  const t = flowMessages[lang];
  const [rechecks, setRechecks] = useState<Recheck[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { summary, problem, status } = view;
  const statusKey = STATUS_KEY[status];
  const hasEvidence = view.evidence.some(Boolean);

  async function recheck() {
    setBusy(true);
    try {
      setRechecks(await onRecheck());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="case-banner-heading" data-case-banner={view.caseId} className="mt-4 rounded border border-blue-700 bg-blue-50 p-3 text-slate-900 dark:border-blue-400 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="case-banner-heading" className="font-semibold break-words">
        {summary ? format(t.caseBanner, { title: summary.title }) : t.caseLoading}
      </h2>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm">
        {summary?.ticketRef ? <span>{format(t.caseTicket, { ref: summary.ticketRef })}</span> : null}
        <Link href={`/${lang}/cases/${encodeURIComponent(view.caseId)}`} className="text-blue-800 underline dark:text-blue-300">{t.openCase}</Link>
      </p>
      {problem ? (
        <p className="mt-1 text-sm text-red-800 dark:text-red-300">{format(t.caseUnavailable, { reason: problem })}</p>
      ) : (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t.caseRecording}</p>
      )}
      <p role="status" data-save-status={status} className="mt-1 text-sm text-slate-700 dark:text-slate-300">{statusKey ? t[statusKey] : ''}</p>
      <div className="mt-2">
        <button type="button" onClick={recheck} disabled={busy || !hasEvidence} className={BUTTON}>
          {busy ? t.rechecking : t.recheckAll}
        </button>
        {!hasEvidence && !busy ? <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">{t.recheckNone}</span> : null}
      </div>
      <div aria-live="polite">
      {rechecks ? (
        <div className="mt-2">
          <h3 className="text-sm font-semibold">{t.recheckTitle}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {rechecks.map((recheck) => (
              <RecheckItem key={recheck.index} recheck={recheck} names={view.names} lang={lang} />
            ))}
          </ul>
        </div>
      ) : null}
      </div>
    </section>
  );
}
