'use client';

import { evidenceFacts, FACT_LABELS, failureText, type StoredEvidence } from '@/lib/flows';
import { flowMessages, type Locale } from '@/lib/i18n';
import { probeCodeMessages } from '@/lib/probes';
import type { Evidence } from '@/machines';
import { CheckedBy } from './checked-by';

const SEVERITY_CLASSES: Record<string, string> = {
  ok: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100',
  info: 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
  warn: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  fail: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
};

/**
 * One probe's evidence in plain words: code, summary, key facts, and the raw JSON one click away;
 * when the server stored it on a case, when and by whom it was checked.
 */
export function EvidenceCard({ evidence, lang, stored }: { evidence: Evidence; lang: Locale; stored?: { evidence: StoredEvidence; names: Record<string, string> } }) {
  const t = flowMessages[lang];
  const { result, failure } = evidence;
  return (
    <div className="mt-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-700" data-evidence={result?.code ?? failure?.kind}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{t.evidence}</span>
        <span className="rounded bg-slate-100 px-1.5 font-mono text-xs dark:bg-slate-800">{evidence.request.type.toUpperCase()}</span>
        {result ? (
          <code className={`rounded px-1.5 text-xs ${SEVERITY_CLASSES[result.severity] ?? SEVERITY_CLASSES.info}`}>{result.code}</code>
        ) : (
          <span className={`rounded px-1.5 text-xs ${SEVERITY_CLASSES.warn}`}>{t.probeFailed}</span>
        )}
      </p>
      {stored ? (
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          <CheckedBy evidence={stored.evidence} names={stored.names} lang={lang} />
        </p>
      ) : null}
      {result ? (
        <>
          <p className="mt-1 font-medium">{probeCodeMessages[lang][result.code]}</p>
          {/* The API writes its specifics in English. */}
          <p lang="en" className="mt-0.5 text-slate-700 dark:text-slate-300">{result.summary}</p>
        </>
      ) : (
        <p className="mt-1">{failure ? failureText(failure, lang) : ''}</p>
      )}
      {result ? (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
          {evidenceFacts(evidence, lang).map((fact) => (
            <div key={fact.key} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{FACT_LABELS[fact.key][lang]}</dt>
              <dd className="break-all">{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer text-blue-800 dark:text-blue-300">{t.rawJson}</summary>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls, so keyboard users must be able to focus it (axe: scrollable-region-focusable) */}
        <pre tabIndex={0} aria-label={t.rawJson} className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">{JSON.stringify(result ?? { request: evidence.request, failure }, null, 2)}</pre>
      </details>
    </div>
  );
}
