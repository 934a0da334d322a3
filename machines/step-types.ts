import { type EventObject } from 'xstate';
import type { ValueCondition } from './conditions';
import type { flowSetup } from './setup';
import type { FlowContext, FlowValues } from './types';

type MachineConfig = Parameters<typeof flowSetup.createMachine>[0];

/** One state's config, typed by the shared setup. */
export type StateConfig = NonNullable<MachineConfig['states']>[string];

/** Builds the state (or states) of one step, given the key it is stored under. */
export type StepBuilder = (id: string) => Record<string, StateConfig>;

/** Where a choice leads: one state, or the first route whose condition holds. */
export type Goto = string | Array<{ when?: ValueCondition; target: string }>;

/** Routes of a `Goto`, in the order they are tried. */
export type Routes = Array<{ when?: ValueCondition; target: string }>;

/** A `Goto` as a list of routes. */
export function routesOf(goto: Goto): Routes {
  return typeof goto === 'string' ? [{ target: goto }] : goto;
}

/** The values a submit event carries; other events carry none. */
export function valuesOf(event: EventObject): FlowValues {
  return 'values' in event && event.values && typeof event.values === 'object' ? (event.values as FlowValues) : {};
}

/** The guard that checks a route's condition against submitted, then remembered, values. */
export function conditionGuard(when: ValueCondition) {
  return {
    type: 'valuePasses' as const,
    params: ({ context, event }: { context: FlowContext; event: EventObject }) => ({
      test: when.test,
      value: valuesOf(event)[when.field] ?? context.values[when.field],
    }),
  };
}
