'use client';

import Link from 'next/link';
import { articleFixHref, rankSuggestions } from '@/lib/flows';
import { flowMessages, type Locale } from '@/lib/i18n';
import type { CauseSuggestion } from '@/machines';

/** Causes from the knowledge base related to what was written so far; one click fills the field. */
export function CauseSuggestions({ suggestions, context, lang, onUse }: { suggestions: CauseSuggestion[]; context: string; lang: Locale; onUse: (text: string) => void }) {
  const t = flowMessages[lang];
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-800 dark:text-blue-300">{t.suggestions}</summary>
      <ul className="mt-1 space-y-1">
        {rankSuggestions(suggestions, context, lang).map((suggestion) => (
          <li key={suggestion.text.en} className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={() => onUse(suggestion.text[lang])} className="rounded border border-slate-400 px-2 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800">
              {suggestion.text[lang]}
            </button>
            <Link href={articleFixHref(lang, suggestion.fix)} className="text-blue-800 underline dark:text-blue-300" target="_blank" rel="noopener">
              {suggestion.fix.slug}#{suggestion.fix.fixId}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
