'use client';

import { buildStatusUpdate } from '@/lib/flows';
import { format, LOCALES, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowContext } from '@/machines';
import { CopyButton } from '../copy-button';

/** The incident's customer status update, in both languages, each ready to copy. */
export function StatusUpdateView({ context, lang }: { context: FlowContext; lang: Locale }) {
  const t = flowMessages[lang];
  const names = { zh: t.langZh, en: t.langEn };
  return (
    <section aria-labelledby="status-update-heading" className="mt-4">
      <h3 id="status-update-heading" className="font-semibold">{t.statusUpdate}</h3>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {LOCALES.map((updateLang) => {
          const text = buildStatusUpdate(context, updateLang);
          return (
            <figure key={updateLang} lang={updateLang === 'zh' ? 'zh-CN' : 'en'} className="rounded border border-slate-200 p-3 dark:border-slate-700">
              <figcaption className="mb-1 flex items-center justify-between text-sm font-medium">
                {format(t.statusUpdateLang, { lang: names[updateLang] })}
                <CopyButton text={text} label={format(t.copyStatus, { lang: names[updateLang] })} copiedLabel={t.copied} failedLabel={t.copyFailed} />
              </figcaption>
              <pre className="font-sans text-sm whitespace-pre-wrap" data-status-update={updateLang}>{text}</pre>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
