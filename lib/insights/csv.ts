import 'server-only';
import type { InsightReports, ReportName } from './reports';

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading `=+-@` is defused for spreadsheets. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A report's table as CSV (RFC 4180, CRLF), the columns named as in the API. */
export function reportCsv(name: ReportName, reports: Partial<InsightReports>): string {
  switch (name) {
    case 'flow-steps':
      return table(['flow', 'step', 'visits', 'dropped', 'mean_ms'], (reports.flowSteps ?? []).map((r) => [r.flowId, r.stateId, r.visits, r.dropped, r.meanMs]));
    case 'endings':
      return table(['flow', 'ending', 'kind', 'count'], (reports.endings ?? []).map((r) => [r.flowId, r.stateId, r.kind, r.count]));
    case 'resolution-time':
      return table(['bucket', 'cases'], (reports.resolutionTime ?? []).map((r) => [r.bucket, r.cases]));
    case 'fix-success':
      return table(
        ['article', 'fix', 'links_sent', 'opened', 'customer_fixed', 'customer_not_fixed', 'customer_not_yet', 'verified', 'not_verified'],
        (reports.fixSuccess ?? []).map((r) => [r.slug, r.fixId, r.sent, r.opened, r.fixed, r.notFixed, r.notYet, r.verified, r.notVerified]),
      );
    case 'search-gaps':
      return table(['query', 'lang', 'searches', 'no_result', 'no_click'], (reports.searchGaps?.rows ?? []).map((r) => [r.query, r.lang, r.searches, r.noResult, r.noClick]));
    case 'articles':
      return table(['article', 'views', 'flow_endings', 'links_sent', 'customer_fixed', 'customer_not_fixed'], (reports.articles ?? []).map((r) => [r.slug, r.views, r.endings, r.sent, r.fixed, r.notFixed]));
  }
}
