'use client';

import { useId, useState } from 'react';
import type { CheckPlan } from '@/lib/cases';
import { format, type CustomerMessages, type Locale } from '@/lib/i18n';
import { describeClient, measureClock, runChecks, type CheckResult } from './measure';
import { localTime, sendToLink } from './send';

/** A failure within this long was answered (refused, reset); a later one was most likely dropped on the way. */
const FAST_FAILURE_MS = 3000;
/** A clock this far off breaks certificate checks (validity is checked against the local clock). */
const SKEW_WARNING_MS = 5 * 60_000;

interface Outcome {
  clock: { offsetMs: number; roundTripMs: number } | null;
  client: ReturnType<typeof describeClient>;
  checks: CheckResult[];
  seenFrom: { address: string; family: number } | null;
  at: string | null;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function clockLine(clock: Outcome['clock'], t: CustomerMessages): string {
  if (!clock) return t.clockFailed;
  const precision = format(t.clockPrecision, { precision: (clock.roundTripMs / 2000).toFixed(2) });
  if (Math.abs(clock.offsetMs) < 1000) return t.clockSame;
  return format(clock.offsetMs > 0 ? t.clockAhead : t.clockBehind, { seconds: seconds(Math.abs(clock.offsetMs)) }) + precision;
}

function checkLine(check: CheckResult, t: CustomerMessages): string {
  const values = { kind: check.kind.toUpperCase(), seconds: seconds(check.elapsedMs ?? 0) };
  if (check.outcome === 'skipped') return `${format(t['check-skipped'], values)} ${check.reason ? t[`skip-${check.reason}`] : ''}`;
  if (check.outcome === 'failed') return format((check.elapsedMs ?? 0) < FAST_FAILURE_MS ? t['check-failed-fast'] : t['check-failed-slow'], values);
  return format(t[`check-${check.outcome}`], values);
}

/**
 * "Check from my computer": asks first, then measures the clock against the server, notes the
 * browser, and (only when the customer chose it) tries HTTPS and WSS to the case's target;
 * the result goes to the case, and is shown back in plain words.
 */
export function BrowserCheck({ token, lang, t, plan, target }: { token: string; lang: Locale; t: CustomerMessages; plan: CheckPlan; target: string | null }) {
  const [state, setState] = useState<{ kind: 'idle' | 'running' } | { kind: 'done'; outcome: Outcome; error?: string }>({ kind: 'idle' });
  const id = useId();
  const canConnect = plan.some((step) => step.run);
  const skipReason = plan.find((step) => !step.run && step.reason !== 'declined');

  async function run(connect: boolean) {
    setState({ kind: 'running' });
    const [clock, checks] = await Promise.all([measureClock(token), runChecks(plan, connect)]);
    const client = describeClient();
    const sent = await sendToLink<{ at: string; seenFrom: { address: string; family: number } }>(token, 'browser-check', { clock, client, checks }, t);
    const outcome: Outcome = { clock, client, checks, seenFrom: sent.ok ? sent.body.seenFrom : null, at: sent.ok ? sent.body.at : null };
    setState({ kind: 'done', outcome, error: sent.ok ? undefined : sent.message });
  }

  const button = 'rounded px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t.checkHeading}
      </h2>
      <p className="mt-2">{t.checkIntro}</p>
      {canConnect && target ? <p className="mt-2">{format(t.checkConnectIntro, { target })}</p> : null}
      {!canConnect && skipReason?.run === false ? <p className="mt-2">{t[`skip-${skipReason.reason}`]}</p> : null}
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        {canConnect && target ? (
          <>
            <button type="button" disabled={state.kind === 'running'} onClick={() => run(true)} className={`${button} bg-blue-700 text-white hover:bg-blue-800`}>
              {format(t.checkWithTarget, { target })}
            </button>
            <button type="button" disabled={state.kind === 'running'} onClick={() => run(false)} className={`${button} border border-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800`}>
              {t.checkWithoutTarget}
            </button>
          </>
        ) : (
          <button type="button" disabled={state.kind === 'running'} onClick={() => run(false)} className={`${button} bg-blue-700 text-white hover:bg-blue-800`}>
            {t.checkRun}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className="mt-3">
        {state.kind === 'running' ? <p>{t.checkRunning}</p> : null}
        {state.kind === 'done' ? (
          <div data-testid="check-results">
            <h3 className="font-semibold">{t.resultsHeading}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li data-testid="check-clock">{clockLine(state.outcome.clock, t)}</li>
              {state.outcome.clock && Math.abs(state.outcome.clock.offsetMs) > SKEW_WARNING_MS ? <li>{t.clockSkewWarning}</li> : null}
              {state.outcome.seenFrom ? <li>{format(t.seenFrom, { address: state.outcome.seenFrom.address, family: state.outcome.seenFrom.family })}</li> : null}
              <li>
                {format(t.browserLine, {
                  browser: state.outcome.client.browser ?? t.unknownValue,
                  os: state.outcome.client.os ?? t.unknownValue,
                  timeZone: state.outcome.client.timeZone ?? t.unknownValue,
                  languages: state.outcome.client.languages.join(', ') || t.unknownValue,
                })}
              </li>
              {state.outcome.checks.map((check) => (
                <li key={check.kind} data-testid={`check-${check.kind}`} data-outcome={check.outcome}>
                  {checkLine(check, t)}
                </li>
              ))}
            </ul>
            {state.outcome.at ? <p className="mt-2">{format(t.checkSent, { time: localTime(state.outcome.at, lang) })}</p> : null}
            {state.error ? <p className="mt-2 text-red-700 dark:text-red-300">{state.error}</p> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
