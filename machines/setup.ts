import { assign, fromPromise, setup } from 'xstate';
import type { ProbeResult, ProbeType } from '../lib/probes/schema';
import { resultMatches, VALUE_TESTS, type ValueTest } from './conditions';
import { validateFields } from './fields';
import type { FieldSpec } from './meta';
import type { Evidence, FieldValue, FlowContext, FlowEvent, FlowValues, ProbeRequest, ResultMatch } from './types';

/**
 * The probe actor every probe state invokes by name. This default refuses to run so that
 * nothing probes by accident: the UI provides one that calls `/api/probe`, tests provide fakes.
 */
export const unprovidedProbe = fromPromise<ProbeResult, ProbeRequest>(async ({ input }) => {
  throw new Error(`No probe actor provided (asked for a ${input.type} probe); use machine.provide({ actors: { probe } }).`);
});

/** The empty context every flow starts from. */
export function initialContext(): FlowContext {
  return { values: {}, answers: {}, evidence: [], attach: null };
}

/** Shared guards, actions and the probe actor of all flows; the machines are data on top of it. */
export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
  },
  actors: { probe: unprovidedProbe },
  guards: {
    resultMatches: (_, params: { result: ProbeResult; match: ResultMatch }) =>
      resultMatches(params.result, params.match),
    formValid: (_, params: { fields: readonly FieldSpec[]; values: FlowValues }) =>
      validateFields(params.fields, params.values).length === 0,
    valuePasses: (_, params: { test: ValueTest; value: FieldValue | undefined }) => VALUE_TESTS[params.test](params.value),
  },
  actions: {
    recordAnswer: assign(({ context }, params: { state: string; option: string }) => ({
      answers: { ...context.answers, [params.state]: params.option },
    })),
    recordValues: assign(({ context }, params: { values: FlowValues }) => ({
      values: { ...context.values, ...params.values },
    })),
    recordEvidence: assign(({ context }, params: { entry: Evidence }) => ({
      evidence: [...context.evidence, params.entry],
    })),
    chooseAttachedProbe: assign((_, params: { type: ProbeType | null }) => ({ attach: params.type })),
  },
});
