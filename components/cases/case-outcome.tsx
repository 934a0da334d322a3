import type { TimelineEvent } from '@/lib/cases';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { LocalTime } from './local-time';
import { fillSlots } from './slots';

/** The latest event of `kind`, or null. */
const latest = (events: readonly TimelineEvent[], kind: string) => events.findLast((event) => event.kind === kind) ?? null;

/**
 * The case's outcome at a glance: the customer's latest answer to "did this fix it?" (fixed,
 * not fixed, not yet; when; their comment) and the latest verification (verified or not, when),
 * or that there is none yet.
 */
export function CaseOutcome({ events, lang, now }: { events: readonly TimelineEvent[]; lang: Locale; now: number }) {
  const t = casePageMessages[lang];
  const feedback = latest(events, 'feedback');
  const verify = latest(events, 'verify');
  const time = (iso: string) => <LocalTime iso={iso} lang={lang} variant="short" now={now} />;
  const answer = feedback ? ({ fixed: t.feedbackFixed, 'not-fixed': t.feedbackNotFixed, 'not-yet': t.feedbackNotYet } as Record<string, string>)[String(feedback.payload.outcome)] : null;
  const comment = typeof feedback?.payload.comment === 'string' && feedback.payload.comment !== '' ? feedback.payload.comment : null;
  return (
    <section aria-labelledby="outcome-heading" className="mt-4 rounded border border-slate-200 p-3 dark:border-slate-700" data-testid="case-outcome">
      <h2 id="outcome-heading" className="text-lg font-semibold">
        {t.outcomeTitle}
      </h2>
      <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="text-slate-600 dark:text-slate-400">{t.customerAnswer}</dt>
        <dd className="min-w-0" data-outcome={feedback ? String(feedback.payload.outcome) : 'none'}>
          {feedback ? fillSlots(t.stateAt, { state: <strong>{answer ?? String(feedback.payload.outcome)}</strong>, time: time(feedback.at) }) : t.noAnswer}
          {comment ? <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap break-words dark:border-slate-600">{comment}</blockquote> : null}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t.verification}</dt>
        <dd className="min-w-0" data-verified={verify ? String(verify.payload.verified === true) : 'none'}>
          {verify ? fillSlots(t.stateAt, { state: <strong>{verify.payload.verified === true ? t.verifiedState : t.notVerifiedState}</strong>, time: time(verify.at) }) : t.notChecked}
        </dd>
      </dl>
    </section>
  );
}
