'use client';

import { useId, useState, type FormEvent } from 'react';
import { MAX_EVIDENCE_CHARS } from '@/lib/cases';
import { format, type CustomerMessages, type Locale } from '@/lib/i18n';
import { probeCodeMessages, type ProbeCode } from '@/lib/probes';
import { localTime, sendToLink } from './send';

/** One finding as the parser reported it. */
interface Finding {
  code: string;
  summary: string;
}

/** A finding in plain words in the page's language: the probe code's own sentence where there is one. */
function wordsFor(finding: Finding, lang: Locale, t: CustomerMessages): string {
  if (finding.code === 'UNRECOGNISED') return t.unrecognised;
  return probeCodeMessages[lang][finding.code as ProbeCode] ?? finding.summary;
}

/** The box for pasted command output: sent to the case as text, what the parser read shown back. */
export function EvidenceForm({ token, lang, t }: { token: string; lang: Locale; t: CustomerMessages }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'error'; message: string } | { kind: 'sent'; at: string; findings: Finding[] }>({ kind: 'idle' });
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setState({ kind: 'error', message: t.pasteEmpty });
    setState({ kind: 'sending' });
    const sent = await sendToLink<{ at: string; parsed: { findings: Finding[] } }>(token, 'evidence', { text }, t);
    if (!sent.ok) return setState({ kind: 'error', message: sent.message });
    setState({ kind: 'sent', at: sent.body.at, findings: sent.body.parsed.findings });
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-2">
      <label htmlFor={`${id}-text`} className="block font-medium">
        {t.pasteLabel}
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={MAX_EVIDENCE_CHARS}
        rows={8}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        className="w-full rounded border border-slate-400 p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        {t.pasteHint}
      </p>
      <button type="submit" disabled={state.kind === 'sending'} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
        {state.kind === 'sending' ? t.sending : t.pasteSend}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'error' ? <p className="text-red-700 dark:text-red-300">{state.message}</p> : null}
        {state.kind === 'sent' ? (
          <div data-testid="evidence-received">
            <p>{format(t.pasteReceived, { time: localTime(state.at, lang) })}</p>
            <ul className="mt-1 list-disc pl-5">
              {state.findings.map((finding, index) => (
                <li key={index} data-code={finding.code}>
                  {wordsFor(finding, lang, t)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </form>
  );
}
