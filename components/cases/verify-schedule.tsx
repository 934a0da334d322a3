'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { shortTime } from '@/lib/cases';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';
import { LocalTime } from './local-time';
import { personName, type Names } from './names';
import { fillSlots } from './slots';

/** A verification waiting to run, as the page read it. */
export interface Pending {
  scheduleId: string;
  dueAt: string;
  createdBy: string;
}

const CHOICES = [5, 15, 30, 60];
const BUTTON = 'rounded border border-slate-500 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800';
const FIELD = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';

/**
 * "Verify in N minutes" (5, 15, 30, 60, or any number from 1 to 1440): `POST
 * /api/cases/:id/verify/schedule`; the server's queue runs it once when due, as this agent.
 * Pending verifications are listed with their due time and Cancel (`DELETE …/:scheduleId`).
 */
export function VerifySchedule({ lang, caseId, pending, names, now }: { lang: Locale; caseId: string; pending: Pending[]; names: Names; now: number }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [choice, setChoice] = useState('15');
  const [custom, setCustom] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');

  async function call(run: () => Promise<Response>, done: (response: Response) => Promise<string>, labels: Record<string, string> = {}) {
    setBusy(true);
    setMessage('');
    setProblem('');
    try {
      const response = await run();
      if (response.ok) {
        setMessage(await done(response));
        router.refresh();
      } else {
        const code = ((await response.clone().json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
        setProblem(code === 'NOTHING_TO_VERIFY' ? t.nothingToVerify : code === 'ALREADY_RAN' ? t.alreadyRan : (await apiProblem(response, t, labels)).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  function schedule(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(choice === 'other' ? custom : choice);
    return call(
      () => fetch(`/api/cases/${caseId}/verify/schedule`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes }) }),
      async (response) => format(t.scheduledAt, { time: shortTime(((await response.json()) as { dueAt: string }).dueAt, Date.now(), lang) }),
      { minutes: t.customMinutes },
    );
  }

  const cancel = (scheduleId: string) => call(() => fetch(`/api/cases/${caseId}/verify/schedule/${scheduleId}`, { method: 'DELETE' }), async () => t.scheduleCancelled);

  return (
    <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 className="font-semibold">{t.verifyLater}</h3>
      <form onSubmit={schedule} aria-label={t.verifyLater} className="mt-1 grid gap-2">
        <div>
          <label htmlFor="verify-in" className="block text-sm font-medium">
            {t.verifyIn}
          </label>
          <select id="verify-in" value={choice} onChange={(event) => setChoice(event.target.value)} className={FIELD}>
            {CHOICES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {format(t.minutesOption, { n: minutes })}
              </option>
            ))}
            <option value="other">{t.otherMinutes}</option>
          </select>
        </div>
        {choice === 'other' ? (
          <div>
            <label htmlFor="verify-minutes" className="block text-sm font-medium">
              {t.customMinutes}
            </label>
            <input id="verify-minutes" type="number" inputMode="numeric" min={1} max={1440} step={1} required value={custom} onChange={(event) => setCustom(event.target.value)} className={FIELD} />
          </div>
        ) : null}
        <div>
          <button type="submit" disabled={busy} className={BUTTON}>
            {busy ? t.scheduling : t.schedule}
          </button>
        </div>
      </form>
      <p role="status" className="mt-2 text-sm empty:hidden">
        {message}
      </p>
      <p role="alert" className="mt-2 text-sm text-red-800 empty:hidden dark:text-red-300">
        {problem}
      </p>
      {pending.length > 0 ? (
        <div className="mt-2">
          <h4 className="text-sm font-semibold">{t.pendingTitle}</h4>
          <ul className="mt-1 grid gap-2 text-sm" data-testid="pending-verifications">
            {pending.map((item) => (
              <li key={item.scheduleId} className="flex flex-wrap items-center gap-2" data-schedule-id={item.scheduleId}>
                <span id={`due-${item.scheduleId}`}>
                  {fillSlots(t.pendingDue, {
                    time: <LocalTime iso={item.dueAt} lang={lang} variant="short" now={now} />,
                    relative: <LocalTime iso={item.dueAt} lang={lang} variant="relative" now={now} />,
                    actor: personName(item.createdBy, names, t),
                  })}
                </span>
                <button type="button" disabled={busy} onClick={() => cancel(item.scheduleId)} aria-describedby={`due-${item.scheduleId}`} className={BUTTON}>
                  {t.cancelSchedule}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
