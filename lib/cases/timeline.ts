import type { TimelineEvent } from './contract';

/** One flow run on a case: its events (start, steps, probes it ran, end) shown as one group. */
export interface FlowRunGroup {
  type: 'run';
  runId: string;
  /** The flow's id, when an event of the run named it. */
  flowId: string | null;
  /** Who started the run. */
  actor: string;
  start: string;
  end: string;
  /** Whether a `flow-end` event closed it. */
  ended: boolean;
  /** The run's events, oldest first. */
  events: TimelineEvent[];
}

/** An entry of the timeline as the case page shows it: one event, or one flow run. */
export type TimelineItem = { type: 'event'; event: TimelineEvent } | FlowRunGroup;

const RUN_KINDS = new Set(['flow-run', 'flow-step', 'flow-end']);

/** The run an event belongs to: flow events by kind, and any other event (a probe) that names a run. */
function runIdOf(event: TimelineEvent): string | null {
  const runId = event.payload?.runId;
  if (typeof runId === 'string' && runId !== '') return runId;
  return null;
}

/**
 * Folds a timeline (oldest first) into what the page shows: the events of each flow run
 * (`flow-run`, `flow-step`, `flow-end` and probes carrying the same `runId`) become one group
 * at the place of its first event; everything else stays a single entry. Flow events without
 * a run id stay single entries, so nothing is ever dropped.
 */
export function groupTimeline(events: readonly TimelineEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  const runs = new Map<string, FlowRunGroup>();
  for (const event of events) {
    const runId = runIdOf(event);
    if (!runId || (!RUN_KINDS.has(event.kind) && !runs.has(runId))) {
      items.push({ type: 'event', event });
      continue;
    }
    let run = runs.get(runId);
    if (!run) {
      run = { type: 'run', runId, flowId: null, actor: event.actor, start: event.at, end: event.at, ended: false, events: [] };
      runs.set(runId, run);
      items.push(run);
    }
    run.events.push(event);
    run.end = event.at;
    if (!run.flowId && typeof event.payload.flowId === 'string') run.flowId = event.payload.flowId;
    if (event.kind === 'flow-end') run.ended = true;
  }
  return items;
}
