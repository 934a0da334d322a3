import type { FlowEvent, FlowMachine } from '@/machines';
import { readForm } from './form';
import type { PathStep } from './path';
import { probeRequestFor } from './probe-request';
import { stateIdOf, stateMetaOf, type FlowSnapshot } from './state';

/**
 * The machine event a recorded step stands for in `snapshot`, built as the runtime builds
 * it live: a form's values read and checked, a probe's request rebuilt from the context.
 * Null when the step cannot happen there (another kind of state, values a form refuses).
 */
export function eventFor(machine: FlowMachine, snapshot: FlowSnapshot, step: PathStep): FlowEvent | null {
  const meta = stateMetaOf(machine, stateIdOf(snapshot));
  switch (step.kind) {
    case 'answer':
      return meta?.kind === 'question' ? { type: `answer.${step.option}` } : null;
    case 'submit': {
      if (meta?.kind !== 'form') return null;
      const form = readForm(meta.fields, step.values, { partial: step.action.startsWith('attach-') });
      return form.ok ? { type: `submit.${step.action}`, values: form.values, addresses: form.addresses } : null;
    }
    case 'probe':
      return meta?.kind === 'probe' ? { type: 'PROBE.DONE', request: probeRequestFor(meta.request, snapshot.context), result: step.result } : null;
    case 'probe-error':
      return meta?.kind === 'probe' ? { type: 'PROBE.FAILED', request: probeRequestFor(meta.request, snapshot.context), failure: step.failure } : null;
    case 'cancel':
      return meta?.kind === 'probe' ? { type: 'cancel', request: probeRequestFor(meta.request, snapshot.context) } : null;
  }
}

/** The step that records `event` taken in `state`: what a link keeps of it. */
export function stepOf(state: string, event: FlowEvent): PathStep {
  if (event.type === 'PROBE.DONE') return { kind: 'probe', state, result: event.result };
  if (event.type === 'PROBE.FAILED') return { kind: 'probe-error', state, failure: event.failure };
  if (event.type === 'cancel') return { kind: 'cancel', state };
  if ('values' in event) return { kind: 'submit', state, action: event.type.slice('submit.'.length), values: event.values };
  return { kind: 'answer', state, option: event.type.slice('answer.'.length) };
}
