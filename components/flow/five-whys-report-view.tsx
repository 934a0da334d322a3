'use client';

import { buildFiveWhysReport } from '@/lib/flows';
import { flowMessages, type Locale } from '@/lib/i18n';
import type { FlowContext, ReportMeta } from '@/machines';
import { CopyButton } from '../copy-button';
import { PrintButton } from '../print-button';

/** The 5 Whys report as Markdown, to copy into a ticket or print. */
export function FiveWhysReportView({ meta, context, lang, flowUrl }: { meta: ReportMeta; context: FlowContext; lang: Locale; flowUrl: string }) {
  const t = flowMessages[lang];
  const report = buildFiveWhysReport(meta, context, lang, flowUrl || undefined);
  return (
    <section aria-labelledby="report-heading" className="mt-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <h3 id="report-heading" className="font-semibold">{t.report}</h3>
        <CopyButton text={report} label={t.copyReport} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1 text-sm" />
        <PrintButton label={t.print} />
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls, so keyboard users must be able to focus it (axe: scrollable-region-focusable) */}
      <pre data-report tabIndex={0} aria-label={t.report} className="mt-2 overflow-x-auto rounded border border-slate-200 p-3 text-sm whitespace-pre-wrap dark:border-slate-700">{report}</pre>
    </section>
  );
}
