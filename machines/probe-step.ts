import { and } from 'xstate';
import type { ProbeResult } from '../lib/probes/schema';
import { MANUAL_COMMANDS } from './commands';
import type { BranchMeta, CommandSpec, OptionSpec, ProbeMeta } from './meta';
import { buildProbeRequest } from './probe-request';
import { conditionGuard, type Goto, type Routes, type StateConfig, type StepBuilder } from './step-types';
import { question } from './steps';
import type { FlowContext, ProbeFailure, Text } from './types';

/** Text shown when a probe state falls back to asking staff. */
const FALLBACK_BODY: Text = {
  zh: 'Fixpath 这次没能从服务器端完成检测（原因见上方证据）。请让客户在自己的电脑上运行下面的命令，再按看到的结果选择。',
  en: 'Fixpath could not finish this check from its server (the evidence above says why). Ask the customer to run the command below on their machine and pick what they see.',
};
const RETRY: OptionSpec = { id: 'retry', label: { zh: '重新检测', en: 'Run the probe again' } };

/** A probe step: runs the probe, branches on the result; failures go to a manual question. */
export function probe(
  spec: Omit<ProbeMeta, 'kind' | 'otherwise' | 'fallback'> & {
    /** Where a result no branch matches goes; defaults to the manual question. */
    otherwise?: string;
    /** Skip the manual question: failures and cancel go straight here. */
    onFailure?: string;
    commands?: CommandSpec[];
  },
): StepBuilder {
  return (id) => {
    const manualId = `${id}Manual`;
    const fallback = spec.onFailure ?? manualId;
    const otherwise = spec.otherwise ?? fallback;
    const meta: ProbeMeta = {
      kind: 'probe',
      title: spec.title,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.ref ? { ref: spec.ref } : {}),
      request: spec.request,
      branches: spec.branches,
      otherwise,
      fallback,
    };
    const request = spec.request;
    const keep = (context: FlowContext, outcome: { result: ProbeResult } | { failure: ProbeFailure }) => ({
      entry: { state: id, request: buildProbeRequest(request, context), ...outcome },
    });
    const state = {
      meta,
      invoke: {
        id,
        src: 'probe' as const,
        input: ({ context }: { context: FlowContext }) => buildProbeRequest(request, context),
        onDone: [
          ...spec.branches.map((branch) => {
            const matches = {
              type: 'resultMatches' as const,
              params: ({ event }: { event: { output: ProbeResult } }) => ({ result: event.output, match: branch.match }),
            };
            return { guard: branch.when ? and([matches, conditionGuard(branch.when)]) : matches, target: branch.target };
          }),
          { target: otherwise },
        ].map((transition) => ({
          ...transition,
          actions: {
            type: 'recordEvidence' as const,
            params: ({ context, event }: { context: FlowContext; event: { output: ProbeResult } }) =>
              keep(context, { result: event.output }),
          },
        })),
        onError: {
          target: fallback,
          actions: {
            type: 'recordEvidence' as const,
            params: ({ context, event }: { context: FlowContext; event: { error: unknown } }) =>
              keep(context, { failure: toProbeFailure(event.error) }),
          },
        },
      },
      on: {
        cancel: {
          target: fallback,
          actions: {
            type: 'recordEvidence' as const,
            params: ({ context }: { context: FlowContext }) =>
              keep(context, { failure: { kind: 'cancelled', message: 'Cancelled by staff.' } }),
          },
        },
      },
    } as StateConfig;
    if (spec.onFailure) return { [id]: state };
    const manual = question({
      title: { zh: `手动检查：${spec.title.zh}`, en: `Check by hand: ${spec.title.en}` },
      body: FALLBACK_BODY,
      fallbackFor: id,
      commands: spec.commands ?? MANUAL_COMMANDS[request.type === 'attached' ? 'tcp' : request.type],
      options: [...manualOptions(spec.branches), { ...RETRY, to: id }],
    })(manualId);
    return { [id]: state, ...manual };
  };
}

function manualOptions(branches: readonly BranchMeta[]): Array<OptionSpec & { to: Goto }> {
  const options = new Map<string, OptionSpec & { to: Routes }>();
  for (const branch of branches) {
    if (!branch.manual && !options.has(branch.id)) continue;
    const option = options.get(branch.id) ?? { id: branch.id, label: branch.manual as Text, to: [] };
    option.to.push({ ...(branch.when ? { when: branch.when } : {}), target: branch.target });
    options.set(branch.id, option);
  }
  return [...options.values()];
}

/** Turns whatever a probe actor threw into a failure the UI and the link can carry. */
export function toProbeFailure(error: unknown): ProbeFailure {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const { kind, status, code, message } = error as ProbeFailure;
    return { kind, message: String(message), ...(status ? { status } : {}), ...(code ? { code } : {}) };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
