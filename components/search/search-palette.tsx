'use client';

import { useRouter } from 'next/navigation';
import { useSearchInsight } from '@/components/insights/use-search-insight';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { format, type Locale, type SearchMessages } from '@/lib/i18n';
import { groupHits } from '@/lib/search';
import { openSearch } from './open-search';
import { RecognisedNote } from './recognised-note';
import { optionId, SearchResults, type OptionGroup, type PaletteOption } from './search-results';
import { SearchTrigger } from './search-trigger';
import { useOpenShortcuts } from './use-open-shortcuts';
import { useRecentSearches } from './use-recent-searches';
import { useSearchEngine } from './use-search-engine';

const RESULT_LIMIT = 12;

/** A pasted text on one line, as the input can show it (an input cannot hold line breaks). */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * The query a page was opened with (`?search=`), for the palette to start on; empty on the server.
 * Not `q`: the case list filters by `?q=`, and opening the palette there would cover the page.
 */
function askedQuery(): string {
  return typeof window === 'undefined' ? '' : (new URLSearchParams(window.location.search).get('search') ?? '').slice(0, 500);
}

/**
 * The search palette: a button in the header, Ctrl/Cmd-K or `/` anywhere,
 * a modal dialog with a combobox and grouped results as you type. The index
 * and Fuse.js load on first open.
 */
export function SearchPalette({ lang, messages }: { lang: Locale; messages: SearchMessages }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(askedQuery);
  const [pasted, setPasted] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const listId = useId();
  const statusId = useId();
  const { engine, status, retry } = useSearchEngine(open);
  const { recent, remember, clear } = useRecentSearches();

  const searched = useDeferredValue(pasted ?? query);
  const response = useMemo(() => (engine && searched.trim() ? engine.search(searched, { lang, limit: RESULT_LIMIT }) : null), [engine, searched, lang]);

  const groups: OptionGroup[] = useMemo(() => {
    if (!query.trim()) return recent.length > 0 ? [{ id: 'recent', label: messages.recent, options: recent.map((entry) => ({ type: 'recent', query: entry })) }] : [];
    if (!response) return [];
    const labels = { fixes: messages.groupFixes, articles: messages.groupArticles, flows: messages.groupFlows };
    return groupHits(response.hits).map(({ group, hits }) => ({ id: group, label: labels[group], options: hits.map((hit) => ({ type: 'hit', hit })) }));
  }, [query, recent, response, messages]);
  const options = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  const insight = useSearchInsight(lang, pasted ? oneLine(pasted) : query, response && query.trim() ? options.flatMap((option) => (option.type === 'hit' ? [option.hit.url] : [])) : null);

  // The active option is the first one again whenever the results change.
  const [selection, setSelection] = useState<{ groups: OptionGroup[]; index: number }>({ groups, index: 0 });
  const active = selection.groups === groups ? selection.index : 0;
  const setActive = useCallback((index: number) => setSelection({ groups, index }), [groups]);

  const openPalette = useCallback(() => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);

  const closePalette = useCallback(() => {
    insight.closed();
    setOpen(false);
    dialogRef.current?.close();
    returnFocus.current?.focus();
  }, [insight]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    if (!dialog.open) dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [open]);

  useOpenShortcuts(open, openPalette, closePalette);

  // `?search=` opens the palette on that query (the insights page's "open this search"), through
  // the same event the home page's search box sends, which the shortcuts above listen for.
  useEffect(() => {
    if (askedQuery()) openSearch();
  }, []);

  useEffect(() => {
    document.getElementById(optionId(listId, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  function choose(option: PaletteOption) {
    if (option.type === 'recent') {
      setQuery(option.query);
      setPasted(null);
      inputRef.current?.focus();
      return;
    }
    remember(pasted ? oneLine(pasted) : query);
    insight.chosen(option.hit.url);
    setQuery('');
    setPasted(null);
    returnFocus.current = null;
    closePalette();
    router.push(option.hit.url);
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    // While a Chinese input method is composing, Enter and the arrows belong to it.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && options[active]) {
      event.preventDefault();
      choose(options[active]);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData('text/plain');
    if (!/\r?\n/.test(text.trim())) return;
    event.preventDefault();
    setPasted(text);
    setQuery(oneLine(text));
  }

  /** Keeps Tab inside the dialog: from the last control back to the first, and the other way. */
  function trapFocus(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('input, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const statusText =
    status === 'loading'
      ? messages.loading
      : status === 'error'
        ? messages.loadFailed
        : response && query.trim()
          ? response.hits.length > 0
            ? format(messages.resultCount, { count: response.hits.length })
            : format(messages.noResults, { query: query.length > 60 ? `${query.slice(0, 60)}…` : query })
          : '';
  const signature = query.trim() ? response?.signature : null;

  return (
    <>
      <SearchTrigger messages={messages} onOpen={openPalette} />
      {open && (
        // A click on the backdrop closes, as Escape does (onCancel); the key handler keeps Tab inside.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <dialog
          ref={dialogRef}
          aria-label={messages.dialogLabel}
          onCancel={(event) => {
            event.preventDefault();
            closePalette();
          }}
          onKeyDown={trapFocus}
          onClick={(event) => event.target === event.currentTarget && closePalette()}
          className="mx-auto mt-[10vh] w-[min(42rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/60 dark:bg-slate-900 dark:text-slate-100"
        >
          <div className="flex items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-700">
            <input
              ref={inputRef}
              type="text"
              role="combobox"
              aria-label={messages.inputLabel}
              aria-expanded={options.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={options.length > 0 ? optionId(listId, active) : undefined}
              aria-describedby={statusId}
              autoComplete="off"
              spellCheck={false}
              placeholder={messages.placeholder}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                if (pasted !== null && event.target.value !== oneLine(pasted)) setPasted(null);
              }}
              onPaste={onPaste}
              onKeyDown={onInputKey}
              className="min-w-0 flex-1 bg-transparent py-3 text-base outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
            />
            <button
              type="button"
              onClick={closePalette}
              className="rounded border border-slate-300 px-1.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Esc<span className="sr-only"> {messages.close}</span>
            </button>
          </div>
          {signature && <RecognisedNote signature={signature} messages={messages} />}
          <p id={statusId} role="status" aria-live="polite" className={statusText ? 'px-4 pt-2 text-sm text-slate-600 dark:text-slate-300' : 'sr-only'}>
            {statusText}
            {status === 'error' && (
              <button type="button" onClick={retry} className="ml-2 underline focus-visible:outline-2 focus-visible:outline-blue-600">
                {messages.retry}
              </button>
            )}
          </p>
          {!query.trim() && recent.length === 0 && status !== 'error' && <p className="px-4 pt-2 text-sm text-slate-600 dark:text-slate-300">{messages.emptyHint}</p>}
          <SearchResults
            id={listId}
            groups={groups}
            active={active}
            terms={response?.highlight ?? []}
            records={engine?.records ?? []}
            messages={messages}
            onActivate={setActive}
            onChoose={choose}
          />
          <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <span aria-hidden="true">{messages.keyHints}</span>
            {!query.trim() && recent.length > 0 && (
              <button type="button" onClick={clear} className="underline focus-visible:outline-2 focus-visible:outline-blue-600">
                {messages.clearRecent}
              </button>
            )}
          </div>
        </dialog>
      )}
    </>
  );
}
