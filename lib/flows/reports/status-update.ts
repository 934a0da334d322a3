import type { FlowContext } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { textOf } from '../runtime/form';

/** Where an incident stands, as the status update says it. */
export type StatusPhase = 'investigating' | 'identified' | 'partial' | 'monitoring';

const PHASES: Record<StatusPhase, Record<Locale, string>> = {
  investigating: { zh: '调查中', en: 'Investigating' },
  identified: { zh: '已定位', en: 'Identified' },
  partial: { zh: '部分恢复', en: 'Partially restored' },
  monitoring: { zh: '已恢复，观察中', en: 'Restored, monitoring' },
};

/** The phases in order, each with its name in `lang`: the choices of the phase override. */
export function statusPhases(lang: Locale): Array<{ id: StatusPhase; label: string }> {
  return (Object.keys(PHASES) as StatusPhase[]).map((id) => ({ id, label: PHASES[id][lang] }));
}

const SCOPE: Record<string, Record<Locale, string>> = {
  all: { zh: '所有客户', en: 'all customers' },
  some: { zh: '部分客户', en: 'some customers' },
};

const PROGRESS: Record<StatusPhase, Record<Locale, string>> = {
  investigating: { zh: '我们正在调查原因。', en: 'We are investigating the cause.' },
  identified: { zh: '我们已经定位到可能的原因，正在处理。', en: 'We have identified the likely cause and are working on it.' },
  partial: { zh: '服务已部分恢复，我们正在处理剩余的问题。', en: 'Service is partly restored; we are working on the rest.' },
  monitoring: { zh: '修复已生效，服务已恢复正常，我们正在密切观察。', en: 'A fix is in place and service is back to normal; we are monitoring closely.' },
};

/** The phase the incident's answers point to. */
export function statusPhaseOf(context: FlowContext): StatusPhase {
  const { answers } = context;
  if (answers.restored === 'yes') return 'monitoring';
  if (answers.restored === 'partly') return 'partial';
  if (answers.isolate && answers.isolate !== 'unknown') return 'identified';
  return 'investigating';
}

/**
 * True when typed text is in another language than an update in `lang`. Only Chinese in an
 * English update counts: Chinese text routinely carries Latin names, codes and times as they are
 * ("Order API", "14:05 UTC"), while Han characters are unreadable to an English reader.
 */
function foreignTo(lang: Locale, text: string): boolean {
  return lang === 'en' && /\p{Script=Han}/u.test(text);
}

/** Chinese words in an English update: quoted, with the language named. */
const markChinese = (text: string) => `"${text}" (in Chinese, as reported)`;

/** What staff typed into the update (service, start, symptom), each on one line. */
function typed(context: FlowContext): { service: string; started: string; symptom: string } {
  const line = (name: string) => textOf(context.values[name]).replace(/\s+/g, ' ');
  return { service: line('service'), started: line('started'), symptom: line('symptom') };
}

/**
 * The words staff typed that are in another language than an update in `lang`, with their
 * language: the UI shows them marked (`lang` attribute) so they are translated before posting.
 */
export function foreignWords(context: FlowContext, lang: Locale): Array<{ text: string; lang: Locale }> {
  return Object.values(typed(context)).flatMap((text) => (foreignTo(lang, text) ? [{ text, lang: 'zh' as const }] : []));
}

/**
 * The customer status update of the incident flow, filled in from its answers; `phase`
 * overrides the phase the answers point to. Staff's own words (service, time, symptom) go
 * in as typed; Chinese words in the English update are quoted with a note saying so.
 */
export function buildStatusUpdate(context: FlowContext, lang: Locale, phase: StatusPhase = statusPhaseOf(context)): string {
  const words = typed(context);
  const mark = (text: string) => (foreignTo(lang, text) ? markChinese(text) : text);
  const [service, started, symptom] = [mark(words.service), mark(words.started), mark(words.symptom)];
  const scope = SCOPE[context.answers.scope ?? context.answers.scopeReachable ?? 'some'] ?? SCOPE.some;
  const lines =
    lang === 'zh'
      ? [
          `【${PHASES[phase].zh}】${service} 服务异常`,
          `自 ${started} 起，${scope.zh}可能遇到以下问题：${symptom}`,
          PROGRESS[phase].zh,
          '我们会在 30 分钟内再次更新。给您带来不便，非常抱歉。',
        ]
      : [
          `[${PHASES[phase].en}] ${service} disruption`,
          `Since ${started}, ${scope.en} may see the following: ${symptom}`,
          PROGRESS[phase].en,
          'We will post the next update within 30 minutes. We apologise for the disruption.',
        ];
  return `${lines.join('\n')}\n`;
}
