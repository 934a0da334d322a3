'use client';

import { buildFiveWhysReport, fiveWhysReportOf } from '@/lib/flows';
import { flowMessages, type Locale } from '@/lib/i18n';
import type { FlowContext, ReportMeta } from '@/machines';
import { CopyButton } from '../copy-button';
import { PrintButton } from '../print-button';

/**
 * The 5 Whys report: formatted on screen and in print (headings, the why chain as a numbered
 * list, countermeasures as a table, long links wrapped), and as Markdown to copy into a ticket.
 */
export function FiveWhysReportView({ meta, context, lang, flowUrl }: { meta: ReportMeta; context: FlowContext; lang: Locale; flowUrl: string }) {
  const t = flowMessages[lang];
  const markdown = buildFiveWhysReport(meta, context, lang, flowUrl || undefined);
  const report = fiveWhysReportOf(meta, context, lang);
  const { labels } = report;
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <section aria-labelledby="report-heading" className="mt-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <CopyButton text={markdown} label={t.copyReport} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1 text-sm" />
        <PrintButton label={t.print} />
      </div>
      <article data-report-formatted className="mt-3 rounded border border-slate-200 p-4 [overflow-wrap:anywhere] dark:border-slate-700 print:border-0 print:p-0">
        <h3 id="report-heading" className="text-xl font-bold">{labels.title}</h3>
        <p className="mt-2"><strong>{labels.problem}{colon}</strong>{report.problem}</p>
        {report.server ? <p><strong>{labels.server}{colon}</strong><span className="font-mono">{report.server}</span></p> : null}
        <h4 className="mt-4 text-lg font-semibold">{labels.chain}</h4>
        <ol className="mt-1 list-decimal space-y-2 pl-6">
          {report.whys.map((why) => (
            <li key={why.n} data-why={why.n}>
              <strong>{labels.why} {why.n}{colon}</strong>{why.cause} <em>({why.status})</em>
              {why.evidence.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {why.evidence.map((entry, index) => (
                    <li key={index}>
                      {labels.evidence} ({entry.type}){colon}{entry.code ? <code className="mr-1">{entry.code}</code> : null}{entry.text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        <h4 className="mt-4 text-lg font-semibold">{labels.root}</h4>
        <p className="mt-1">{report.root ? <>{report.root} <em>({report.rootStatus})</em></> : labels.none}</p>
        <h4 className="mt-4 text-lg font-semibold">{labels.countermeasures}</h4>
        {report.countermeasures.length > 0 ? (
          <table className="mt-1 w-full table-fixed border-collapse text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="w-1/2 border border-slate-300 p-1.5">{labels.action}</th>
                <th scope="col" className="border border-slate-300 p-1.5">{labels.owner}</th>
                <th scope="col" className="border border-slate-300 p-1.5">{labels.due}</th>
              </tr>
            </thead>
            <tbody>
              {report.countermeasures.map((row, index) => (
                <tr key={index}>
                  <td className="border border-slate-300 p-1.5">{row.action}</td>
                  <td className="border border-slate-300 p-1.5">{row.owner}</td>
                  <td className="border border-slate-300 p-1.5 whitespace-nowrap">{row.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-1">{labels.none}</p>
        )}
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400 print:text-black">
          {labels.source}
          {flowUrl ? <>{colon}<a href={flowUrl} data-shows-href className="underline">{flowUrl}</a></> : null}
        </p>
      </article>
      <details className="mt-3 print:hidden">
        <summary className="cursor-pointer text-sm font-medium">{t.report}</summary>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls, so keyboard users must be able to focus it (axe: scrollable-region-focusable) */}
        <pre data-report tabIndex={0} aria-label={t.report} className="mt-2 overflow-x-auto rounded border border-slate-200 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere] dark:border-slate-700">{markdown}</pre>
      </details>
    </section>
  );
}
