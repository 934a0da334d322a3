import { initialTransition, transition } from 'xstate';
import type { FlowMachine } from '@/machines';
import { eventFor } from './events';
import type { PathStep } from './path';
import { stateIdOf, type FlowSnapshot } from './state';


/** Why a recorded step does not fit the flow any more. */
interface ReplayMismatch {
  /** Index of the first step that does not fit. */
  index: number;
  /** `state`: the step was recorded in another state than the flow is in; `event`: the state does not accept it. */
  reason: 'state' | 'event';
  expectedState: string;
  step: PathStep;
}

/** The result of replaying a path: the steps that fit, a snapshot after each, and the first misfit. */
export interface Replay {
  /** The state after the last step that fits. */
  snapshot: FlowSnapshot;
  /** `snapshots[i]` is the state before step i; the last one equals `snapshot`. */
  snapshots: FlowSnapshot[];
  steps: PathStep[];
  mismatch?: ReplayMismatch;
}

/** The snapshot after `step`, or why the step does not fit `current`. */
function advance(machine: FlowMachine, current: FlowSnapshot, step: PathStep): FlowSnapshot | 'state' | 'event' {
  if (current.status !== 'active' || step.state !== stateIdOf(current)) return 'state';
  const event = eventFor(machine, current, step);
  // `can` is false when no transition takes the event, or every guard refuses it.
  if (!event || !current.can(event)) return 'event';
  return transition(machine, current, event)[0];
}

/** The replay of no steps: the flow's first state. */
export function startReplay(machine: FlowMachine): Replay {
  const [initial] = initialTransition(machine);
  return { snapshot: initial, snapshots: [initial], steps: [] };
}

/**
 * Replays a recorded path with XState's pure `transition()`: no probe runs again, so a link
 * restores exactly what was seen. Stops at the first step that no longer fits (an edited
 * flow or a tampered link).
 */
export function replayPath(machine: FlowMachine, path: readonly PathStep[]): Replay {
  let replay = startReplay(machine);
  for (const [index, step] of path.entries()) {
    const next = advance(machine, replay.snapshot, step);
    if (typeof next === 'string') return { ...replay, mismatch: { index, reason: next, expectedState: stateIdOf(replay.snapshot), step } };
    replay = { snapshot: next, snapshots: [...replay.snapshots, next], steps: [...replay.steps, step] };
  }
  return replay;
}

/** The replay with one more step, or null when the step does not fit the current state. */
export function extendReplay(machine: FlowMachine, replay: Replay, step: PathStep): Replay | null {
  const next = advance(machine, replay.snapshot, step);
  if (typeof next === 'string') return null;
  return { snapshot: next, snapshots: [...replay.snapshots, next], steps: [...replay.steps, step] };
}

/** The replay cut back to its first `count` steps (reopening an earlier step). */
export function truncateReplay(replay: Replay, count: number): Replay {
  const kept = Math.max(0, Math.min(count, replay.steps.length));
  const snapshots = replay.snapshots.slice(0, kept + 1);
  return { snapshot: snapshots[kept], snapshots, steps: replay.steps.slice(0, kept) };
}
