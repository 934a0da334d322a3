'use client';

import { useEffect, useRef } from 'react';
import { stateIdOf, stateMetaOf, type PathStep, type Replay } from '@/lib/flows';
import type { Locale } from '@/lib/i18n';
import { recordInsight } from '@/lib/insights';
import type { FlowDefinition } from '@/machines';

/** How a step was left, as the insights record it: the answer, the form action, the probe's code. */
function outcomeOf(step: PathStep): string {
  switch (step.kind) {
    case 'answer':
      return step.option;
    case 'submit':
      return step.action;
    case 'probe':
      return step.result.code;
    default:
      return step.kind;
  }
}

interface OnScreen {
  stateId: string;
  enteredAt: string;
  /** Steps of the path when this state was entered: the next one recorded is how it was left. */
  depth: number;
  done: boolean;
}

/**
 * Records a flow run for the insights: each step on screen (entered, left, and how), the
 * ending reached, and the step on screen when the page is left (a drop-off, outcome null).
 * Nothing waits on it: events go to the batching recorder. Starts once a link's path is
 * restored, so the server-rendered first step of a link is not counted.
 */
export function useFlowInsights(flow: FlowDefinition, lang: Locale, restored: boolean, replay: Replay, caseId: string | undefined): void {
  const onScreen = useRef<OnScreen | null>(null);
  const context = useRef({ flowId: flow.info.id, lang, caseId });
  useEffect(() => {
    context.current = { flowId: flow.info.id, lang, caseId };
  });
  const stateId = stateIdOf(replay.snapshot);
  const { steps } = replay;
  const done = replay.snapshot.status === 'done';

  useEffect(() => {
    if (!restored) return;
    const before = onScreen.current;
    if (before && before.stateId === stateId && before.depth === steps.length) return;
    const at = new Date().toISOString();
    const { flowId, lang: language, caseId: onCase } = context.current;
    if (before && !before.done) {
      const next = steps[before.depth];
      const outcome = steps.length > before.depth && next?.state === before.stateId ? outcomeOf(next) : 'back';
      recordInsight({ type: 'step', at, enteredAt: before.enteredAt, lang: language, flowId, stateId: before.stateId, outcome, caseId: onCase });
    }
    onScreen.current = { stateId, enteredAt: at, depth: steps.length, done };
    const meta = done ? stateMetaOf(flow.machine, stateId) : undefined;
    if (meta && (meta.kind === 'fix' || meta.kind === 'handoff' || meta.kind === 'report' || meta.kind === 'end')) {
      const fix = meta.kind === 'fix' ? { slug: meta.fix.slug, fixId: meta.fix.fixId } : {};
      recordInsight({ type: 'ending', at, lang: language, flowId, stateId, endingKind: meta.kind, ...fix, caseId: onCase });
    }
  }, [flow, restored, stateId, steps, done]);

  // Leaving the page (or the runner) on a step that is not an ending: that step lost them.
  useEffect(() => {
    const leave = () => {
      const left = onScreen.current;
      if (!left || left.done) return;
      onScreen.current = null;
      const { flowId, lang: language, caseId: onCase } = context.current;
      recordInsight({ type: 'step', at: new Date().toISOString(), enteredAt: left.enteredAt, lang: language, flowId, stateId: left.stateId, outcome: null, caseId: onCase }, { now: true });
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);
}
