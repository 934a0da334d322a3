'use client';

import type { Handover } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowId } from '@/machines';

/** What the flow that handed over to this one passed on: the server, the carried values and its evidence. */
export function HandoverNotice({ handover, lang, flowTitles, onCase }: { handover: Handover; lang: Locale; flowTitles: Record<FlowId, string>; onCase: boolean }) {
  const t = flowMessages[lang];
  const flow = flowTitles[handover.from];
  const { host, port, url } = handover.target;
  const server = [host ? `${host}${port ? `:${port}` : ''}` : '', url ?? ''].filter(Boolean).join(' · ');
  return (
    <section aria-labelledby="handover-heading" data-handover={handover.from} className="mt-4 rounded border border-slate-300 bg-slate-50 p-3 text-sm dark:border-slate-600 dark:bg-slate-900">
      <h2 id="handover-heading" className="font-semibold">{format(t.carriedTitle, { flow })}</h2>
      <p>{t.carriedIntro}</p>
      {server ? (
        <p className="mt-1 [overflow-wrap:anywhere]">
          {t.carriedServer}: <span className="font-mono">{server}</span>
        </p>
      ) : null}
      {handover.evidence.length > 0 ? (
        <>
          <h3 className="mt-2 font-medium">{t.carriedEvidence}</h3>
          <ul className="list-disc pl-5">
            {handover.evidence.map((entry, index) => (
              <li key={index} data-carried-evidence={entry.code} className="[overflow-wrap:anywhere]">
                <span className="font-mono">{entry.type.toUpperCase()} {entry.target}</span>: <code>{entry.code}</code> {entry.summary}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onCase && handover.fromRun ? <p className="mt-1">{format(t.carriedLinked, { flow })}</p> : null}
    </section>
  );
}
