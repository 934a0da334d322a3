'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { CaseRecord } from '@/lib/cases';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { StatusBadge } from './case-status';
import { LocalTime } from './local-time';
import { fillSlots } from './slots';
import { personName, targetText, type Names } from './names';

/** One page of the list as the API returns it. */
export interface CasePage {
  items: CaseRecord[];
  nextCursor: string | null;
}

/**
 * One list of cases (mine, or all matching) with "More": the next page comes from
 * `GET /api/cases?<query>&cursor=` (keyset paging) and is appended; focus moves to the first
 * new case so keyboard users carry on where the list grew.
 */
export function CaseList({ lang, heading, headingId, first, query, names, now }: { lang: Locale; heading: string; headingId: string; first: CasePage; query: string; names: Names; now: number }) {
  const t = casePageMessages[lang];
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const list = useRef<HTMLUListElement>(null);
  // After "More", the first new case takes focus, once it is on the page.
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('a[data-case-link]')[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [items]);

  async function more() {
    if (!cursor) return;
    setBusy(true);
    setProblem('');
    try {
      const response = await fetch(`/api/cases?${query}&cursor=${encodeURIComponent(cursor)}`, { cache: 'no-store' });
      if (!response.ok) {
        setProblem(format(t.loadFailed, { status: response.status }));
        return;
      }
      const page = (await response.json()) as CasePage;
      focusIndex.current = page.items.length > 0 ? items.length : null;
      setItems((old) => [...old, ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      setProblem(format(t.loadFailed, { status: '—' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-xl font-semibold">
        {heading}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">{t.noCases}</p>
      ) : (
        <ul ref={list} className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {items.map((item) => (
            <li key={item.id} className="p-3" data-case-id={item.id}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/${lang}/cases/${item.id}`} data-case-link className="font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
                  {item.title}
                </Link>
                <StatusBadge status={item.status} lang={lang} />
              </div>
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-slate-700 dark:text-slate-300">
                <span>{item.ticketRef ?? t.noTicket}</span>
                <span className="font-mono break-all">{targetText(item.target) ?? t.noTarget}</span>
                <span>{item.assignee ? personName(item.assignee, names, t) : t.unassigned}</span>
                <span>{fillSlots(t.updated, { time: <LocalTime iso={item.updatedAt} lang={lang} variant="relative" now={now} /> })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {cursor ? (
        <button type="button" onClick={more} disabled={busy} className="mt-3 rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800">
          {busy ? t.loading : t.more}
        </button>
      ) : null}
      <p role="status" className="mt-2 text-sm text-red-800 empty:hidden dark:text-red-300">
        {problem}
      </p>
    </section>
  );
}
