import { FLOW_IDS, FLOWS, isFlowId, type FlowDefinition, type FlowId, type FlowInfo, type FlowMachine, type StepMeta } from '../../machines';

/** The flow with this id, or undefined for an unknown id. */
export function getFlow(id: string): FlowDefinition | undefined {
  return isFlowId(id) ? FLOWS[id] : undefined;
}

/** What the list of flows shows, in the registry's order. */
export function listFlows(): FlowInfo[] {
  return Object.values(FLOWS).map((flow) => flow.info);
}

/** Every flow id, for static page generation. */
export function flowIds(): readonly FlowId[] {
  return FLOW_IDS;
}

/** The key of the state a snapshot is in (flows are flat: one active state). */
export function stateIdOf(snapshot: { value: unknown }): string {
  if (typeof snapshot.value !== 'string') throw new Error(`Flows are flat; got nested state ${JSON.stringify(snapshot.value)}.`);
  return snapshot.value;
}

/** The meta of one state, or undefined when the flow has no such state. */
export function stateMetaOf(machine: FlowMachine, stateId: string): StepMeta | undefined {
  return Object.hasOwn(machine.states, stateId) ? (machine.states[stateId].meta as StepMeta) : undefined;
}
