import { defineFlow, probe, form, reportEnd, type FieldSpec, type OptionSpec, type Goto, type StepBuilder, type Text } from '../kit';
import { CAUSE_CATALOG } from './cause-catalog';
import { HOST_FIELD, OPTIONAL_PORT_FIELD } from './common-fields';

/** How many times the flow asks "why" at most. */
const MAX_WHYS = 5;

/** How sure staff are of a cause. */
const CAUSE_STATUS: OptionSpec[] = [
  { id: 'possible', label: { zh: '可能', en: 'Possible' } },
  { id: 'confirmed', label: { zh: '已证实', en: 'Confirmed' } },
];

const ZH_NUMBERS = ['一', '二', '三', '四', '五'];

function whyStep(n: number): Record<string, StepBuilder> {
  const deeper: Array<OptionSpec & { to: Goto }> =
    n < MAX_WHYS ? [{ id: 'deeper', label: { zh: '继续问为什么', en: 'Ask why again' }, to: `why${n + 1}` }] : [];
  const title: Text =
    n === 1
      ? { zh: '为什么一：为什么会出现这个问题？', en: 'Why 1: why does this happen?' }
      : { zh: `为什么${ZH_NUMBERS[n - 1]}：为什么会这样？`, en: `Why ${n}: why did that happen?` };
  return {
    [`why${n}`]: form({
      title,
      body: {
        zh: '写下一个原因。只有证据能证明时才标“已证实”，否则保持“可能”。可以把探测结果附上作为证据。',
        en: 'Write one cause. Mark it confirmed only when evidence shows it; otherwise it stays possible. You can attach a probe result as evidence.',
      },
      fields: [
        { name: `why${n}.cause`, kind: 'textarea', required: true, label: { zh: '原因', en: 'Cause' }, suggestions: [...CAUSE_CATALOG] },
        { name: `why${n}.status`, kind: 'choice', required: true, initial: 'possible', label: { zh: '把握程度', en: 'Certainty' }, choices: CAUSE_STATUS },
      ],
      actions: [...deeper, { id: 'root', label: { zh: '这就是根本原因', en: 'This is the root cause' }, to: 'rootCause' }],
      attach: ['dns', 'tcp', 'tls', 'http'],
      attachTo: `why${n}Probe`,
      ref: { slug: 'five-whys-rca', fixId: 'ask-why' },
    }),
    [`why${n}Probe`]: probe({
      title: { zh: '检测 {host} 作为证据', en: 'Probing {host} for evidence' },
      request: { type: 'attached', host: 'host', port: 'port' },
      // Any result is evidence: back to the same why, with the result attached.
      branches: [{ id: 'any', match: {}, target: `why${n}` }],
      onFailure: `why${n}`,
    }),
  };
}

const COUNTERMEASURE_COLUMNS: FieldSpec[] = [
  { name: 'action', kind: 'text', required: true, label: { zh: '对策', en: 'Countermeasure' } },
  { name: 'owner', kind: 'text', required: true, label: { zh: '负责人', en: 'Owner' } },
  { name: 'due', kind: 'date', required: true, label: { zh: '完成日期', en: 'Due date' } },
];

/** 5 Whys: from a symptom, up to five causes with evidence, the root cause and countermeasures, as a report. */
export const fiveWhysFlow = defineFlow({
  id: 'five-whys',
  version: 1,
  title: { zh: '5 Why 根因分析', en: '5 Whys root-cause analysis' },
  description: {
    zh: '从现象出发连问五个为什么，附上探测证据，找到根本原因并制定对策，生成可复制、可打印的报告。',
    en: 'Ask why up to five times from the symptom, attach probe evidence, find the root cause, set countermeasures and get a report to copy or print.',
  },
  initial: 'problem',
  steps: {
    problem: form({
      title: { zh: '用现象描述问题', en: 'State the problem as a symptom' },
      body: {
        zh: '写客户看到了什么、在哪里、从什么时候开始，而不是你猜的原因。例如：“上海办公室的客户端从 09:10 起无法登录，转圈后提示超时。”',
        en: 'Write what the customer sees, where and since when, not what you think the cause is. For example: "Clients in the Shanghai office cannot log in since 09:10; login spins, then times out."',
      },
      fields: [
        { name: 'problem', kind: 'textarea', required: true, label: { zh: '问题（现象）', en: 'Problem (symptom)' } },
        { ...HOST_FIELD, required: false, help: { zh: '可选：填写后可以在每一步附上探测结果。', en: 'Optional: lets you attach probe results at each step.' } },
        OPTIONAL_PORT_FIELD,
      ],
      actions: [{ id: 'next', label: { zh: '开始问为什么', en: 'Start asking why' }, to: 'why1' }],
      ref: { slug: 'five-whys-rca', fixId: 'state-the-problem' },
    }),
    ...Object.assign({}, ...Array.from({ length: MAX_WHYS }, (_, i) => whyStep(i + 1))),
    rootCause: form({
      title: { zh: '根本原因', en: 'The root cause' },
      body: {
        zh: '用一句话写下找到的最深层原因：它应该是可以修正或改变的事情，而不是某个要追责的人。',
        en: 'State the deepest cause you found in one sentence: something that can be fixed or changed, not a person to blame.',
      },
      fields: [
        { name: 'root', kind: 'textarea', required: true, label: { zh: '根本原因', en: 'Root cause' } },
        { name: 'root.status', kind: 'choice', required: true, initial: 'possible', label: { zh: '把握程度', en: 'Certainty' }, choices: CAUSE_STATUS },
      ],
      actions: [{ id: 'next', label: { zh: '制定对策', en: 'Plan countermeasures' }, to: 'countermeasures' }],
    }),
    countermeasures: form({
      title: { zh: '对策', en: 'Countermeasures' },
      body: {
        zh: '每条对策都要有负责人和完成日期。先写能防止再次发生的，再写能更早发现的。',
        en: 'Every countermeasure needs an owner and a due date. First what prevents a repeat, then what detects it sooner.',
      },
      fields: [{ name: 'countermeasures', kind: 'rows', required: true, label: { zh: '对策', en: 'Countermeasures' }, columns: COUNTERMEASURE_COLUMNS }],
      actions: [{ id: 'report', label: { zh: '生成报告', en: 'Make the report' }, to: 'report' }],
      ref: { slug: 'five-whys-rca', fixId: 'countermeasures' },
    }),
    report: reportEnd({
      template: 'five-whys',
      whys: MAX_WHYS,
      certainty: CAUSE_STATUS,
      title: { zh: '5 Why 分析报告', en: '5 Whys report' },
      body: {
        zh: '复制 Markdown 贴进工单或知识库，或者直接打印。',
        en: 'Copy the Markdown into the ticket or wiki, or print it.',
      },
      ref: { slug: 'five-whys-rca', fixId: 'countermeasures' },
    }),
  },
});
