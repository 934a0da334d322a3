import type { FlowContext, OptionSpec, ReportMeta } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { textOf } from '../runtime/form';

const LABELS = {
  title: { zh: '5 Why 分析', en: '5 Whys analysis' },
  problem: { zh: '问题', en: 'Problem' },
  server: { zh: '服务器', en: 'Server' },
  chain: { zh: '原因链', en: 'Why chain' },
  why: { zh: '为什么', en: 'Why' },
  evidence: { zh: '证据', en: 'Evidence' },
  root: { zh: '根本原因', en: 'Root cause' },
  countermeasures: { zh: '对策', en: 'Countermeasures' },
  action: { zh: '对策', en: 'Countermeasure' },
  owner: { zh: '负责人', en: 'Owner' },
  due: { zh: '完成日期', en: 'Due' },
  none: { zh: '（无）', en: '(none)' },
  source: { zh: '由 Fixpath 生成', en: 'Made with Fixpath' },
} as const;

/** Text safe inside Markdown: no HTML, no table breaks, one line. */
function inline(text: string): string {
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*[\]<>|]/g, (char) => `\\${char}`)
    // Underscores inside words never start emphasis; escape only the ones at word edges.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .trim();
}

const colon = (lang: Locale) => (lang === 'zh' ? '：' : ':');

function statusLabel(certainty: readonly OptionSpec[], value: string, lang: Locale): string {
  return (certainty.find((status) => status.id === value) ?? certainty[0])?.label[lang] ?? value;
}

function whyLines(meta: ReportMeta, context: FlowContext, n: number, lang: Locale): string[] {
  const cause = textOf(context.values[`why${n}.cause`]);
  if (!cause) return [];
  const status = statusLabel(meta.certainty, textOf(context.values[`why${n}.status`]), lang);
  const lines = [`${n}. **${LABELS.why[lang]} ${n}${colon(lang)}** ${inline(cause)} _(${status})_`];
  for (const entry of context.evidence.filter((item) => item.state === `why${n}Probe`)) {
    const found = entry.result ? `\`${entry.result.code}\` ${inline(entry.result.summary)}` : inline(entry.failure?.message ?? '');
    lines.push(`   - ${LABELS.evidence[lang]} (${entry.request.type.toUpperCase()})${colon(lang)} ${found}`);
  }
  return lines;
}

function countermeasureRows(context: FlowContext, lang: Locale): string[] {
  const rows = Array.isArray(context.values.countermeasures) ? context.values.countermeasures : [];
  if (rows.length === 0) return [LABELS.none[lang]];
  return [
    `| ${LABELS.action[lang]} | ${LABELS.owner[lang]} | ${LABELS.due[lang]} |`,
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${inline(row.action ?? '')} | ${inline(row.owner ?? '')} | ${inline(row.due ?? '')} |`),
  ];
}

/**
 * The 5 Whys report as Markdown: problem, the whole why chain with evidence, root cause,
 * countermeasures. `meta` is the report state's: how many whys there are and the labels
 * of their certainty.
 */
export function buildFiveWhysReport(meta: ReportMeta, context: FlowContext, lang: Locale, flowUrl?: string): string {
  const host = textOf(context.values.host);
  const port = textOf(context.values.port);
  const root = textOf(context.values.root);
  const lines = [
    `# ${LABELS.title[lang]}`,
    '',
    `**${LABELS.problem[lang]}${colon(lang)}** ${inline(textOf(context.values.problem))}`,
    ...(host ? [`**${LABELS.server[lang]}${colon(lang)}** ${inline(host)}${port ? `:${inline(port)}` : ''}`] : []),
    '',
    `## ${LABELS.chain[lang]}`,
    '',
    ...Array.from({ length: meta.whys }, (_, i) => whyLines(meta, context, i + 1, lang)).flat(),
    '',
    `## ${LABELS.root[lang]}`,
    '',
    root ? `${inline(root)} _(${statusLabel(meta.certainty, textOf(context.values['root.status']), lang)})_` : LABELS.none[lang],
    '',
    `## ${LABELS.countermeasures[lang]}`,
    '',
    ...countermeasureRows(context, lang),
    '',
    `${LABELS.source[lang]}${flowUrl ? `${colon(lang)} <${flowUrl}>` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
