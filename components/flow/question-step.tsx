'use client';

import { useEffect } from 'react';
import type { Locale } from '@/lib/i18n';
import { flowText } from '@/lib/flows';
import type { FlowContext, QuestionMeta } from '@/machines';
import { CommandList } from './command-list';
import { StatusUpdateView } from './status-update-view';

/** True when a key press belongs to a text field rather than to the page. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A question: its text, commands to read out, and one button per option (also keys 1–9). */
export function QuestionStep({ meta, context, lang, onAnswer }: { meta: QuestionMeta; context: FlowContext; lang: Locale; onAnswer: (option: string) => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      const option = meta.options[Number(event.key) - 1];
      if (/^[1-9]$/.test(event.key) && option) onAnswer(option.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [meta, onAnswer]);
  return (
    <div>
      {meta.commands ? <CommandList commands={meta.commands} values={context.values} lang={lang} /> : null}
      {meta.template === 'incident-status' ? <StatusUpdateView context={context} lang={lang} /> : null}
      <div className="mt-4 flex flex-col gap-2 sm:items-start" role="group" aria-label={flowText(meta.title, lang, context.values)}>
        {meta.options.map((option, index) => (
          <button
            key={option.id}
            type="button"
            data-option={option.id}
            aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
            onClick={() => onAnswer(option.id)}
            className="rounded border border-blue-700 px-3 py-2 text-left text-blue-900 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-blue-400 dark:text-blue-100 dark:hover:bg-blue-950"
          >
            {index < 9 ? <span aria-hidden="true" className="mr-2 font-mono text-xs text-slate-600 dark:text-slate-400">{index + 1}</span> : null}
            {flowText(option.label, lang, context.values)}
          </button>
        ))}
      </div>
    </div>
  );
}
