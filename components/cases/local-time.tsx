'use client';

import { useSyncExternalStore } from 'react';
import { fullTime, relativeTime, shortTime } from '@/lib/cases';
import type { Locale } from '@/lib/i18n';

// One clock for every time on the page, ticking each 30 s so "5 minutes ago" stays true.
let clock = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    clock = Date.now();
    for (const notify of listeners) notify();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Whether we are past hydration: the server knows neither the viewer's zone nor their clock. */
const onClient = () => true;
const onServer = () => false;
const noop = () => () => {};

/**
 * A time as `<time datetime>`: `short` is "14:03" in the viewer's own time zone (UTC while the
 * server renders it, then the viewer's once hydrated), `relative` is "5 minutes ago" (counted
 * from the server's `now` until hydrated, then from the viewer's clock). The title holds the
 * full date and zone.
 */
export function LocalTime({ iso, lang, variant, now }: { iso: string; lang: Locale; variant: 'short' | 'relative'; now: number }) {
  const hydrated = useSyncExternalStore(noop, onClient, onServer);
  const current = useSyncExternalStore(subscribe, () => clock, () => now);
  const zone = hydrated ? undefined : 'UTC';
  const text = variant === 'relative' ? relativeTime(iso, hydrated ? Math.max(current, now) : now, lang) : shortTime(iso, hydrated ? current : now, lang, zone);
  return (
    <time dateTime={iso} title={fullTime(iso, lang, zone)}>
      {text}
    </time>
  );
}
