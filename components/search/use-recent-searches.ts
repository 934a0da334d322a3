'use client';

import { useCallback, useEffect, useState } from 'react';
import { parseRecentSearches, RECENT_SEARCHES_KEY, rememberSearch } from '@/lib/search';

/** Recent searches kept in this browser (localStorage); storage that is unavailable is simply not used. */
export function useRecentSearches(): { recent: string[]; remember: (query: string) => void; clear: () => void } {
  const [recent, setRecent] = useState<string[]>([]);

  useEffect(() => {
    try {
      setRecent(parseRecentSearches(window.localStorage.getItem(RECENT_SEARCHES_KEY)));
    } catch {
      setRecent([]);
    }
  }, []);

  const store = useCallback((next: string[]) => {
    setRecent(next);
    try {
      if (next.length > 0) window.localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify(next));
      else window.localStorage.removeItem(RECENT_SEARCHES_KEY);
    } catch {
      // Private browsing or a full quota: recent searches just are not kept.
    }
  }, []);

  const remember = useCallback((query: string) => store(rememberSearch(recent, query)), [recent, store]);
  const clear = useCallback(() => store([]), [store]);
  return { recent, remember, clear };
}
