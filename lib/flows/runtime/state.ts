import type { FlowMachine, StepMeta } from '@/machines';

/** A flow's state after some steps. */
export type FlowSnapshot = ReturnType<FlowMachine['getInitialSnapshot']>;

/** The key of the state a snapshot is in (flows are flat: one active state). */
export function stateIdOf(snapshot: { value: unknown }): string {
  if (typeof snapshot.value !== 'string') throw new Error(`Flows are flat; got nested state ${JSON.stringify(snapshot.value)}.`);
  return snapshot.value;
}

/** The meta of one state, or undefined when the flow has no such state. */
export function stateMetaOf(machine: FlowMachine, stateId: string): StepMeta | undefined {
  return Object.hasOwn(machine.states, stateId) ? (machine.states[stateId].meta as StepMeta) : undefined;
}
