import { createActor, fromPromise, type AnyActorRef, type InspectionEvent } from 'xstate';
import type { FlowDefinition, FlowEvent, ProbeRequest, StepMeta } from '../../machines';
import type { ProbeResult } from '../probes/schema';
import { eventToStep, type PathStep } from './path';
import { stateIdOf, stateMetaOf } from './state';
import { extendReplay, replayPath, truncateReplay, type Replay } from './replay';

/** What the runner renders: the path so far, and the probe running now if any. */
export interface SessionState {
  replay: Replay;
  /** The probe state whose probe is running, and since when (ms since epoch). */
  running: { stateId: string; startedAt: number } | null;
}

/** Runs one probe; rejects with a `ProbeFailure`-shaped error when there is no result. */
export type RunProbe = (request: ProbeRequest, signal: AbortSignal) => Promise<ProbeResult>;

/** How a session runs probes and tells the time. */
export interface FlowSessionOptions {
  flow: FlowDefinition;
  /** Runs one probe; becomes the `probe` actor. The UI's calls `/api/probe`, tests' are fakes. */
  probe: RunProbe;
  /** The path to start from (already replayed from a link). */
  replay?: Replay;
  now?: () => number;
}

/**
 * Drives one flow for the runner. Answers and form submissions are applied with pure
 * transitions; in a probe state the real machine runs with the `probe` actor and the
 * event it finishes with is recorded as a step, so the path alone restores everything.
 */
export class FlowSession {
  private readonly flow: FlowDefinition;
  private readonly probe: RunProbe;
  private readonly now: () => number;
  private current: SessionState;
  private live: AnyActorRef | null = null;
  private readonly listeners = new Set<(state: SessionState) => void>();

  constructor(options: FlowSessionOptions) {
    this.flow = options.flow;
    this.probe = options.probe;
    this.now = options.now ?? Date.now;
    this.current = { replay: options.replay ?? replayPath(options.flow.machine, []), running: null };
  }

  /** The state to render. */
  get state(): SessionState {
    return this.current;
  }

  /** The meta of the state the flow is in. */
  get meta(): StepMeta {
    return stateMetaOf(this.flow.machine, stateIdOf(this.current.replay.snapshot)) as StepMeta;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the probe when the flow stands in a probe state (e.g. a link that ended mid-probe). */
  start(): void {
    if (this.meta.kind === 'probe' && this.current.replay.snapshot.status === 'active') this.runProbe();
  }

  /** Sends staff's answer, form or cancel; false when the current state does not accept it. */
  send(event: FlowEvent): boolean {
    const step = eventToStep(stateIdOf(this.current.replay.snapshot), event);
    return step !== null && this.apply(step);
  }

  /** Reopens the step at `index`: the path is cut back to just before it. */
  reopen(index: number): void {
    this.stopProbe();
    this.update({ replay: truncateReplay(this.current.replay, index), running: null });
    this.start();
  }

  /** Replaces the whole path (browser back/forward, or a restored link). */
  load(replay: Replay): void {
    this.stopProbe();
    this.update({ replay, running: null });
    this.start();
  }

  /** Back to the first step. */
  restart(): void {
    this.reopen(0);
  }

  /** Stops any running probe; call when the runner goes away. */
  dispose(): void {
    this.stopProbe();
    this.listeners.clear();
  }

  private apply(step: PathStep): boolean {
    const next = extendReplay(this.flow.machine, this.current.replay, step);
    if (!next) return false;
    this.stopProbe();
    this.update({ replay: next, running: null });
    this.start();
    return true;
  }

  private runProbe(): void {
    const snapshot = this.current.replay.snapshot;
    const stateId = stateIdOf(snapshot);
    // The live machine runs only this state's probe: when it moves on, the next probe state's
    // invoke must not fire before the session stops it (the session starts that one itself).
    const probe = fromPromise<ProbeResult, ProbeRequest>(({ input, signal, self }) =>
      self.id === stateId ? this.probe(input, signal) : new Promise<never>(() => {}),
    );
    const machine = this.flow.machine.provide({ actors: { probe } });
    let finished: PathStep | null = null;
    const inspect = (event: InspectionEvent) => {
      if (event.type !== '@xstate.event' || event.actorRef !== actor) return;
      finished ??= eventToStep(stateId, event.event as never);
    };
    const actor: AnyActorRef = createActor(machine, { snapshot: machine.getPersistedSnapshot(snapshot as never) as never, inspect });
    actor.subscribe(() => {
      if (!finished || this.live !== actor) return;
      const step = finished;
      // Leave the live actor's own callback before stopping it and applying the step.
      queueMicrotask(() => {
        if (this.live === actor) this.apply(step);
      });
    });
    this.live = actor;
    this.update({ replay: this.current.replay, running: { stateId, startedAt: this.now() } });
    actor.start();
  }

  private stopProbe(): void {
    const actor = this.live;
    this.live = null;
    actor?.stop();
  }

  private update(state: SessionState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
