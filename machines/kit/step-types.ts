import type { ConditionInput, ValueCondition } from './conditions';
import type { flowSetup } from './setup';
import type { FlowContext, FlowEvent, FlowValues } from './types';

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
export function valuesOf(event: FlowEvent): FlowValues {
  return 'values' in event ? event.values : {};
}

/**
 * A route's condition resolved for one event: the field as just submitted when the event
 * carries it, else as remembered. Undefined when the route has no condition.
 */
export function conditionInput(when: ValueCondition | undefined, context: FlowContext, event: FlowEvent): ConditionInput | undefined {
  if (!when) return undefined;
  return 'values' in event && when.field in event.values
    ? { test: when.test, value: event.values[when.field], address: event.addresses[when.field] }
    : { test: when.test, value: context.values[when.field], address: context.addresses[when.field] };
}
