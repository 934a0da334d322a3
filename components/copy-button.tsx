'use client';

import { useState } from 'react';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text put on the clipboard; a function is called at click time. */
  text: string | (() => string);
  label: string;
  copiedLabel: string;
  failedLabel: string;
  className?: string;
  children?: React.ReactNode;
}

/**
 * Two overlapping sheets, the usual "copy" sign, drawn inline: a font glyph such as ⧉ is an
 * empty box on systems without it. Decorative; the button carries the name.
 */
export function CopyIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.5" className="inline-block align-[-2px]" data-icon="copy">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
    </svg>
  );
}

/** A button that copies text and says so, for screen readers too. */
export function CopyButton({ text, label, copiedLabel, failedLabel, className, children }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }
  const status = state === 'copied' ? copiedLabel : state === 'failed' ? failedLabel : '';
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      title={label}
      className={`print:hidden rounded border border-slate-300 px-2 py-0.5 text-xs font-normal text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 ${className ?? ''}`}
    >
      {children ?? label}
      <span role="status" aria-live="polite" className="ml-1">
        {status}
      </span>
    </button>
  );
}
