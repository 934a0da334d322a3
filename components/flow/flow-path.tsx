'use client';

import { summarizeSteps, type Replay, type StoredEvidence } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowMachine } from '@/machines';
import { EvidenceCard } from './evidence-card';

type StepSummary = ReturnType<typeof summarizeSteps>[number];

/**
 * The steps to list, each with the number staff see. A form's "attach a probe" submit is not
 * listed (its button label means nothing to a reader), and the probe it ran is shown as evidence
 * for the step it belongs to, so attaching evidence does not make the step counter jump.
 */
function numberSteps(summaries: StepSummary[]): { step: StepSummary; n: number }[] {
  let n = 0;
  return summaries.flatMap((step) => {
    if (step.attached) return step.evidence ? [{ step, n: n + 1 }] : [];
    n += 1;
    return [{ step, n }];
  });
}

function storedAt(stored: { evidence: Array<StoredEvidence | undefined>; names: Record<string, string> } | undefined, index: number) {
  const evidence = stored?.evidence[index];
  return stored && evidence ? { evidence, names: stored.names } : undefined;
}

/** The path so far as a breadcrumb: each step's question and answer, its evidence, and a button to reopen it. */
export function FlowPath({ machine, replay, lang, onReopen, stored }: {
  machine: FlowMachine;
  replay: Replay;
  lang: Locale;
  onReopen: (index: number) => void;
  /** Evidence the server stored on a case, by step index, and who is who. */
  stored?: { evidence: Array<StoredEvidence | undefined>; names: Record<string, string> };
}) {
  const t = flowMessages[lang];
  const steps = numberSteps(summarizeSteps(machine, replay, lang));
  return (
    <nav aria-labelledby="path-heading" className="mt-6">
      <h2 id="path-heading" className="text-lg font-semibold">{t.pathTitle}</h2>
      {steps.length === 0 ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.pathEmpty}</p> : null}
      <ol className="mt-2 space-y-2">
        {steps.map(({ step, n }) => (
          <li key={step.index} data-step={step.stateId} data-attached={step.attached || undefined} className="rounded border border-slate-200 p-3 dark:border-slate-700">
            <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
              {step.attached ? null : <span className="text-sm text-slate-600 tabular-nums dark:text-slate-400">{n}.</span>}
              <div className="min-w-0 flex-1">
                <p className="font-medium">{step.attached ? format(t.attachedEvidence, { n }) : step.title}</p>
                {step.evidence ? null : <p className="text-slate-700 break-words dark:text-slate-300">{step.answer}</p>}
                {step.implied ? <p data-implied className="text-sm first-letter:uppercase text-slate-600 italic dark:text-slate-400">{step.implied}</p> : null}
              </div>
              <button
                type="button"
                onClick={() => onReopen(step.index)}
                aria-label={format(step.evidence ? t.rerunStep : t.changeStep, { n, title: step.title })}
                className="rounded border border-slate-500 px-2 py-0.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800"
              >
                {step.evidence ? t.rerun : t.change}
              </button>
            </div>
            {step.evidence ? <EvidenceCard evidence={step.evidence} lang={lang} stored={storedAt(stored, step.index)} /> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
