/**
 * Flow benchmark: per flow, the model-based path enumeration (xstate/graph), replaying
 * the longest complete path, and encoding/decoding its link, with the link's length.
 * Prints medians of BENCH_RUNS runs (default 5). No network.
 */
import { getSimplePaths, type StatePath } from 'xstate/graph';
import { encodeFlowLink, replayPath, restoreFlowLink, type FlowSnapshot } from '../lib/flows';
import { FLOWS, type FlowEvent } from '../machines';
import { modelEvents, pathSteps, serializeForModel } from '../tests/fixtures/flows/model';

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


const rows: string[][] = [['flow', 'complete paths', 'enumerate ms', 'longest path steps', 'replay ms', 'encode ms', 'restore ms', 'link chars']];
for (const flow of Object.values(FLOWS)) {
  let complete: Array<StatePath<FlowSnapshot, FlowEvent>> = [];
  const enumerate = await time(() => {
    complete = getSimplePaths(flow.machine, { events: modelEvents(flow.machine), serializeState: serializeForModel }).filter((path) => path.state.status === 'done');
  });
  const longest = complete.reduce((best, path) => (path.steps.length > best.steps.length ? path : best));
  const steps = pathSteps(longest);
  const replay = await time(() => replayPath(flow.machine, steps));
  let query = '';
  const encode = await time(async () => {
    query = await encodeFlowLink(flow.info.id, flow.info.version, steps);
  });
  // Decoding a link now includes replaying it: what opening a link costs.
  const decode = await time(() => restoreFlowLink(flow, query));
  rows.push([flow.info.id, String(complete.length), enumerate.toFixed(0), String(steps.length), replay.toFixed(2), encode.toFixed(2), decode.toFixed(2), String(query.length)]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
