import { toDirectedGraph } from 'xstate/graph';
import type { FlowMachine, StepMeta } from '@/machines';

/** One state on the flow map, placed by its distance from the start. */
interface MapNode {
  id: string;
  kind: StepMeta['kind'];
  /** True for a state that ends the flow. */
  final: boolean;
  /** Steps from the first state along the shortest route (the row). */
  depth: number;
  /** Position within its row. */
  order: number;
}

/** All transitions between two states, merged into one arrow. */
interface MapEdge {
  from: string;
  to: string;
  /** The event types that take it (`answer.yes`, `PROBE.DONE`, `always` …). */
  events: string[];
}

/** A flow drawn from its machine: nodes in rows by depth, merged edges. */
export interface FlowMap {
  nodes: MapNode[];
  edges: MapEdge[];
  rows: number;
  widest: number;
}

function collectEdges(machine: FlowMachine): MapEdge[] {
  const merged = new Map<string, MapEdge>();
  const add = (from: string, to: string, event: string) => {
    const key = `${from}>${to}`;
    const edge = merged.get(key) ?? { from, to, events: [] };
    if (!edge.events.includes(event)) edge.events.push(event);
    merged.set(key, edge);
  };
  for (const node of toDirectedGraph(machine).children) {
    for (const edge of node.edges) add(edge.source.key, edge.target.key, edge.label.text);
  }
  // toDirectedGraph leaves out eventless (`always`) transitions; add them from the state nodes.
  for (const [id, node] of Object.entries(machine.states)) {
    for (const always of node.always ?? []) for (const target of always.target ?? []) add(id, target.key, 'always');
  }
  return [...merged.values()];
}

/** Lays out a flow's states for drawing: rows by shortest distance from the start. */
export function buildFlowMap(machine: FlowMachine): FlowMap {
  const edges = collectEdges(machine);
  const ids = Object.keys(machine.states);
  const depth = new Map<string, number>([[String(machine.config.initial), 0]]);
  const queue = [String(machine.config.initial)];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const edge of edges.filter((candidate) => candidate.from === id)) {
      if (depth.has(edge.to)) continue;
      depth.set(edge.to, (depth.get(id) ?? 0) + 1);
      queue.push(edge.to);
    }
  }
  const rows = new Map<number, number>();
  const nodes = ids.map((id) => {
    const row = depth.get(id) ?? Math.max(0, ...depth.values()) + 1;
    const order = rows.get(row) ?? 0;
    rows.set(row, order + 1);
    return { id, kind: (machine.states[id].meta as StepMeta).kind, final: machine.states[id].type === 'final', depth: row, order };
  });
  return { nodes, edges, rows: Math.max(...nodes.map((node) => node.depth)) + 1, widest: Math.max(...rows.values()) };
}

/** One state of a laid-out map: where its box is (top-left, in map pixels) and its label in lines. */
export interface PlacedNode {
  id: string;
  kind: StepMeta['kind'];
  final: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The full label, as screen readers announce it. */
  label: string;
  /** The full label, wrapped: nothing is cut off. */
  lines: string[];
}

/** A flow's map laid out in layers, ready to draw: node boxes, edge routes, the map's size. */
export interface FlowMapLayout {
  nodes: PlacedNode[];
  edges: Array<{ from: string; to: string; points: Array<{ x: number; y: number }> }>;
  width: number;
  height: number;
}
