import { MANUAL_COMMANDS } from './commands';
import type { BranchMeta, CommandSpec, OptionSpec, ProbeMeta } from './meta';
import { conditionInput, type Goto, type Routes, type StateConfig, type StepBuilder } from './step-types';
import { question } from './steps';
import type { CancelEvent, FlowContext, ProbeDoneEvent, ProbeFailedEvent, Text } from './types';

/** Text shown when a probe state falls back to asking staff. */
const FALLBACK_BODY: Text = {
  zh: 'Fixpath 这次没能从服务器端完成检测（原因见上方证据）。请让客户在自己的电脑上运行下面的命令，再按看到的结果选择。',
  en: 'Fixpath could not finish this check from its server (the evidence above says why). Ask the customer to run the command below on their machine and pick what they see.',
};
const RETRY: OptionSpec = { id: 'retry', label: { zh: '重新检测', en: 'Run the probe again' } };

/**
 * A probe step. The state itself runs nothing: the runtime sees a probe state, runs the
 * request its meta describes and sends `PROBE.DONE` (branching on the result) or
 * `PROBE.FAILED`; staff may `cancel`. Failures go to a manual question.
 */
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
    const recordResult = {
      type: 'recordEvidence' as const,
      params: ({ event }: { event: ProbeDoneEvent }) => ({ entry: { state: id, request: event.request, result: event.result } }),
    };
    const branches = spec.branches.map((branch) => ({
      guard: {
        type: 'resultMatches' as const,
        params: ({ context, event }: { context: FlowContext; event: ProbeDoneEvent }) => ({
          result: event.result,
          match: branch.match,
          when: conditionInput(branch.when, context, event),
        }),
      },
      target: branch.target,
      actions: recordResult,
    }));
    const state = {
      meta,
      on: {
        'PROBE.DONE': [...branches, { target: otherwise, actions: recordResult }],
        'PROBE.FAILED': {
          target: fallback,
          actions: {
            type: 'recordEvidence' as const,
            params: ({ event }: { event: ProbeFailedEvent }) => ({ entry: { state: id, request: event.request, failure: event.failure } }),
          },
        },
        cancel: {
          target: fallback,
          actions: {
            type: 'recordEvidence' as const,
            params: ({ event }: { event: CancelEvent }) => ({
              entry: { state: id, request: event.request, failure: { kind: 'cancelled' as const, message: 'Cancelled by staff.' } },
            }),
          },
        },
      },
    } satisfies StateConfig;
    if (spec.onFailure) return { [id]: state };
    const manual = question({
      title: { zh: `手动检查：${spec.title.zh}`, en: `Check by hand: ${spec.title.en}` },
      body: FALLBACK_BODY,
      fallbackFor: id,
      commands: spec.commands ?? MANUAL_COMMANDS[spec.request.type === 'attached' ? 'tcp' : spec.request.type],
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
