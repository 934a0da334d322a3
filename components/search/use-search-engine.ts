'use client';

import { useCallback, useEffect, useState } from 'react';
import { loadSearchEngine, type SearchEngine } from '@/lib/search';

/** Where loading the index stands. */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

let loading: Promise<SearchEngine> | null = null;

/** The engine, loaded once per page load on first use: nothing of search ships with the page itself. */
function loadEngine(): Promise<SearchEngine> {
  loading ??= loadSearchEngine();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The search engine once `wanted` has been true; `retry` tries again after a failed load. */
export function useSearchEngine(wanted: boolean): { engine: SearchEngine | null; status: EngineStatus; retry: () => void } {
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failedAttempt, setFailedAttempt] = useState<number | null>(null);

  useEffect(() => {
    if (!wanted || engine) return;
    let current = true;
    loadEngine().then(
      (loaded) => current && setEngine(loaded),
      () => current && setFailedAttempt(attempt),
    );
    return () => {
      current = false;
    };
  }, [wanted, engine, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const status: EngineStatus = engine ? 'ready' : failedAttempt === attempt ? 'error' : wanted ? 'loading' : 'idle';
  return { engine, status, retry };
}
