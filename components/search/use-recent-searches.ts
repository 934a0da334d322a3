'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { parseRecentSearches, RECENT_SEARCHES_KEY, rememberSearch } from '@/lib/search';

/** Fired on this page when the list changes here; other tabs get the browser's `storage` event. */
const CHANGE_EVENT = 'fixpath:recent-searches';
const NONE: string[] = [];

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

let cached: { stored: string | null; list: string[] } = { stored: null, list: NONE };

/** The stored list, the same array while the stored text is the same (as useSyncExternalStore needs). */
function read(): string[] {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(RECENT_SEARCHES_KEY);
  } catch {
    // Storage that is unavailable is simply not used.
  }
  if (stored !== cached.stored) cached = { stored, list: parseRecentSearches(stored) };
  return cached.list;
}

function write(next: string[]): void {
  try {
    if (next.length > 0) window.localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify(next));
    else window.localStorage.removeItem(RECENT_SEARCHES_KEY);
  } catch {
    // Private browsing or a full quota: recent searches just are not kept.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Recent searches kept in this browser (localStorage); storage that is unavailable is simply not used. */
export function useRecentSearches(): { recent: string[]; remember: (query: string) => void; clear: () => void } {
  const recent = useSyncExternalStore(subscribe, read, () => NONE);
  const remember = useCallback((query: string) => write(rememberSearch(read(), query)), []);
  const clear = useCallback(() => write([]), []);
  return { recent, remember, clear };
}
