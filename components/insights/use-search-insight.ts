'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import { MAX_QUERY, MAX_SHOWN, recordInsight } from '@/lib/insights';
import type { Locale } from '@/lib/i18n';

/**
 * Records what the search palette was asked and what came of it: one `search` event when a
 * result is chosen (its rank) or when the palette closes on a query (no click). Only the
 * query showing at that moment counts, not every keystroke on the way. `urls` are the results
 * as shown, in order.
 */
export function useSearchInsight(lang: Locale, query: string, urls: readonly string[] | null) {
  const latest = useRef({ query, urls });
  useEffect(() => {
    latest.current = { query, urls };
  });
  const done = useRef(false);

  const record = useCallback(
    (clickedRank: number | null) => {
      const { query: typed, urls: shown } = latest.current;
      const text = typed.trim().slice(0, MAX_QUERY);
      if (done.current || !text || !shown) return;
      done.current = true;
      recordInsight({ type: 'search', at: new Date().toISOString(), lang, query: text, shown: shown.slice(0, MAX_SHOWN), resultCount: shown.length, clickedRank });
    },
    [lang],
  );

  return useMemo(
    () => ({
      /** A result was chosen: `url` is where it leads. */
      chosen: (url: string) => record((latest.current.urls?.indexOf(url) ?? -1) + 1 || null),
      /** The palette closed; a query that got no choice counts as a search without a click. */
      closed: () => {
        record(null);
        done.current = false;
      },
    }),
    [record],
  );
}
