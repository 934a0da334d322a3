'use client';

import { buildCaseNotes, flowHref, type FixInfoMap, type Replay } from '@/lib/flows';
import { flowMessages, type Locale } from '@/lib/i18n';
import type { FlowDefinition } from '@/machines';
import { CopyButton } from '../copy-button';

/** Restart, copy the case notes, copy the flow link. */
export function FlowToolbar({ flow, replay, lang, query, fixes, onRestart }: { flow: FlowDefinition; replay: Replay; lang: Locale; query: string; fixes: FixInfoMap; onRestart: () => void }) {
  const t = flowMessages[lang];
  const notes = () => buildCaseNotes({ flow, replay, lang, origin: window.location.origin, flowQuery: query, fixes });
  const link = () => `${window.location.origin}${flowHref(lang, flow.info.id, query)}`;
  return (
    <div className="mt-6 flex flex-wrap gap-2 print:hidden">
      <CopyButton text={notes} label={t.copyNotes} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1 text-sm" />
      <CopyButton text={link} label={t.copyFlowLink} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1 text-sm" />
      <button type="button" onClick={onRestart} className="rounded border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800">
        {t.restart}
      </button>
    </div>
  );
}
