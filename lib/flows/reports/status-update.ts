import type { FlowContext } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { textOf } from '../runtime/form';

type Phase = 'investigating' | 'identified' | 'partial' | 'monitoring';

const PHASES: Record<Phase, Record<Locale, string>> = {
  investigating: { zh: '调查中', en: 'Investigating' },
  identified: { zh: '已定位', en: 'Identified' },
  partial: { zh: '部分恢复', en: 'Partially restored' },
  monitoring: { zh: '已恢复，观察中', en: 'Restored, monitoring' },
};

const SCOPE: Record<string, Record<Locale, string>> = {
  all: { zh: '所有客户', en: 'all customers' },
  some: { zh: '部分客户', en: 'some customers' },
};

const PROGRESS: Record<Phase, Record<Locale, string>> = {
  investigating: { zh: '我们正在调查原因。', en: 'We are investigating the cause.' },
  identified: { zh: '我们已经定位到可能的原因，正在处理。', en: 'We have identified the likely cause and are working on it.' },
  partial: { zh: '服务已部分恢复，我们正在处理剩余的问题。', en: 'Service is partly restored; we are working on the rest.' },
  monitoring: { zh: '修复已生效，服务已恢复正常，我们正在密切观察。', en: 'A fix is in place and service is back to normal; we are monitoring closely.' },
};

function phaseOf(answers: Record<string, string>): Phase {
  if (answers.restored === 'yes') return 'monitoring';
  if (answers.restored === 'partly') return 'partial';
  if (answers.isolate && answers.isolate !== 'unknown') return 'identified';
  return 'investigating';
}

/**
 * The customer status update of the incident flow, filled in from its answers.
 * Staff's own words (service, time, symptom) go in as typed, in either language.
 */
export function buildStatusUpdate(context: FlowContext, lang: Locale): string {
  const phase = phaseOf(context.answers);
  const service = textOf(context.values.service);
  const started = textOf(context.values.started);
  const symptom = textOf(context.values.symptom).replace(/\s+/g, ' ');
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
