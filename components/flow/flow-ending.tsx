'use client';

import Link from 'next/link';
import type { FlowContext, FlowId, StepMeta } from '@/machines';
import { articleFixHref, buildHandover, customerFixHref, encodeHandover, fixName, flowHref, isCustomerFix, targetOf, type FixInfoMap } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import { CopyButton } from '../copy-button';
import { FiveWhysReportView } from './five-whys-report-view';

/** The run on a case a flow is recorded as, when it is. */
type CaseLink = { caseId: string; runId: string | null };

/**
 * Where a flow ends: the fix with its article link and the customer link, a hand-off (its link
 * carries the target, notes and evidence, and on a case the case and this run), or the 5 Whys report.
 */
export function FlowEnding({ flowId, meta, context, lang, fixes, flowTitles, flowUrl, caseLink }: { flowId: FlowId; meta: StepMeta; context: FlowContext; lang: Locale; fixes: FixInfoMap; flowTitles: Record<FlowId, string>; flowUrl: string; caseLink?: CaseLink }) {
  const t = flowMessages[lang];
  if (meta.kind === 'fix') {
    const target = targetOf(context.values);
    const customerLink = () => `${window.location.origin}${customerFixHref(lang, meta.fix, target)}`;
    return (
      <div className="mt-3 space-y-3" data-fix-ending={`${meta.fix.slug}#${meta.fix.fixId}`}>
        <p>
          <Link href={articleFixHref(lang, meta.fix)} className="font-medium text-blue-800 underline dark:text-blue-300">
            {format(t.openFix, { title: fixName(meta.fix, fixes) })}
          </Link>
        </p>
        {isCustomerFix(meta.fix, fixes) ? (
          <div className="flex flex-wrap items-center gap-2">
            <CopyButton text={customerLink} label={t.shareWithCustomer} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1 text-sm" />
            {target.host ? <span className="text-sm text-slate-600 dark:text-slate-400">{format(t.shareHint, { target: `${target.host}${target.port ? `:${target.port}` : ''}` })}</span> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t.staffFix}</p>
        )}
      </div>
    );
  }
  if (meta.kind === 'handoff') {
    const handover = encodeHandover(buildHandover(flowId, meta, context, lang, caseLink?.runId));
    const query = new URLSearchParams({ ...(caseLink ? { case: caseLink.caseId } : {}), h: handover }).toString();
    return (
      <p className="mt-3">
        <Link href={flowHref(lang, meta.flow, query)} data-handoff={meta.flow} className="font-medium text-blue-800 underline dark:text-blue-300">
          {format(t.nextFlow, { title: flowTitles[meta.flow] })}
        </Link>{' '}
        <span className="text-sm text-slate-600 dark:text-slate-400">{t.handoffCarries}</span>
      </p>
    );
  }
  if (meta.kind === 'report') return <FiveWhysReportView meta={meta} context={context} lang={lang} flowUrl={flowUrl} />;
  return null;
}
