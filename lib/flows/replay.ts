import { initialTransition, transition } from 'xstate';
import type { FlowMachine } from '../../machines';
import { stepToEvent, type PathStep } from './path';
import { stateIdOf } from './state';

/** A flow's state after some steps. */
export type FlowSnapshot = ReturnType<FlowMachine['getInitialSnapshot']>;

/** Why a recorded step does not fit the flow any more. */
export interface ReplayMismatch {
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

/**
 * Replays a recorded path with XState's pure `transition()`: no probe runs again and no
 * actor starts, so a link restores exactly what was seen. Stops at the first step that
 * no longer fits (an edited flow or a tampered link).
 */
export function replayPath(machine: FlowMachine, path: readonly PathStep[]): Replay {
  const [initial] = initialTransition(machine);
  const snapshots: FlowSnapshot[] = [initial];
  const steps: PathStep[] = [];
  for (const [index, step] of path.entries()) {
    const current = snapshots[snapshots.length - 1];
    const expectedState = stateIdOf(current);
    if (current.status !== 'active' || step.state !== expectedState) {
      return { snapshot: current, snapshots, steps, mismatch: { index, reason: 'state', expectedState, step } };
    }
    const event = stepToEvent(step);
    // `can` is false when no transition takes the event, or every guard refuses it.
    if (!current.can(event as never)) {
      return { snapshot: current, snapshots, steps, mismatch: { index, reason: 'event', expectedState, step } };
    }
    const [next] = transition(machine, current, event as never);
    snapshots.push(next);
    steps.push(step);
  }
  return { snapshot: snapshots[snapshots.length - 1], snapshots, steps };
}

/** The replay with one more step, or null when the step does not fit the current state. */
export function extendReplay(machine: FlowMachine, replay: Replay, step: PathStep): Replay | null {
  const current = replay.snapshot;
  if (current.status !== 'active' || stateIdOf(current) !== step.state) return null;
  const event = stepToEvent(step);
  if (!current.can(event as never)) return null;
  const [next] = transition(machine, current, event as never);
  return { snapshot: next, snapshots: [...replay.snapshots, next], steps: [...replay.steps, step] };
}

/** The replay cut back to its first `count` steps (reopening an earlier step). */
export function truncateReplay(replay: Replay, count: number): Replay {
  const kept = Math.max(0, Math.min(count, replay.steps.length));
  const snapshots = replay.snapshots.slice(0, kept + 1);
  return { snapshot: snapshots[kept], snapshots, steps: replay.steps.slice(0, kept) };
}
