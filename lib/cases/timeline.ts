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
  /**
   * The run that handed over to this one (its `flow-run` names it in `from`): its id, flow, and
   * the title of the ending it had reached when this run started; null for a run started afresh.
   */
  handedOverFrom: { runId: string; flowId: string | null; ending: string | null } | null;
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

/** The run a `flow-run` event says it continues, with the ending that run had reached by then. */
function handoverOf(start: TimelineEvent, runs: ReadonlyMap<string, FlowRunGroup>): FlowRunGroup['handedOverFrom'] {
  const from = start.payload?.from as { runId?: unknown } | undefined;
  if (typeof from?.runId !== 'string' || from.runId === '') return null;
  // The API takes only a run of the same case as `from`, and it started earlier: it is on the timeline already.
  const previous = runs.get(from.runId);
  if (!previous) return null;
  const ending = previous.events.findLast((event) => event.kind === 'flow-end')?.payload.title;
  return { runId: from.runId, flowId: previous.flowId, ending: typeof ending === 'string' && ending !== '' ? ending : null };
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
      run = { type: 'run', runId, flowId: null, actor: event.actor, start: event.at, end: event.at, ended: false, events: [], handedOverFrom: null };
      runs.set(runId, run);
      items.push(run);
    }
    if (event.kind === 'flow-run') run.handedOverFrom ??= handoverOf(event, runs);
    run.events.push(event);
    run.end = event.at;
    if (!run.flowId && typeof event.payload.flowId === 'string') run.flowId = event.payload.flowId;
    if (event.kind === 'flow-end') run.ended = true;
  }
  return items;
}
