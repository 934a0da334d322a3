/**
 * Flow benchmark: per flow, the model-based path enumeration (xstate/graph), replaying
 * the longest complete path, and encoding/decoding its link, with the link's length.
 * Prints medians of BENCH_RUNS runs (default 5). No network.
 */
import { getSimplePaths } from 'xstate/graph';
import { decodeFlowLink, encodeFlowLink } from '../lib/flows/link-codec';
import { eventToStep, type PathStep } from '../lib/flows/path';
import { stateIdOf } from '../lib/flows/state';
import { replayPath, type FlowSnapshot } from '../lib/flows/replay';
import { FLOWS } from '../machines';
import { modelEvents, serializeForModel } from '../tests/fixtures/flows/model';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function time(operation: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  return median(times);
}

type GraphPath = { state: FlowSnapshot; steps: Array<{ state: FlowSnapshot; event: { type: string } & Record<string, unknown> }> };

const rows: string[][] = [['flow', 'complete paths', 'enumerate ms', 'longest path steps', 'replay ms', 'encode ms', 'decode ms', 'link chars']];
for (const flow of Object.values(FLOWS)) {
  let complete: GraphPath[] = [];
  const enumerate = await time(() => {
    const options = { events: modelEvents(flow.machine), serializeState: serializeForModel } as never;
    complete = (getSimplePaths(flow.machine, options) as unknown as GraphPath[]).filter((path) => path.state.status === 'done');
  });
  const longest = complete.reduce((best, path) => (path.steps.length > best.steps.length ? path : best));
  const steps = longest.steps.slice(1).map(({ event }, i) => eventToStep(stateIdOf(longest.steps[i].state), event) as PathStep);
  const replay = await time(() => replayPath(flow.machine, steps));
  let query = '';
  const encode = await time(async () => {
    query = await encodeFlowLink(flow.info.id, flow.info.version, steps);
  });
  const decode = await time(() => decodeFlowLink(flow.info.id, query));
  rows.push([flow.info.id, String(complete.length), enumerate.toFixed(0), String(steps.length), replay.toFixed(2), encode.toFixed(2), decode.toFixed(2), String(query.length)]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
