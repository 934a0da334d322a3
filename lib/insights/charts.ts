import 'server-only';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Bars a chart shows at most; the table under it has every row. */
const MAX_BARS = 12;
/** Characters of a bar's label before it is cut (the table has it whole). */
const MAX_LABEL = 30;

/** One bar: its label and its value. */
export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart as SVG markup, drawn on the server by Observable Plot into a
 * linkedom document (no browser, no JavaScript on the page). `title` becomes the image's
 * accessible name; the numbers are in the table that follows every chart.
 */
export function barChartSvg(bars: Bar[], title: string, options: { percent?: boolean } = {}): string {
  const shown = bars.slice(0, MAX_BARS).map((bar) => ({ ...bar, label: bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label }));
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 40 + 26 * Math.max(1, shown.length),
    marginLeft: 210,
    marginRight: 40,
    style: { fontSize: '12px', background: 'transparent' },
    x: { grid: true, label: null, percent: options.percent, ...(options.percent ? { domain: [0, 100] } : {}) },
    y: { label: null, domain: shown.map((bar) => bar.label) },
    marks: [
      Plot.barX(shown, { x: options.percent ? (bar: Bar) => bar.value : 'value', y: 'label', fill: '#1d4ed8' }),
      Plot.text(shown, { x: 'value', y: 'label', text: (bar: Bar) => (options.percent ? `${Math.round(bar.value * 100)}%` : String(bar.value)), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  // One image with one name: Plot names its marks' groups too, which ARIA forbids inside an image.
  for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
    part.removeAttribute('aria-label');
    part.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  return svg.outerHTML;
}
