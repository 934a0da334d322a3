import Link from 'next/link';
import { getFlow } from '@/lib/flows/server';
import { format, insightsMessages, type Locale } from '@/lib/i18n';
import { barChartSvg, type InsightReports, type ReportName } from '@/lib/insights/server';
import { ReportSection } from './report-section';

/** A flow's title in `lang`, or its id when the flow is gone. */
function flowTitle(flowId: string, lang: Locale): string {
  return getFlow(flowId)?.info.title[lang] ?? flowId;
}

/** A step's title in `lang` (a fix ending has none of its own: its id), or the id when the step is gone. */
function stepTitle(flowId: string, stateId: string, lang: Locale): string {
  const states = getFlow(flowId)?.machine.states as Record<string, { meta?: { title?: Record<Locale, string> } }> | undefined;
  const title = states && Object.hasOwn(states, stateId) ? states[stateId].meta?.title?.[lang] : undefined;
  return title ?? stateId;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** The six reports, each a chart over an accessible table with its CSV; `query` is the filters' query string. */
export function InsightsReport({ lang, reports, query }: { lang: Locale; reports: InsightReports; query: string }) {
  const t = insightsMessages[lang];
  const csv = (name: ReportName) => `/api/insights/${name}.csv?${query}`;
  const common = (name: ReportName, title: string) => ({ noData: t.noData, csvHref: csv(name), csvLabel: format(t.downloadCsv, { report: title }) });
  const chartTitle = (title: string) => format(t.chartOf, { report: title });
  const { flowSteps, endings, resolutionTime, fixSuccess, searchGaps, articles } = reports;
  const seconds = (ms: number | null) => (ms === null ? t.none : format(t.ms, { s: (ms / 1000).toFixed(1) }));
  const stepName = (row: { flowId: string; stateId: string }) => `${flowTitle(row.flowId, lang)} · ${stepTitle(row.flowId, row.stateId, lang)}`;
  const byDrop = [...flowSteps].sort((a, b) => b.dropped - a.dropped);
  const link = 'text-blue-800 underline hover:no-underline dark:text-blue-300';
  return (
    <>
      <ReportSection
        id="flow-steps"
        title={t.stepsTitle}
        intro={t.stepsIntro}
        chart={barChartSvg(byDrop.map((row) => ({ label: stepName(row), value: row.visits > 0 ? row.dropped / row.visits : 0 })), chartTitle(t.stepsTitle), { percent: true })}
        columns={[t.colFlow, t.colStep, t.colVisits, t.colDropped, t.colDropRate, t.colMean]}
        rows={flowSteps.map((row) => [flowTitle(row.flowId, lang), stepTitle(row.flowId, row.stateId, lang), row.visits, row.dropped, percent(row.dropped, row.visits), seconds(row.meanMs)])}
        {...common('flow-steps', t.stepsTitle)}
      />
      <ReportSection
        id="endings"
        title={t.endingsTitle}
        intro={t.endingsIntro}
        chart={barChartSvg(endings.map((row) => ({ label: stepName(row), value: row.count })), chartTitle(t.endingsTitle))}
        columns={[t.colFlow, t.colEnding, t.colKind, t.colCount]}
        rows={endings.map((row) => [flowTitle(row.flowId, lang), stepTitle(row.flowId, row.stateId, lang), row.kind, row.count])}
        {...common('endings', t.endingsTitle)}
      />
      <ReportSection
        id="resolution-time"
        title={t.resolutionTitle}
        intro={t.resolutionIntro}
        chart={barChartSvg(resolutionTime.map((row) => ({ label: t[`bucket.${row.bucket}`], value: row.cases })), chartTitle(t.resolutionTitle))}
        columns={[t.colBucket, t.colCases]}
        rows={resolutionTime.some((row) => row.cases > 0) ? resolutionTime.map((row) => [t[`bucket.${row.bucket}`], row.cases]) : []}
        {...common('resolution-time', t.resolutionTitle)}
      />
      <ReportSection
        id="fix-success"
        title={t.fixesTitle}
        intro={t.fixesIntro}
        chart={barChartSvg(fixSuccess.map((row) => ({ label: `${row.slug}#${row.fixId}`, value: row.sent > 0 ? row.fixed / row.sent : 0 })), chartTitle(t.fixesTitle), { percent: true })}
        columns={[t.colArticle, t.colFix, t.colSent, t.colOpened, t.colFixed, t.colNotFixed, t.colNotYet, t.colVerified, t.colNotVerified, t.colFixedRate]}
        rows={fixSuccess.map((row) => [
          <Link key="a" href={`/${lang}/articles/${row.slug}#${row.fixId}`} className={link}>
            {row.slug}
          </Link>,
          row.fixId,
          row.sent,
          row.opened,
          row.fixed,
          row.notFixed,
          row.notYet,
          row.verified,
          row.notVerified,
          percent(row.fixed, row.sent),
        ])}
        {...common('fix-success', t.fixesTitle)}
      />
      <ReportSection
        id="search-gaps"
        title={t.gapsTitle}
        intro={t.gapsIntro}
        extra={<p className="mt-2" data-testid="search-totals">{format(t.gapsTotals, { ...searchGaps.totals })}</p>}
        chart={barChartSvg(searchGaps.rows.map((row) => ({ label: row.query, value: row.noResult + row.noClick })), chartTitle(t.gapsTitle))}
        columns={[t.colQuery, t.colLang, t.colSearches, t.colNoResult, t.colNoClick, t.openSearch]}
        rows={searchGaps.rows.map((row) => [
          row.query,
          row.lang,
          row.searches,
          row.noResult,
          row.noClick,
          <a key="open" href={`/${row.lang}?${new URLSearchParams({ search: row.query })}`} aria-label={format(t.openSearchLabel, { query: row.query })} className={link}>
            {t.openSearch}
          </a>,
        ])}
        {...common('search-gaps', t.gapsTitle)}
      />
      <ReportSection
        id="articles"
        title={t.articlesTitle}
        intro={t.articlesIntro}
        chart={barChartSvg(articles.map((row) => ({ label: row.slug, value: row.views })), chartTitle(t.articlesTitle))}
        columns={[t.colArticle, t.colViews, t.colEndings, t.colSent, t.colFixed, t.colNotFixed]}
        rows={articles.map((row) => [
          <Link key="a" href={`/${lang}/articles/${row.slug}`} className={link}>
            {row.slug}
          </Link>,
          row.views,
          row.endings,
          row.sent,
          row.fixed,
          row.notFixed,
        ])}
        {...common('articles', t.articlesTitle)}
      />
    </>
  );
}
