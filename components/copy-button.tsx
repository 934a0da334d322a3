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
