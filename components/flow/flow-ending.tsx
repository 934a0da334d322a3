'use client';

import Link from 'next/link';
import type { FlowContext, FlowId, StepMeta } from '@/machines';
import { articleFixHref, customerFixHref, fixName, flowHref, isCustomerFix, targetOf, type FixInfoMap } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import { CopyButton } from '../copy-button';
import { FiveWhysReportView } from './five-whys-report-view';

/** Where a flow ends: the fix with its article link and the customer link, a hand-off, or the 5 Whys report. */
export function FlowEnding({ meta, context, lang, fixes, flowTitles, flowUrl }: { meta: StepMeta; context: FlowContext; lang: Locale; fixes: FixInfoMap; flowTitles: Record<FlowId, string>; flowUrl: string }) {
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
    return (
      <p className="mt-3">
        <Link href={flowHref(lang, meta.flow)} className="font-medium text-blue-800 underline dark:text-blue-300">
          {format(t.nextFlow, { title: flowTitles[meta.flow] })}
        </Link>
      </p>
    );
  }
  if (meta.kind === 'report') return <FiveWhysReportView meta={meta} context={context} lang={lang} flowUrl={flowUrl} />;
  return null;
}
