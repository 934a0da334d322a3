'use client';

import { useId, useState } from 'react';
import { formatHostPort, parsePort } from '@/lib/address';
import { targetOf, type Replay } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';

const BUTTON = 'rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800';

/** Where the server's re-check, when saving, saw something else than the browser: step number, codes. */
interface SaveChange {
  n: number;
  before: string;
  after: string;
}

interface OpenCase {
  id: string;
  title: string;
  ticketRef: string | null;
}

type Phase = { kind: 'closed' } | { kind: 'loading' } | { kind: 'picking'; cases: OpenCase[] } | { kind: 'saving' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

async function jsonOf<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

/**
 * "Save to case" for a flow run started without one: pick one of my open cases, or open a new
 * one titled from the target; the run so far is then recorded there. The probes the browser ran
 * are re-checked by the server when saved, so the case holds only what the server saw.
 */
export function SaveToCase({ replay, lang, flowTitle, bound, onSave }: {
  replay: Replay;
  lang: Locale;
  flowTitle: string;
  /** The run is recorded on a case already: only what saving said stays on screen. */
  bound: boolean;
  onSave: (caseId: string) => Promise<{ changed?: SaveChange }>;
}) {
  const t = flowMessages[lang];
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const [choice, setChoice] = useState('new');
  const target = targetOf(replay.snapshot.context.values);
  const port = parsePort(target.port);
  const title = target.host ? formatHostPort(target.host, port ?? undefined) : target.url;

  async function open() {
    setPhase({ kind: 'loading' });
    const response = await fetch('/api/cases?assignee=me&status=open&limit=50').catch(() => null);
    if (response?.status === 401) return setPhase({ kind: 'error', message: t.signInToSave });
    try {
      if (!response) throw new Error('network');
      const { items } = await jsonOf<{ items: OpenCase[] }>(response);
      setChoice('new');
      setPhase({ kind: 'picking', cases: items });
    } catch (error) {
      setPhase({ kind: 'error', message: format(t.saveError, { message: (error as Error).message }) });
    }
  }

  async function save() {
    if (phase.kind !== 'picking') return;
    const picked = phase.cases.find((item) => item.id === choice);
    setPhase({ kind: 'saving' });
    try {
      const caseId =
        picked?.id ??
        (
          await jsonOf<{ id: string }>(
            await fetch('/api/cases', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ title: title || flowTitle, lang, ...(target.host ? { target: { host: target.host, ...(port ? { port } : {}) } } : {}) }),
            }),
          )
        ).id;
      const { changed } = await onSave(caseId);
      const saved = format(t.savedTo, { title: picked?.title ?? title });
      setPhase({ kind: 'done', message: changed === undefined ? saved : `${saved} ${format(t.saveChanged, { ...changed })}` });
    } catch (error) {
      setPhase({ kind: 'error', message: format(t.saveError, { message: (error as Error).message }) });
    }
  }

  if (bound && phase.kind !== 'done') return null;
  return (
    <div className="mt-4 print:hidden" data-save-to-case>
      {phase.kind === 'closed' || phase.kind === 'error' ? (
        <button type="button" onClick={open} className={BUTTON}>{t.saveToCase}</button>
      ) : null}
      {phase.kind === 'picking' || phase.kind === 'saving' ? (
        <div className="rounded border border-slate-300 p-3 dark:border-slate-600">
          <p className="text-sm">{t.saveToCaseIntro}</p>
          <label htmlFor={`${id}-case`} className="mt-2 block text-sm font-medium">{t.pickCase}</label>
          <select id={`${id}-case`} value={choice} onChange={(event) => setChoice(event.target.value)} className="mt-1 w-full max-w-md rounded border border-slate-400 bg-white p-1 dark:bg-slate-900">
            <option value="new">{format(t.newCaseFrom, { title })}</option>
            {phase.kind === 'picking'
              ? phase.cases.map((item) => (
                  <option key={item.id} value={item.id}>{item.ticketRef ? `${item.ticketRef} · ${item.title}` : item.title}</option>
                ))
              : null}
          </select>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={save} disabled={phase.kind === 'saving'} className={BUTTON}>{phase.kind === 'saving' ? t.savingRun : t.saveRun}</button>
            <button type="button" onClick={() => setPhase({ kind: 'closed' })} disabled={phase.kind === 'saving'} className={BUTTON}>{t.cancelSave}</button>
          </div>
        </div>
      ) : null}
      <p role="status" className="mt-1 text-sm">
        {phase.kind === 'loading' ? t.caseLoading : phase.kind === 'done' || phase.kind === 'error' ? phase.message : ''}
      </p>
    </div>
  );
}
