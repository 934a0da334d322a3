'use client';

import { useMemo, useState } from 'react';
import { buildFlowMap, stepHeading, type FixInfoMap } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowDefinition, FlowValues, StepMeta } from '@/machines';

const W = 172;
const H = 38;
const GAP_X = 44;
const GAP_Y = 10;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

type MapProps = { flow: FlowDefinition; visited: string[]; current: string; values: FlowValues; fixes: FixInfoMap; lang: Locale };

/**
 * The whole flow drawn from its machine, folded away until staff open it: drawn only then,
 * so the page's HTML and first render do not carry a picture nobody has asked for.
 */
export function FlowMap(props: MapProps) {
  const t = flowMessages[props.lang];
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-8 print:hidden" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-lg font-semibold">{t.mapTitle}</summary>
      {open ? <MapDrawing {...props} /> : null}
    </details>
  );
}

/** The map itself: rows by distance from the start, the path taken highlighted. */
function MapDrawing({ flow, visited, current, values, fixes, lang }: MapProps) {
  const t = flowMessages[lang];
  const map = useMemo(() => buildFlowMap(flow.machine), [flow]);
  const place = new Map(map.nodes.map((node) => [node.id, { x: node.depth * (W + GAP_X) + 4, y: node.order * (H + GAP_Y) + 4 }]));
  const seen = new Set(visited);
  const taken = new Set(visited.slice(1).map((id, i) => `${visited[i]}>${id}`));
  const width = map.rows * (W + GAP_X);
  const height = map.widest * (H + GAP_Y) + 8;
  const titleId = `map-${flow.info.id}`;
  return (
    <>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.mapIntro}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls, so keyboard users must be able to focus it (axe: scrollable-region-focusable) */}
      <div tabIndex={0} role="group" aria-label={t.mapTitle} className="mt-2 overflow-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700" style={{ maxHeight: '32rem' }}>
        <svg role="img" aria-labelledby={titleId} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="text-[11px]">
          <title id={titleId}>{format(t.mapLabel, { title: flow.info.title[lang], count: map.nodes.length })}</title>
          {map.edges.map((edge) => {
            const from = place.get(edge.from);
            const to = place.get(edge.to);
            if (!from || !to) return null;
            const on = taken.has(`${edge.from}>${edge.to}`);
            const [x1, y1, x2, y2] = [from.x + W, from.y + H / 2, to.x, to.y + H / 2];
            const bend = Math.max(24, Math.abs(x2 - x1) / 2);
            return (
              <path
                key={`${edge.from}>${edge.to}`}
                d={`M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`}
                fill="none"
                stroke={on ? '#1d4ed8' : '#cbd5e1'}
                strokeWidth={on ? 2.5 : 1}
                data-taken={on || undefined}
              />
            );
          })}
          {map.nodes.map((node) => {
            const at = place.get(node.id) as { x: number; y: number };
            const meta = flow.machine.states[node.id].meta as StepMeta;
            const label = stepHeading(meta, lang, values, fixes);
            const isCurrent = node.id === current;
            const final = node.final;
            return (
              <g key={node.id} data-map-node={node.id} data-visited={seen.has(node.id) || undefined}>
                <title>{label}</title>
                <rect x={at.x} y={at.y} width={W} height={H} rx={final ? 16 : 4} fill={isCurrent ? '#1e40af' : seen.has(node.id) ? '#dbeafe' : '#f8fafc'} stroke={seen.has(node.id) ? '#1d4ed8' : '#94a3b8'} strokeWidth={isCurrent ? 2.5 : 1} />
                <text x={at.x + 8} y={at.y + H / 2 + 4} fill={isCurrent ? '#ffffff' : '#0f172a'}>
                  {clip(label, lang === 'zh' ? 13 : 26)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </>
  );
}
