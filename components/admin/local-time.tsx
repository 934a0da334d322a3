'use client';

import { useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n';

const subscribe = () => () => {};

/**
 * A moment in the viewer's own time zone. The server does not know it, so the server's HTML
 * (and a browser without JavaScript) shows UTC; once hydrated, the browser's local time. The
 * UTC time stays in `dateTime` and the tooltip.
 */
export function LocalTime({ iso, lang }: { iso: string; lang: Locale }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const utc = `${iso.slice(0, 19).replace('T', ' ')} UTC`;
  const text = inBrowser
    ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : utc;
  return (
    <time dateTime={iso} title={utc} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
