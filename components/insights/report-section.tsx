import type { ReactNode } from 'react';

const CELL = 'border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700';

/** What one report shows: its heading, the chart (SVG markup drawn on the server), the table and the CSV link. */
export interface ReportSectionProps {
  id: string;
  title: string;
  intro: string;
  /** SVG markup from barChartSvg; absent when there is nothing to draw. */
  chart?: string;
  columns: string[];
  /** Cells of each row; numbers are right-aligned. */
  rows: ReactNode[][];
  noData: string;
  csvHref: string;
  csvLabel: string;
  /** Under the heading, before the chart (the search totals). */
  extra?: ReactNode;
}

/**
 * One report: a chart from the server with the same numbers in an accessible table under it,
 * and the table as CSV. The table scrolls sideways inside a focusable region on a phone.
 */
export function ReportSection({ id, title, intro, chart, columns, rows, noData, csvHref, csvLabel, extra }: ReportSectionProps) {
  return (
    <section aria-labelledby={id} className="mt-10" data-report={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700 dark:text-slate-300">{intro}</p>
      {extra}
      {rows.length === 0 ? (
        <p className="mt-4">{noData}</p>
      ) : (
        <>
          {chart ? <div className="mt-4 max-w-2xl text-slate-800 dark:text-slate-200" dangerouslySetInnerHTML={{ __html: chart }} /> : null}
          {/* A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable), so it takes focus. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-labelledby={id}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  {columns.map((heading) => (
                    <th key={heading} scope="col" className={`${CELL} font-semibold whitespace-nowrap`}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((cells, index) => (
                  <tr key={index}>
                    {cells.map((value, at) => (
                      <td key={at} className={`${CELL} ${typeof value === 'number' ? 'text-right tabular-nums' : '[overflow-wrap:anywhere]'}`}>
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="mt-2 text-sm">
        <a href={csvHref} download className="text-blue-800 underline hover:no-underline dark:text-blue-300">
          {csvLabel}
        </a>
      </p>
    </section>
  );
}
