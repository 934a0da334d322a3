import { and, type EventObject } from 'xstate';
import { fixSummary } from './fixes';
import type { EndMeta, FormMeta, HandoffMeta, OptionSpec, QuestionMeta, ReportMeta, StepMeta } from './meta';
import { conditionGuard, routesOf, valuesOf, type Goto, type StateConfig, type StepBuilder } from './step-types';
import type { FlowId, Text } from './types';

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
          ...(when ? { guard: conditionGuard(when) } : {}),
          target,
          actions: { type: 'recordAnswer' as const, params: { state: id, option: option.id } },
        })),
      ]),
    );
    return { [id]: { meta, on } };
  };
}

/** A form; each action submits it (only when valid) and leads on. */
export function form(
  spec: Omit<FormMeta, 'kind' | 'actions'> & {
    actions: Array<OptionSpec & { to: Goto }>;
    /** Where the `submit.attach-<type>` buttons lead (a probe state). */
    attachTo?: string;
  },
): StepBuilder {
  const { actions, attachTo, ...rest } = spec;
  const valid = {
    type: 'formValid' as const,
    params: ({ event }: { event: EventObject }) => ({ fields: spec.fields, values: valuesOf(event) }),
  };
  // Attaching evidence must work before the cause is written, so required fields may still be empty.
  const optional = spec.fields.map((field) => ({ ...field, required: false }));
  const validSoFar = {
    type: 'formValid' as const,
    params: ({ event }: { event: EventObject }) => ({ fields: optional, values: valuesOf(event) }),
  };
  const record = {
    type: 'recordValues' as const,
    params: ({ event }: { event: EventObject }) => ({ values: valuesOf(event) }),
  };
  return (id) => {
    const meta: FormMeta = { kind: 'form', ...rest, actions: actions.map(({ id: a, label }) => ({ id: a, label })) };
    const on: Record<string, unknown> = Object.fromEntries(
      actions.map((action) => [
        `submit.${action.id}`,
        routesOf(action.to).map(({ when, target }) => ({
          guard: when ? and([valid, conditionGuard(when)]) : valid,
          target,
          actions: [record, { type: 'chooseAttachedProbe' as const, params: { type: null } }],
        })),
      ]),
    );
    for (const type of attachTo ? (spec.attach ?? []) : []) {
      on[`submit.attach-${type}`] = {
        guard: and([validSoFar, conditionGuard({ field: 'host', test: 'filled' })]),
        target: attachTo,
        actions: [record, { type: 'chooseAttachedProbe' as const, params: { type } }],
      };
    }
    return { [id]: { meta, on } as StateConfig };
  };
}

function finalState(meta: StepMeta): StepBuilder {
  return (id) => ({ [id]: { type: 'final', meta } as StateConfig });
}

/** The flow ends at one fix; title and summary come from the fix catalog unless given. */
export function fixEnd(slug: string, fixId: string, title?: Text): StepBuilder {
  const summary = fixSummary(slug, fixId);
  return finalState({ kind: 'fix', title: title ?? summary.title, body: summary.summary, fix: { slug, fixId } });
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
