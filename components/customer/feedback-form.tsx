'use client';

import { useId, useState, type FormEvent } from 'react';
import { FEEDBACK_OUTCOMES, MAX_COMMENT_CHARS, type FeedbackOutcome } from '@/lib/cases';
import { format, type CustomerMessages, type Locale } from '@/lib/i18n';
import { localTime, sendToLink } from './send';

/** The latest answer, as the page last knew it. */
interface Answer {
  outcome: FeedbackOutcome;
  comment: string;
  at: string;
}

/**
 * "Did this fix it?": fixed, not fixed or not yet, with an optional comment. Shows the answer
 * the case has (a later one supersedes it) and lets the customer change it.
 */
export function FeedbackForm({ token, lang, t, initial }: { token: string; lang: Locale; t: CustomerMessages; initial: Answer | null }) {
  const [answer, setAnswer] = useState<Answer | null>(initial);
  const [outcome, setOutcome] = useState<FeedbackOutcome | null>(initial?.outcome ?? null);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'error'; message: string } | { kind: 'sent'; resolved: boolean }>({ kind: 'idle' });
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return;
    setState({ kind: 'sending' });
    const sent = await sendToLink<{ at: string; resolved: boolean }>(token, 'feedback', { outcome, comment, lang }, t);
    if (!sent.ok) return setState({ kind: 'error', message: sent.message });
    setAnswer({ outcome, comment: comment.trim(), at: sent.body.at });
    setState({ kind: 'sent', resolved: sent.body.resolved });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t.feedbackHeading}
      </h2>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <fieldset>
          <legend className="sr-only">{t.outcomeLegend}</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
            {FEEDBACK_OUTCOMES.map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name={`${id}-outcome`} value={value} checked={outcome === value} onChange={() => setOutcome(value)} required />
                {t[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-comment`} className="block font-medium">
            {t.commentLabel}
          </label>
          <textarea
            id={`${id}-comment`}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            maxLength={MAX_COMMENT_CHARS}
            rows={3}
            aria-describedby={`${id}-hint`}
            className="mt-1 w-full rounded border border-slate-400 p-2 dark:border-slate-600 dark:bg-slate-900"
          />
          <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            {t.commentHint}
          </p>
        </div>
        <button type="submit" disabled={state.kind === 'sending'} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60">
          {state.kind === 'sending' ? t.sending : t.send}
        </button>
      </form>
      <div role="status" aria-live="polite" className="mt-3">
        {state.kind === 'error' ? <p className="text-red-700 dark:text-red-300">{state.message}</p> : null}
        {answer ? (
          <p data-testid="feedback-received" suppressHydrationWarning>
            {format(t.received, { outcome: t[answer.outcome], time: localTime(answer.at, lang) })} {t.changeHint}
          </p>
        ) : null}
        {state.kind === 'sent' && state.resolved ? <p>{t.resolvedNote}</p> : null}
      </div>
    </section>
  );
}
