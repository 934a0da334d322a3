'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';

/** What a text form of the case page says and where it posts. */
interface TextPostFormProps {
  lang: Locale;
  /** The field's id; the heading's is `${id}-heading`. */
  id: string;
  /** The case API path that takes `{text}`. */
  action: string;
  heading: string;
  label: string;
  hint?: string;
  submitLabel: string;
  busyLabel: string;
  maxLength: number;
  rows: number;
  /** Monospaced, without spell checking: for pasted command output. */
  code?: boolean;
  /** What to say once saved, from the created event. */
  savedMessage: (created: unknown) => string;
}

/**
 * One text box of the case page posted as `{text}` (a note, pasted command output): the
 * server's field errors in words, the page refreshed after saving, and focus kept in the field
 * for the next one (the button is disabled while the field is empty).
 */
export function TextPostForm({ lang, id, action, heading, label, hint, submitLabel, busyLabel, maxLength, rows, code, savedMessage }: TextPostFormProps) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    setProblem('');
    try {
      const response = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      if (response.ok) {
        setText('');
        setMessage(savedMessage(await response.json()));
        field.current?.focus();
        router.refresh();
      } else {
        setProblem((await apiProblem(response, t, { text: label })).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      <form onSubmit={submit} aria-label={heading} className="mt-2">
        <label htmlFor={id} className="block font-medium">
          {label}
        </label>
        <textarea
          ref={field}
          id={id}
          name="text"
          required
          maxLength={maxLength}
          rows={rows}
          spellCheck={code ? false : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900 ${code ? 'font-mono text-sm' : ''}`}
        />
        {hint ? (
          <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy || text.trim() === ''} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
            {busy ? busyLabel : submitLabel}
          </button>
          <p role="status" className="text-sm break-words">
            {message}
          </p>
        </div>
        <p role="alert" className="mt-2 text-sm text-red-800 empty:hidden dark:text-red-300">
          {problem}
        </p>
      </form>
    </section>
  );
}
