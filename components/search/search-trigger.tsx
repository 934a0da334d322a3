'use client';

import { useSyncExternalStore } from 'react';
import type { SearchMessages } from '@/lib/i18n';

const never = () => () => {};

/** The shortcut as this platform writes it; the server, which cannot know, renders `Ctrl K`. */
function useShortcutLabel(): string {
  return useSyncExternalStore(
    never,
    () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K'),
    () => 'Ctrl K',
  );
}

/** The header's search button, showing the keyboard shortcut for this platform. */
export function SearchTrigger({ messages, onOpen }: { messages: SearchMessages; onOpen: () => void }) {
  const shortcut = useShortcutLabel();
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-haspopup="dialog"
      aria-keyshortcuts="Control+K Meta+K /"
      aria-label={messages.openLabel}
      className="flex items-center gap-2 rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
        <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
      </svg>
      <span>{messages.open}</span>
      <kbd aria-hidden="true" className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 sm:inline dark:border-slate-600 dark:text-slate-300">
        {shortcut}
      </kbd>
    </button>
  );
}
