import { assign, setup } from 'xstate';
import { passes, requiredFilled, resultMatches, type ConditionInput } from './conditions';
import type { FieldSpec } from './meta';
import type { AddressKinds, Evidence, FlowContext, FlowEvent, FlowValues, ProbeResult, ProbeType, ResultMatch } from './types';

/** The empty context every flow starts from. */
export function initialContext(): FlowContext {
  return { values: {}, addresses: {}, answers: {}, evidence: [], attach: null };
}

/**
 * Shared guards and actions of all flows; the machines are data on top of it. There are no
 * actors: probe states wait for the `PROBE.DONE` / `PROBE.FAILED` events the runtime sends,
 * so every flow is a pure function of its events and replays with `transition()`.
 */
export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
  },
  // Each guard also checks the route's own condition on the values, when it has one.
  guards: {
    resultMatches: (_, params: { result: ProbeResult; match: ResultMatch; when?: ConditionInput }) =>
      resultMatches(params.result, params.match) && passes(params.when),
    formComplete: (_, params: { fields: readonly FieldSpec[]; values: FlowValues; when?: ConditionInput }) =>
      requiredFilled(params.fields, params.values) && passes(params.when),
    valuePasses: (_, params: { when?: ConditionInput }) => passes(params.when),
  },
  actions: {
    recordAnswer: assign(({ context }, params: { state: string; option: string }) => ({
      answers: { ...context.answers, [params.state]: params.option },
    })),
    recordValues: assign(({ context }, params: { values: FlowValues; addresses: AddressKinds }) => ({
      values: { ...context.values, ...params.values },
      // A field submitted again drops its old reading, even when the new value has none.
      addresses: {
        ...Object.fromEntries(Object.entries(context.addresses).filter(([field]) => !(field in params.values))),
        ...params.addresses,
      },
    })),
    recordEvidence: assign(({ context }, params: { entry: Evidence }) => ({
      evidence: [...context.evidence, params.entry],
    })),
    chooseAttachedProbe: assign((_, params: { type: ProbeType | null }) => ({ attach: params.type })),
  },
});
