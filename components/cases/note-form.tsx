'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';

/** An internal note, posted to `POST /api/cases/:id/notes`; the timeline then shows it. */
export function NoteForm({ lang, caseId }: { lang: Locale; caseId: string }) {
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
      const response = await fetch(`/api/cases/${caseId}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      if (response.ok) {
        setText('');
        setMessage(t.noteAdded);
        // The button is disabled while the field is empty: keep keyboard users in the field for the next note.
        field.current?.focus();
        router.refresh();
      } else {
        setProblem((await apiProblem(response, t, { text: t.noteLabel })).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="note-heading">
      <h2 id="note-heading" className="text-lg font-semibold">
        {t.notesTitle}
      </h2>
      <form onSubmit={submit} aria-label={t.notesTitle} className="mt-2">
        <label htmlFor="case-note" className="block font-medium">
          {t.noteLabel}
        </label>
        <textarea ref={field} id="case-note" name="text" required maxLength={10_000} rows={3} value={text} onChange={(event) => setText(event.target.value)} className="mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900" />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy || text.trim() === ''} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
            {busy ? t.adding : t.addNote}
          </button>
          <p role="status" className="text-sm">
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
