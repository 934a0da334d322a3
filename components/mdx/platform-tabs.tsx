'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const STORAGE_KEY = 'fixpath.platform';
const CHANGE_EVENT = 'fixpath:platform';

function guessPlatform(): string {
  const agent = navigator.userAgent;
  if (/Windows/i.test(agent)) return 'Windows';
  if (/Mac OS X|Macintosh/i.test(agent)) return 'macOS';
  return 'Linux';
}

function preferredPlatform(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? guessPlatform();
  } catch {
    return guessPlatform();
  }
}

/**
 * WAI-ARIA tabs for per-platform commands. The reader's choice is stored and
 * shared by every tab group, on this page and the next.
 */
export function PlatformTabs({ labels, panels, ariaLabel }: { labels: string[]; panels: ReactNode[]; ariaLabel: string }) {
  const [selected, setSelected] = useState(0);
  const id = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    const follow = (platform: string) => {
      const index = labels.indexOf(platform);
      if (index >= 0) setSelected(index);
    };
    follow(preferredPlatform());
    const onChange = (event: Event) => follow((event as CustomEvent<string>).detail);
    window.addEventListener(CHANGE_EVENT, onChange);
    return () => window.removeEventListener(CHANGE_EVENT, onChange);
  }, [labels]);

  function choose(index: number, focus = false) {
    setSelected(index);
    if (focus) tabRefs.current[index]?.focus();
    try {
      localStorage.setItem(STORAGE_KEY, labels[index]);
    } catch {
      // Private browsing may refuse storage; the choice still applies to this page.
    }
    window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: labels[index] }));
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = labels.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: selected === last ? 0 : selected + 1,
      ArrowLeft: selected === 0 ? last : selected - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      choose(moves[event.key], true);
    }
  }

  return (
    <div className="my-4 rounded-lg border border-slate-200 dark:border-slate-700">
      <div role="tablist" aria-label={ariaLabel} className="flex gap-1 border-b border-slate-200 px-2 pt-2 print:hidden dark:border-slate-700">
        {labels.map((label, index) => (
          <button
            key={label}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => choose(index)}
            onKeyDown={onKeyDown}
            className={`rounded-t px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 ${
              index === selected
                ? 'border-b-2 border-blue-700 font-semibold text-blue-800 dark:border-blue-300 dark:text-blue-200'
                : 'text-slate-700 hover:text-slate-950 dark:text-slate-300'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map((panel, index) => (
        <div
          key={labels[index]}
          role="tabpanel"
          id={`${id}-panel-${index}`}
          aria-labelledby={`${id}-tab-${index}`}
          hidden={index !== selected}
          data-platform={labels[index]}
          className="px-4 print:block"
        >
          <p className="hidden font-semibold print:block">{labels[index]}</p>
          {panel}
        </div>
      ))}
    </div>
  );
}
