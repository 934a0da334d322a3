import type { ValueCondition } from './conditions';
import type { EndMeta, FixMeta, FormMeta, HandoffMeta, OptionSpec, QuestionMeta, ReportMeta, StepMeta } from './meta';
import { conditionInput, routesOf, valuesOf, type Goto, type StateConfig, type StepBuilder } from './step-types';
import type { FlowContext, FlowEvent, FlowId } from './types';

export type { Goto, StateConfig, StepBuilder } from './step-types';

/** A question answered by pressing one of its options. */
export function question(
  spec: Omit<QuestionMeta, 'kind' | 'options'> & { options: Array<OptionSpec & { to: Goto }> },
): StepBuilder {
  const { options, ...rest } = spec;
  return (id) => {
    const meta: QuestionMeta = { kind: 'question', ...rest, options: options.map(({ id: o, label }) => ({ id: o, label })) };
    const on = Object.fromEntries(
      options.map((option) => [
        `answer.${option.id}`,
        routesOf(option.to).map(({ when, target }) => ({
          ...(when
            ? { guard: { type: 'valuePasses' as const, params: ({ context, event }: { context: FlowContext; event: FlowEvent }) => ({ when: conditionInput(when, context, event) }) } }
            : {}),
          target,
          actions: { type: 'recordAnswer' as const, params: { state: id, option: option.id } },
        })),
      ]),
    );
    return { [id]: { meta, on } };
  };
}

/**
 * A form; each action submits it and leads on. The runtime checks and normalises the values
 * before it sends them, so the machine only makes sure the required fields are there.
 */
export function form(
  spec: Omit<FormMeta, 'kind' | 'actions'> & {
    actions: Array<OptionSpec & { to: Goto }>;
    /** Where the `submit.attach-<type>` buttons lead (a probe state). */
    attachTo?: string;
  },
): StepBuilder {
  const { actions, attachTo, ...rest } = spec;
  const complete = (when?: ValueCondition) => ({
    type: 'formComplete' as const,
    params: ({ context, event }: { context: FlowContext; event: FlowEvent }) => ({
      fields: spec.fields,
      values: valuesOf(event),
      when: conditionInput(when, context, event),
    }),
  });
  const record = {
    type: 'recordValues' as const,
    params: ({ event }: { event: FlowEvent }) => ({ values: valuesOf(event), addresses: 'addresses' in event ? event.addresses : {} }),
  };
  return (id) => {
    const meta: FormMeta = { kind: 'form', ...rest, actions: actions.map(({ id: a, label }) => ({ id: a, label })) };
    const submits = actions.map((action) => [
      `submit.${action.id}`,
      routesOf(action.to).map(({ when, target }) => ({
        guard: complete(when),
        target,
        actions: [record, { type: 'chooseAttachedProbe' as const, params: { type: null } }],
      })),
    ]);
    // Attaching evidence must work before the cause is written: only a host is needed.
    const attaches = (attachTo ? (spec.attach ?? []) : []).map((type) => [
      `submit.attach-${type}`,
      [
        {
          guard: {
            type: 'valuePasses' as const,
            params: ({ context, event }: { context: FlowContext; event: FlowEvent }) => ({
              when: conditionInput({ field: 'host', test: 'filled' }, context, event),
            }),
          },
          target: attachTo,
          actions: [record, { type: 'chooseAttachedProbe' as const, params: { type } }],
        },
      ],
    ]);
    const state: StateConfig = { meta, on: Object.fromEntries([...submits, ...attaches]) };
    return { [id]: state };
  };
}

function finalState(meta: StepMeta): StepBuilder {
  return (id) => ({ [id]: { type: 'final', meta } });
}

/** The flow ends at one fix; the page shows the article's title and summary of it. */
export function fixEnd(slug: string, fixId: string): StepBuilder {
  const meta: FixMeta = { kind: 'fix', fix: { slug, fixId } };
  return finalState(meta);
}

/** The flow ends by handing over to another flow. */
export function handoffEnd(flow: FlowId, spec: Omit<HandoffMeta, 'kind' | 'flow'>): StepBuilder {
  return finalState({ kind: 'handoff', flow, ...spec });
}

/** The flow ends with a generated report. */
export function reportEnd(spec: Omit<ReportMeta, 'kind'>): StepBuilder {
  return finalState({ kind: 'report', ...spec });
}

/** The flow ends without a fix. */
export function plainEnd(spec: Omit<EndMeta, 'kind'>): StepBuilder {
  return finalState({ kind: 'end', ...spec });
}

/** Expands step builders into the `states` of a machine config. */
export function buildStates(steps: Record<string, StepBuilder>): Record<string, StateConfig> {
  return Object.assign({}, ...Object.entries(steps).map(([id, build]) => build(id)));
}
