'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';

/** Longest paste the server's parser reads (MAX_OUTPUT_CHARS of `@/lib/evidence`). */
const MAX_CHARS = 100_000;

/**
 * "Paste command output": staff paste what the customer sent (curl -v, Test-NetConnection,
 * dig…) to `POST /api/cases/:id/evidence`; the server parses it with the one parser and stores
 * it as an `evidence` event, and the page shows the codes it found.
 */
export function EvidenceForm({ lang, caseId }: { lang: Locale; caseId: string }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    setProblem('');
    try {
      const response = await fetch(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      if (response.ok) {
        const created = (await response.json()) as { payload?: { parsed?: { findings?: Array<{ code?: string }> } } };
        const codes = (created.payload?.parsed?.findings ?? []).map((finding) => finding.code ?? '?');
        setText('');
        setMessage(format(t.pasteSaved, { codes: codes.join(t.listSeparator) }));
        router.refresh();
      } else {
        setProblem((await apiProblem(response, t, { text: t.pasteLabel })).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="paste-heading" className="mb-8">
      <h2 id="paste-heading" className="text-lg font-semibold">
        {t.pasteTitle}
      </h2>
      <form onSubmit={submit} aria-label={t.pasteTitle} className="mt-2">
        <label htmlFor="case-evidence" className="block font-medium">
          {t.pasteLabel}
        </label>
        <textarea
          id="case-evidence"
          name="text"
          required
          maxLength={MAX_CHARS}
          rows={5}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="case-evidence-hint"
          className="mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 font-mono text-sm dark:bg-slate-900"
        />
        <p id="case-evidence-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t.pasteHint}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy || text.trim() === ''} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
            {busy ? t.pasting : t.pasteSubmit}
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
