import * as z from 'zod/mini';
import type { FlowValues, PathEvent, ProbeFailure } from '../../machines';
import { probeResultSchema, type ProbeResult } from '../probes/schema';

const text = (max: number) => z.string().check(z.maxLength(max));
const fieldValueSchema = z.union([text(4000), z.array(z.record(z.string(), text(4000))).check(z.maxLength(50))]);

const probeFailureSchema = z.object({
  kind: z.enum(['http', 'network', 'timeout', 'cancelled', 'invalid-response']),
  status: z.optional(z.int()),
  code: z.optional(text(80)),
  message: text(2000),
});

const stateId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,80}$/));
const eventName = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));

/** One recorded step of a flow: what happened in which state. A flow's path is a list of these. */
export const pathStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), state: stateId, option: eventName }),
  z.object({ kind: z.literal('submit'), state: stateId, action: eventName, values: z.record(text(80), fieldValueSchema) }),
  z.object({ kind: z.literal('probe'), state: stateId, result: probeResultSchema }),
  z.object({ kind: z.literal('probe-error'), state: stateId, failure: probeFailureSchema }),
  z.object({ kind: z.literal('cancel'), state: stateId }),
]);

/** One recorded step. */
export type PathStep = z.infer<typeof pathStepSchema>;

/** The machine event a step replays. */
export function stepToEvent(step: PathStep): PathEvent {
  switch (step.kind) {
    case 'answer':
      return { type: `answer.${step.option}` };
    case 'submit':
      return { type: `submit.${step.action}`, values: step.values };
    case 'probe':
      return { type: `xstate.done.actor.${step.state}`, output: step.result };
    case 'probe-error':
      return { type: `xstate.error.actor.${step.state}`, error: step.failure };
    case 'cancel':
      return { type: 'cancel' };
  }
}

/** The step that records `event` sent in `state`, or null for events a path does not keep. */
export function eventToStep(state: string, event: { type: string } & Record<string, unknown>): PathStep | null {
  const [head, ...rest] = event.type.split('.');
  const tail = rest.join('.');
  if (head === 'answer') return { kind: 'answer', state, option: tail };
  if (head === 'submit') return { kind: 'submit', state, action: tail, values: (event.values ?? {}) as FlowValues };
  if (event.type === 'cancel') return { kind: 'cancel', state };
  if (event.type === `xstate.done.actor.${state}`) return { kind: 'probe', state, result: event.output as ProbeResult };
  if (event.type === `xstate.error.actor.${state}`) return { kind: 'probe-error', state, failure: event.error as ProbeFailure };
  return null;
}
