import 'server-only';
import dagre from '@dagrejs/dagre';
import type { FlowId, FlowValues, StepMeta } from '@/machines';
import type { Locale } from '@/lib/i18n';
import { buildFlowMap, type FlowMapLayout } from '../map';
import { stepHeading } from '../reports/fixes';
import { fixInfoFor } from './fix-info';
import { getFlow } from './flows';

/** Box width and text metrics of the map (12 px text, 16 px lines), as the drawing uses them. */
export const MAP_NODE_WIDTH = 184;
const PADDING_X = 10;
const PADDING_Y = 8;
const LINE_HEIGHT = 16;
const FONT_PX = 12;

/** The map shows no customer's values: slots read as what they stand for. */
const SLOT_NAMES: Record<Locale, FlowValues> = {
  zh: { host: '‹主机›', port: '‹端口›', url: '‹网址›' },
  en: { host: '‹host›', port: '‹port›', url: '‹URL›' },
};

/** Width of a character in 12 px text, erring wide so a wrapped label always fits its box. */
function charWidth(char: string): number {
  if (/[\u1100-\uffff]/u.test(char)) return FONT_PX;
  if (/[A-Z0-9mwMW@%]/.test(char)) return FONT_PX * 0.72;
  return FONT_PX * 0.58;
}

const widthOf = (text: string) => [...text].reduce((sum, char) => sum + charWidth(char), 0);

/**
 * A label broken into lines no wider than `max` pixels: at spaces where there are any, else
 * between characters (Chinese, or a long unbroken word); never truncated.
 */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Words with their trailing space; a Chinese run is split into characters so it can break anywhere.
  const pieces = label.match(/[\u1100-\uffff]|[^\s\u1100-\uffff]+\s*|\s+/gu) ?? [];
  for (const piece of pieces) {
    if (widthOf(line + piece.trimEnd()) <= max) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    for (const char of piece.trimEnd().length > 0 && widthOf(piece.trimEnd()) > max ? [...piece] : [piece]) {
      if (widthOf(line + char) > max && line) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += char;
    }
    line = line.trimStart();
  }
  if (line.trim()) lines.push(line.trimEnd());
  // A line never starts with closing punctuation (a lone "？"): it stays with the text before it.
  for (let i = lines.length - 1; i > 0; i -= 1) {
    const lead = /^[，。？！：；、）」』,.?!:;)]+/u.exec(lines[i])?.[0];
    if (!lead) continue;
    lines[i - 1] += lead;
    lines[i] = lines[i].slice(lead.length).trimStart();
    if (!lines[i]) lines.splice(i, 1);
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * Lays out one flow's map in layers with dagre (left to right), labels in one language and
 * wrapped in full. It is the same for every visit, so the flow page computes it on the server
 * (at build time: flow pages are static) and the browser only draws it.
 */
export function flowMapLayout(flowId: FlowId, lang: Locale): FlowMapLayout {
  const flow = getFlow(flowId);
  if (!flow) throw new Error(`No flow ${flowId}`);
  const map = buildFlowMap(flow.machine);
  const fixes = fixInfoFor(flowId, lang);
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const labels = new Map<string, { label: string; lines: string[] }>();
  for (const node of map.nodes) {
    const label = stepHeading(flow.machine.states[node.id].meta as StepMeta, lang, SLOT_NAMES[lang], fixes);
    const wrapped = wrapLabel(label, MAP_NODE_WIDTH - 2 * PADDING_X);
    labels.set(node.id, { label, lines: wrapped });
    graph.setNode(node.id, { width: MAP_NODE_WIDTH, height: wrapped.length * LINE_HEIGHT + 2 * PADDING_Y });
  }
  for (const edge of map.edges) if (edge.from !== edge.to) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const round = (value: number) => Math.round(value * 10) / 10;
  const nodes = map.nodes.map((node) => {
    const placed = graph.node(node.id);
    return {
      id: node.id,
      kind: node.kind,
      final: node.final,
      x: round(placed.x - placed.width / 2),
      y: round(placed.y - placed.height / 2),
      width: placed.width,
      height: placed.height,
      label: labels.get(node.id)?.label ?? node.id,
      lines: labels.get(node.id)?.lines ?? [],
    };
  });
  const edges = graph.edges().map(({ v, w }) => ({ from: v, to: w, points: (graph.edge(v, w).points ?? []).map((point: { x: number; y: number }) => ({ x: round(point.x), y: round(point.y) })) }));
  const { width = 0, height = 0 } = graph.graph();
  // Keyboard order follows the layers: left to right, then top to bottom within a layer.
  nodes.sort((a, b) => a.x - b.x || a.y - b.y);
  return { nodes, edges, width: Math.ceil(width), height: Math.ceil(height) };
}
