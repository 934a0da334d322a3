import type { Evidence, FieldSpec, FlowMachine, FlowValues, StepMeta } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { impliedAnswerOf, impliedReason } from '../runtime/implied';
import type { PathStep } from '../runtime/path';
import type { Replay } from '../runtime/replay';
import { stateMetaOf } from '../runtime/state';
import { failureText } from './evidence';
import { stepHeading } from './fixes';
import { labelled, listSeparator } from './text';

/** One step of the path in words: what was asked and what was answered or found. */
export interface StepSummary {
  index: number;
  stateId: string;
  meta: StepMeta;
  /** The question or probe, with the flow's values filled in. */
  title: string;
  /** The answer, the submitted values, or the probe's code and summary. */
  answer: string;
  /** The probe run recorded by this step. */
  evidence?: Evidence;
  /** Why the runtime answered this question by itself ("implied by https:// in the URL"). */
  implied?: string;
  /**
   * True for a form's "attach a probe" submit and the probe run it started: evidence for the
   * form step staff are still on, not steps of their own (the runner numbers steps without them).
   */
  attached?: boolean;
}

function fieldText(field: FieldSpec, value: FlowValues[string] | undefined, lang: Locale): string {
  if (Array.isArray(value)) {
    return value.map((row) => (field.columns ?? []).map((column) => row[column.name] ?? '').join(' / ')).join('; ');
  }
  const text = (value ?? '').trim();
  const choice = field.choices?.find((option) => option.id === text);
  return choice ? choice.label[lang] : text;
}

/** The values of a submitted form as `label: value` pairs, empty fields left out. */
function submittedText(meta: StepMeta, values: FlowValues, lang: Locale): string {
  if (meta.kind !== 'form') return '';
  return meta.fields
    .map((field) => [field.label[lang], fieldText(field, values[field.name], lang)] as const)
    .filter(([, text]) => text !== '')
    .map(([label, text]) => labelled(label, text, lang))
    .join(listSeparator(lang));
}

const ATTACH_LABEL = { zh: '附上 {type} 探测结果', en: 'Attach a {type} probe' };

/** The label of the button that submitted a form (`attach-<type>` buttons included). */
function actionLabel(meta: StepMeta, action: string, lang: Locale): string {
  const attach = /^attach-(\w+)$/.exec(action);
  if (attach) return ATTACH_LABEL[lang].replace('{type}', attach[1].toUpperCase());
  return meta.kind === 'form' ? (meta.actions.find((option) => option.id === action)?.label[lang] ?? action) : action;
}

function answerText(step: PathStep, meta: StepMeta, lang: Locale): string {
  switch (step.kind) {
    case 'answer':
      return meta.kind === 'question' ? (meta.options.find((option) => option.id === step.option)?.label[lang] ?? step.option) : step.option;
    case 'submit':
      // A form's only button says nothing the values do not; name it when there was a choice.
      return [meta.kind === 'form' && meta.actions.length === 1 && !step.action.startsWith('attach-') ? '' : actionLabel(meta, step.action, lang), submittedText(meta, step.values, lang)]
        .filter(Boolean)
        .join(' | ');
    case 'probe':
      return `${step.result.code}: ${step.result.summary}`;
    case 'probe-error':
      return failureText(step.failure, lang);
    case 'cancel':
      return failureText({ kind: 'cancelled', message: '' }, lang);
  }
}

function isAttach(step: PathStep): boolean {
  return step.kind === 'submit' && step.action.startsWith('attach-');
}

/** The recorded path in words, one entry per step. */
export function summarizeSteps(machine: FlowMachine, replay: Replay, lang: Locale): StepSummary[] {
  return replay.steps.map((step, index) => {
    const meta = stateMetaOf(machine, step.state) as StepMeta;
    const after = replay.snapshots[index + 1].context;
    const rule = step.kind === 'answer' && step.implied ? impliedAnswerOf(meta, replay.snapshots[index].context) : null;
    const recorded = step.kind === 'probe' || step.kind === 'probe-error' || step.kind === 'cancel';
    const previous = replay.steps[index - 1];
    const attached = isAttach(step) || (recorded && previous !== undefined && isAttach(previous));
    return {
      ...(attached ? { attached } : {}),
      index,
      stateId: step.state,
      meta,
      title: stepHeading(meta, lang, after.values),
      answer: answerText(step, meta, lang),
      ...(rule ? { implied: impliedReason(rule, after, lang) } : {}),
      ...(recorded ? { evidence: after.evidence[after.evidence.length - 1] } : {}),
    };
  });
}
