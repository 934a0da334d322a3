import type { FlowInfo } from './meta';
import { initialContext, flowSetup } from './setup';
import { buildStates, fixEnd, type StateConfig, type StepBuilder } from './steps';

const FIX_KEY = /^fix_([a-z0-9-]+)_([a-z0-9-]+)$/;

/** The state key of the ending at one fix; such endings are created on first use. */
export function fixKey(slug: string, fixId: string): string {
  return `fix_${slug}_${fixId}`;
}

function targetsOf(config: unknown): string[] {
  if (typeof config === 'string') return [config];
  if (Array.isArray(config)) return config.flatMap(targetsOf);
  if (config && typeof config === 'object' && 'target' in config) return targetsOf((config as { target: unknown }).target);
  return [];
}

/** Every target named anywhere in a state's transitions. */
export function stateTargets(state: { on?: object; always?: unknown }): string[] {
  return [...Object.values(state.on ?? {}), state.always].flatMap(targetsOf);
}

function createFlowMachine(id: string, initial: string, states: Record<string, StateConfig>) {
  return flowSetup.createMachine({ id, initial, context: initialContext, states });
}

/** A flow's machine: the shared setup with one flow's states. */
export type FlowMachine = ReturnType<typeof createFlowMachine>;

/** One flow: what the list shows, and its machine. */
export interface FlowDefinition {
  info: FlowInfo;
  machine: FlowMachine;
}

/**
 * Builds a flow from its steps. Targets such as `fixKey('clock-skew', 'sync-time')`
 * that no step defines become fix endings.
 */
export function defineFlow(spec: FlowInfo & { initial: string; steps: Record<string, StepBuilder> }): FlowDefinition {
  const states = buildStates(spec.steps);
  for (const state of Object.values(states)) {
    for (const target of stateTargets(state)) {
      const fix = FIX_KEY.exec(target);
      if (fix && !states[target]) Object.assign(states, fixEnd(fix[1], fix[2])(target));
    }
  }
  const { id, version, title, description } = spec;
  return { info: { id, version, title, description }, machine: createFlowMachine(id, spec.initial, states) };
}
