import type { FlowDefinition, StepMeta } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { articleFixHref, customerFixHref, flowHref } from '../hrefs';
import type { Replay } from '../runtime/replay';
import { stateIdOf, stateMetaOf } from '../runtime/state';
import { evidenceFacts, FACT_LABELS } from './evidence';
import { isCustomerFix, stepBody, stepHeading, type FixInfoMap } from './fixes';
import { summarizeSteps } from './step-summary';
import { labelled, targetOf } from './text';

const LABELS = {
  heading: { zh: 'Fixpath 排查记录', en: 'Fixpath case notes' },
  server: { zh: '服务器', en: 'Server' },
  conclusion: { zh: '结论', en: 'Conclusion' },
  stoppedAt: { zh: '停在', en: 'Stopped at' },
  fix: { zh: '修复方法', en: 'Fix' },
  customerLink: { zh: '发给客户的链接', en: 'Link for the customer' },
  nextFlow: { zh: '下一步流程', en: 'Next flow' },
  flowLink: { zh: '流程链接', en: 'Flow link' },
  probesNote: {
    zh: '探测从 Fixpath 服务器发出，不是从客户的电脑。',
    en: "Probes ran from the Fixpath server, not from the customer's machine.",
  },
} as const;

/** What the case notes need besides the path. */
export interface CaseNotesInput {
  flow: FlowDefinition;
  replay: Replay;
  lang: Locale;
  /** Site origin for absolute links, e.g. `https://fixpath.example.com`. */
  origin: string;
  /** The flow link's query string (`v=…&p=…`). */
  flowQuery: string;
  /** Titles and summaries of the fixes the flow ends at, from the articles. */
  fixes: FixInfoMap;
}

function endingLines(meta: StepMeta, input: CaseNotesInput): string[] {
  const { lang, origin, replay, fixes } = input;
  const values = replay.snapshot.context.values;
  const lines = [labelled(LABELS.conclusion[lang], stepHeading(meta, lang, values, fixes), lang)];
  const body = stepBody(meta, lang, values, fixes);
  if (body) lines.push(body);
  if (meta.kind === 'fix') {
    lines.push(labelled(LABELS.fix[lang], `${origin}${articleFixHref(lang, meta.fix)}`, lang));
    if (isCustomerFix(meta.fix, fixes)) lines.push(labelled(LABELS.customerLink[lang], `${origin}${customerFixHref(lang, meta.fix, targetOf(values))}`, lang));
  }
  if (meta.kind === 'handoff') lines.push(labelled(LABELS.nextFlow[lang], `${origin}${flowHref(lang, meta.flow)}`, lang));
  return lines;
}

/**
 * The plain-text transcript staff paste into a ticket: every answer, each probe's code
 * and key details, the conclusion, the fix link and the flow link.
 */
export function buildCaseNotes(input: CaseNotesInput): string {
  const { flow, replay, lang, origin } = input;
  const target = targetOf(replay.snapshot.context.values);
  const lines = [labelled(LABELS.heading[lang], flow.info.title[lang], lang)];
  if (target.host) lines.push(labelled(LABELS.server[lang], `${target.host}${target.port ? `:${target.port}` : ''}`, lang));
  if (replay.snapshot.context.evidence.length > 0) lines.push(LABELS.probesNote[lang]);
  lines.push('');
  for (const step of summarizeSteps(flow.machine, replay, lang)) {
    lines.push(`${step.index + 1}. ${step.title}`, `   ${step.answer}`);
    if (step.evidence?.result) {
      for (const fact of evidenceFacts(step.evidence, lang)) lines.push(`   ${labelled(FACT_LABELS[fact.key][lang], fact.value, lang)}`);
    }
  }
  lines.push('');
  const current = stateMetaOf(flow.machine, stateIdOf(replay.snapshot)) as StepMeta;
  if (replay.snapshot.status === 'done') lines.push(...endingLines(current, input));
  else lines.push(labelled(LABELS.stoppedAt[lang], stepHeading(current, lang, replay.snapshot.context.values), lang));
  lines.push(labelled(LABELS.flowLink[lang], `${origin}${flowHref(lang, flow.info.id, input.flowQuery)}`, lang));
  return `${lines.join('\n')}\n`;
}
