import { FLOWS, isFlowId, type FlowDefinition, type FlowInfo } from '@/machines';

/** The flow with this id, or undefined for an unknown id. */
export function getFlow(id: string): FlowDefinition | undefined {
  return isFlowId(id) ? FLOWS[id] : undefined;
}

/** What the list of flows shows, in the registry's order. */
export function listFlows(): FlowInfo[] {
  return Object.values(FLOWS).map((flow) => flow.info);
}
