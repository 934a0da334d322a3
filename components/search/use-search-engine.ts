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
  const [status, setStatus] = useState<EngineStatus>('idle');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!wanted || engine) return;
    let current = true;
    setStatus('loading');
    loadEngine().then(
      (loaded) => {
        if (!current) return;
        setEngine(loaded);
        setStatus('ready');
      },
      () => current && setStatus('error'),
    );
    return () => {
      current = false;
    };
  }, [wanted, engine, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { engine, status, retry };
}
