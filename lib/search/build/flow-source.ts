import { FLOWS } from '@/machines';
import type { FlowEntry, FlowStep } from './flow-records';

/*
 * The flows as search sees them, read from the registry in machines/index.ts:
 * each flow's title and description, and every state (nested ones as
 * `parent.child`) with its bilingual `meta`.
 */

function statesOf(states: unknown, prefix = ''): FlowStep[] {
  if (typeof states !== 'object' || states === null) return [];
  return Object.entries(states as Record<string, { meta?: unknown; states?: unknown }>).flatMap(([key, state]) => {
    const id = prefix ? `${prefix}.${key}` : key;
    return [{ id, meta: state.meta }, ...statesOf(state.states, id)];
  });
}

/** Every registered decision flow with its states; the indexer's flow source. */
export function registeredFlows(): FlowEntry[] {
  return Object.values(FLOWS).map((flow) => ({
    id: flow.info.id,
    title: flow.info.title,
    description: flow.info.description,
    steps: statesOf(flow.machine.config.states),
  }));
}
