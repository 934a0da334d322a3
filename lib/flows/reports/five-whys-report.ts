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

/** One "why" of the chain, with the probe evidence attached to it. */
interface ReportWhy {
  n: number;
  cause: string;
  status: string;
  evidence: Array<{ type: string; code?: string; text: string }>;
}

/** The 5 Whys report as data: what the printed report and the Markdown are both made from. */
export interface FiveWhysReport {
  /** Every heading and label, in the report's language. */
  labels: { [K in keyof typeof LABELS]: string };
  problem: string;
  /** `host:port`, or '' when no server was given. */
  server: string;
  whys: ReportWhy[];
  root: string;
  rootStatus: string;
  countermeasures: Array<{ action: string; owner: string; due: string }>;
}

/** The report's content read from the flow's values: problem, why chain with evidence, root cause, countermeasures. */
export function fiveWhysReportOf(meta: ReportMeta, context: FlowContext, lang: Locale): FiveWhysReport {
  const host = textOf(context.values.host);
  const port = textOf(context.values.port);
  const whys = Array.from({ length: meta.whys }, (_, i) => i + 1).flatMap((n): ReportWhy[] => {
    const cause = textOf(context.values[`why${n}.cause`]);
    if (!cause) return [];
    const evidence = context.evidence
      .filter((item) => item.state === `why${n}Probe`)
      .map((entry) => ({ type: entry.request.type.toUpperCase(), ...(entry.result ? { code: entry.result.code } : {}), text: entry.result ? entry.result.summary : (entry.failure?.message ?? '') }));
    return [{ n, cause, status: statusLabel(meta.certainty, textOf(context.values[`why${n}.status`]), lang), evidence }];
  });
  const rows = Array.isArray(context.values.countermeasures) ? context.values.countermeasures : [];
  const root = textOf(context.values.root);
  return {
    labels: Object.fromEntries(Object.entries(LABELS).map(([key, text]) => [key, text[lang]])) as FiveWhysReport['labels'],
    problem: textOf(context.values.problem),
    server: host ? `${host}${port ? `:${port}` : ''}` : '',
    whys,
    root,
    rootStatus: root ? statusLabel(meta.certainty, textOf(context.values['root.status']), lang) : '',
    countermeasures: rows.map((row) => ({ action: row.action ?? '', owner: row.owner ?? '', due: row.due ?? '' })),
  };
}

function whyLines(why: ReportWhy, report: FiveWhysReport, lang: Locale): string[] {
  const { labels } = report;
  return [
    `${why.n}. **${labels.why} ${why.n}${colon(lang)}** ${inline(why.cause)} _(${why.status})_`,
    ...why.evidence.map((entry) => `   - ${labels.evidence} (${entry.type})${colon(lang)} ${entry.code ? `\`${entry.code}\` ` : ''}${inline(entry.text)}`),
  ];
}

function countermeasureRows(report: FiveWhysReport): string[] {
  const { labels, countermeasures } = report;
  if (countermeasures.length === 0) return [labels.none];
  return [
    `| ${labels.action} | ${labels.owner} | ${labels.due} |`,
    '| --- | --- | --- |',
    ...countermeasures.map((row) => `| ${inline(row.action)} | ${inline(row.owner)} | ${inline(row.due)} |`),
  ];
}

/**
 * The 5 Whys report as Markdown: problem, the whole why chain with evidence, root cause,
 * countermeasures. `meta` is the report state's: how many whys there are and the labels
 * of their certainty.
 */
export function buildFiveWhysReport(meta: ReportMeta, context: FlowContext, lang: Locale, flowUrl?: string): string {
  const report = fiveWhysReportOf(meta, context, lang);
  const { labels } = report;
  const lines = [
    `# ${labels.title}`,
    '',
    `**${labels.problem}${colon(lang)}** ${inline(report.problem)}`,
    ...(report.server ? [`**${labels.server}${colon(lang)}** ${inline(report.server)}`] : []),
    '',
    `## ${labels.chain}`,
    '',
    ...report.whys.flatMap((why) => whyLines(why, report, lang)),
    '',
    `## ${labels.root}`,
    '',
    report.root ? `${inline(report.root)} _(${report.rootStatus})_` : labels.none,
    '',
    `## ${labels.countermeasures}`,
    '',
    ...countermeasureRows(report),
    '',
    `${labels.source}${flowUrl ? `${colon(lang)} <${flowUrl}>` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
