'use client';

import { useId, useState } from 'react';
import { buildStatusUpdate, foreignWords, statusPhaseOf, statusPhases, type StatusPhase } from '@/lib/flows';
import { format, LOCALES, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowContext } from '@/machines';
import { CopyButton } from '../copy-button';

const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/**
 * The incident's customer status update, in both languages: the phase the answers point to
 * (which staff can override), each text editable before it is copied, and words typed in the
 * other language shown marked so they get translated.
 */
export function StatusUpdateView({ context, lang }: { context: FlowContext; lang: Locale }) {
  const t = flowMessages[lang];
  const id = useId();
  const names = { zh: t.langZh, en: t.langEn };
  const derived = statusPhaseOf(context);
  const [phase, setPhase] = useState<StatusPhase>(derived);
  // Edits per language; a new phase writes the texts afresh.
  const [edited, setEdited] = useState<Partial<Record<Locale, string>>>({});
  return (
    <section aria-labelledby="status-update-heading" className="mt-4">
      <h3 id="status-update-heading" className="font-semibold">{t.statusUpdate}</h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.statusEditHint}</p>
      <p className="mt-2">
        <label htmlFor={`${id}-phase`} className="mr-2 text-sm font-medium">{t.statusPhase}</label>
        <select
          id={`${id}-phase`}
          data-status-phase
          value={phase}
          onChange={(event) => {
            setPhase(event.target.value as StatusPhase);
            setEdited({});
          }}
          className="rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:bg-slate-900"
        >
          {statusPhases(lang).map((option) => (
            <option key={option.id} value={option.id}>{option.id === derived ? format(t.statusPhaseAuto, { phase: option.label }) : option.label}</option>
          ))}
        </select>
      </p>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {LOCALES.map((updateLang) => {
          const text = edited[updateLang] ?? buildStatusUpdate(context, updateLang, phase);
          const foreign = foreignWords(context, updateLang);
          return (
            <figure key={updateLang} className="min-w-0 rounded border border-slate-200 p-3 dark:border-slate-700">
              <figcaption className="mb-1 flex items-center justify-between gap-2 text-sm font-medium">
                <label htmlFor={`${id}-${updateLang}`}>{format(t.statusEditLabel, { lang: names[updateLang] })}</label>
                <CopyButton text={() => edited[updateLang] ?? text} label={format(t.copyStatus, { lang: names[updateLang] })} copiedLabel={t.copied} failedLabel={t.copyFailed} />
              </figcaption>
              <textarea
                id={`${id}-${updateLang}`}
                lang={HTML_LANG[updateLang]}
                data-status-update={updateLang}
                value={text}
                rows={6}
                onChange={(event) => setEdited((known) => ({ ...known, [updateLang]: event.target.value }))}
                className="w-full rounded border border-slate-300 bg-white p-2 font-sans text-sm dark:border-slate-600 dark:bg-slate-900"
              />
              {foreign.length > 0 ? (
                <p data-foreign-words={updateLang} className="mt-1 text-sm text-amber-900 dark:text-amber-200">
                  {format(t.statusForeign, { lang: names[foreign[0].lang] })}{' '}
                  {foreign.map((word, index) => (
                    <span key={index}>
                      {index > 0 ? ', ' : ''}
                      <q lang={HTML_LANG[word.lang]}>{word.text}</q>
                    </span>
                  ))}
                </p>
              ) : null}
            </figure>
          );
        })}
      </div>
    </section>
  );
}
