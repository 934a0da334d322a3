'use client';

import type { SearchMessages } from '@/lib/i18n';
import { openSearch } from './open-search';

/** The home page's large search box: it opens the palette, which does the searching. */
export function SearchLauncher({ messages }: { messages: SearchMessages }) {
  return (
    <button
      type="button"
      onClick={openSearch}
      aria-haspopup="dialog"
      aria-keyshortcuts="Control+K Meta+K /"
      className="mt-3 flex w-full max-w-2xl items-center gap-3 rounded-lg border border-slate-300 px-4 py-3 text-left text-slate-600 hover:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-300"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-current">
        <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
      </svg>
      <span className="flex-1">{messages.placeholder}</span>
      <kbd aria-hidden="true" className="rounded border border-slate-300 px-1.5 font-sans text-xs dark:border-slate-600">
        /
      </kbd>
    </button>
  );
}
