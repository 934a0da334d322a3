'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FlowMapLayout, PlacedNode } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';

type MapProps = { layout: FlowMapLayout; title: string; visited: string[]; current: string; lang: Locale };

/**
 * The whole flow, laid out in layers on the server (see `flowMapLayout`), folded away until
 * staff open it: drawn only then, so the first render carries no picture nobody asked for.
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

const MIN_SCALE = 0.25;
const MAX_SCALE = 2;
const STEP = 1.25;
const PAN = 80;
const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 100) / 100));

/** Where a map point should appear in the viewport once a new scale is drawn. */
type Anchor = { mapX: number; mapY: number; atX: number; atY: number };

function kindName(node: PlacedNode, t: (typeof flowMessages)[Locale]): string {
  const names = { question: t.mapKindQuestion, form: t.mapKindForm, probe: t.mapKindProbe, fix: t.mapKindFix, handoff: t.mapKindHandoff, report: t.mapKindReport, end: t.mapKindEnd };
  return names[node.kind];
}

/** Zoom (buttons, keys, Ctrl + wheel, pinch), pan (scrolling, arrows, dragging), and the nodes in the order of the layers. */
function MapDrawing({ layout, title, visited, current, lang }: MapProps) {
  const t = flowMessages[lang];
  const viewport = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const scaleRef = useRef(scale);
  const anchor = useRef<Anchor | null>(null);
  const seen = new Set(visited);
  const taken = new Set(visited.slice(1).map((id, i) => `${visited[i]}>${id}`));

  /** Zooms to `next`, keeping the map point under (`atX`, `atY`) of the viewport where it is (default: the centre). */
  const zoomTo = useCallback((next: number, at?: { x: number; y: number }) => {
    const element = viewport.current;
    if (!element) return;
    const atX = at?.x ?? element.clientWidth / 2;
    const atY = at?.y ?? element.clientHeight / 2;
    const old = scaleRef.current;
    anchor.current = { mapX: (element.scrollLeft + atX) / old, mapY: (element.scrollTop + atY) / old, atX, atY };
    scaleRef.current = clamp(next);
    setScale(scaleRef.current);
  }, []);

  /** Scrolls the map (not the page) so the current step sits in the middle of the viewport. */
  const showCurrent = useCallback(() => {
    const element = viewport.current;
    const node = layout.nodes.find((candidate) => candidate.id === current);
    if (!element || !node) return;
    const s = scaleRef.current;
    element.scrollTo({ left: (node.x + node.width / 2) * s - element.clientWidth / 2, top: (node.y + node.height / 2) * s - element.clientHeight / 2 });
  }, [layout, current]);

  // After a zoom is drawn, the anchored point goes back under the pointer (or the centre).
  useLayoutEffect(() => {
    const element = viewport.current;
    const at = anchor.current;
    anchor.current = null;
    if (element && at) element.scrollTo({ left: at.mapX * scale - at.atX, top: at.mapY * scale - at.atY });
  }, [scale]);

  useEffect(() => showCurrent(), [showCurrent]);

  // Ctrl + wheel (a trackpad pinch sends the same) zooms at the pointer; a plain wheel scrolls.
  // Listened to directly: React's wheel listener is passive and cannot stop the page zooming.
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomTo(scaleRef.current * Math.exp(-event.deltaY * 0.01), { x: event.clientX - box.left, y: event.clientY - box.top });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoomTo]);

  // Two fingers pinch to zoom; a mouse drags to pan (touch pans by scrolling natively).
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const element = viewport.current;
    if (!element || event.altKey || event.ctrlKey || event.metaKey) return;
    const pans: Record<string, [number, number]> = { ArrowLeft: [-PAN, 0], ArrowRight: [PAN, 0], ArrowUp: [0, -PAN], ArrowDown: [0, PAN] };
    if (event.key === '+' || event.key === '=') zoomTo(scaleRef.current * STEP);
    else if (event.key === '-' || event.key === '_') zoomTo(scaleRef.current / STEP);
    else if (event.key === '0') {
      scaleRef.current = 1;
      setScale(1);
      requestAnimationFrame(showCurrent);
    } else if (pans[event.key]) element.scrollBy({ left: pans[event.key][0], top: pans[event.key][1] });
    else return;
    event.preventDefault();
  }

  const buttonClass = 'rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800';
  const label = format(t.mapLabel, { title, count: layout.nodes.length });
  return (
    <>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.mapIntro}</p>
      <div role="toolbar" aria-label={t.mapControls} className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} aria-keyshortcuts="-" onClick={() => zoomTo(scaleRef.current / STEP)} disabled={scale <= MIN_SCALE}>
          <span aria-hidden="true">− </span>{t.mapZoomOut}
        </button>
        <button type="button" className={buttonClass} aria-keyshortcuts="+" onClick={() => zoomTo(scaleRef.current * STEP)} disabled={scale >= MAX_SCALE}>
          <span aria-hidden="true">+ </span>{t.mapZoomIn}
        </button>
        <button type="button" className={buttonClass} aria-keyshortcuts="0" onClick={() => { scaleRef.current = 1; setScale(1); requestAnimationFrame(showCurrent); }}>
          {t.mapReset}
        </button>
        <button type="button" className={buttonClass} onClick={showCurrent}>{t.mapShowCurrent}</button>
        <span role="status" data-map-zoom={Math.round(scale * 100)} className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
          {format(t.mapZoomLevel, { percent: Math.round(scale * 100) })}
        </span>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a scrolling map: keys zoom and pan it, pointers pinch and drag it */}
      <div
        ref={viewport}
        // Focusable so those keys reach it (axe: scrollable-region-focusable); its steps follow in Tab order.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-label={label}
        data-map-viewport
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
          if (pointers.current.size === 2) pinch.current = { distance: spread(), scale: scaleRef.current };
          const element = viewport.current;
          if (event.pointerType === 'mouse' && event.button === 0 && element) drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
        }}
        onPointerMove={(event) => {
          if (!pointers.current.has(event.pointerId)) return;
          pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
          const element = viewport.current;
          if (pinch.current && pointers.current.size === 2 && element) {
            const [a, b] = [...pointers.current.values()];
            const box = element.getBoundingClientRect();
            zoomTo((pinch.current.scale * spread()) / pinch.current.distance, { x: (a.x + b.x) / 2 - box.left, y: (a.y + b.y) / 2 - box.top });
          } else if (drag.current && element) {
            element.scrollTo({ left: drag.current.left - (event.clientX - drag.current.x), top: drag.current.top - (event.clientY - drag.current.y) });
          }
        }}
        onPointerUp={(event) => {
          pointers.current.delete(event.pointerId);
          if (pointers.current.size < 2) pinch.current = null;
          drag.current = null;
        }}
        onPointerCancel={(event) => {
          pointers.current.delete(event.pointerId);
          pinch.current = null;
          drag.current = null;
        }}
        className="mt-2 h-[32rem] max-h-[70vh] touch-pan-x touch-pan-y overflow-auto overscroll-contain rounded border border-slate-200 bg-white text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700"
      >
        <div className="relative" style={{ width: layout.width * scale, height: layout.height * scale }}>
          <div className="absolute top-0 left-0 origin-top-left" style={{ width: layout.width, height: layout.height, transform: `scale(${scale})` }}>
            <svg aria-hidden="true" width={layout.width} height={layout.height} className="absolute top-0 left-0">
              <defs>
                <marker id="map-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                  <path d="M0,0 L8,4 L0,8 z" fill="#64748b" />
                </marker>
              </defs>
              {layout.edges.map((edge) => {
                const on = taken.has(`${edge.from}>${edge.to}`);
                return (
                  <polyline
                    key={`${edge.from}>${edge.to}`}
                    points={edge.points.map((point) => `${point.x},${point.y}`).join(' ')}
                    fill="none"
                    stroke={on ? '#1d4ed8' : '#94a3b8'}
                    strokeWidth={on ? 2.5 : 1}
                    markerEnd="url(#map-arrow)"
                    data-taken={on || undefined}
                  />
                );
              })}
            </svg>
            <ol aria-label={label} className="m-0 list-none p-0">
              {layout.nodes.map((node) => {
                const isCurrent = node.id === current;
                const wasSeen = seen.has(node.id);
                const look = isCurrent
                  ? 'border-blue-900 bg-blue-800 text-white ring-4 ring-amber-400'
                  : wasSeen
                    ? 'border-blue-700 bg-blue-100 text-slate-900'
                    : 'border-slate-400 bg-slate-50 text-slate-900';
                return (
                  <li
                    key={node.id}
                    // Each step is a Tab stop, so keyboard and screen-reader users can read the map step by step.
                    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                    tabIndex={0}
                    data-map-node={node.id}
                    data-visited={wasSeen || undefined}
                    data-current={isCurrent || undefined}
                    aria-current={isCurrent ? 'step' : undefined}
                    aria-label={format(t.mapNode, { kind: kindName(node, t), label: node.label, state: isCurrent ? t.mapCurrent : wasSeen ? t.mapVisited : '' })}
                    className={`absolute border [overflow-wrap:anywhere] px-[10px] py-[8px] text-[12px] leading-[16px] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${node.final ? 'rounded-2xl' : node.kind === 'probe' ? 'rounded border-dashed' : 'rounded'} ${look}`}
                    // A minimum height: should a font set wider than the layout assumed, the box grows rather than cut the label.
                    style={{ left: node.x, top: node.y, width: node.width, minHeight: node.height }}
                  >
                    {node.lines.map((line, index) => (
                      <span key={index} className="block">{line}</span>
                    ))}
                  </li>
                );
              })}
            </ol>
          </div>
        </div>
      </div>
    </>
  );
}
