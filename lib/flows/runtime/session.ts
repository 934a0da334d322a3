import type { FlowDefinition, FlowValues, ProbeRequest, ProbeResult } from '@/machines';
import { readForm, type FieldError } from './form';
import type { PathStep } from './path';
import { toProbeFailure, type BusyWait } from './probe-client';
import { probeRequestFor } from './probe-request';
import { impliedAnswerOf } from './implied';
import { extendReplay, startReplay, truncateReplay, type Replay } from './replay';
import { stateIdOf, stateMetaOf } from './state';

/** What the runner renders: the path so far, and the probe running now if any. */
export interface SessionState {
  replay: Replay;
  /** The probe running for the current state: what it asked, since when (ms since epoch), and the wait while the API is busy. */
  running: { stateId: string; request: ProbeRequest; startedAt: number; busy?: BusyWait } | null;
}

/**
 * Runs one probe for the state `stateId`; rejects with a `ProbeFailure`-shaped error when there
 * is no result. `onBusy` hears of each wait for a busy probe API, for a countdown.
 */
export type RunProbe = (request: ProbeRequest, signal: AbortSignal, stateId: string, onBusy?: (wait: BusyWait) => void) => Promise<ProbeResult>;

/** What became of a submitted form: taken (with the values as normalised), or what is wrong. */
export type SubmitOutcome = { ok: true; values: FlowValues } | { ok: false; errors: FieldError[] };

/** How a session runs probes and tells the time. */
export interface FlowSessionOptions {
  flow: FlowDefinition;
  /** Runs one probe: the UI's calls `/api/probe`, tests' are fakes. */
  probe: RunProbe;
  /** The path to start from (already replayed from a link). */
  replay?: Replay;
  now?: () => number;
}

/**
 * Drives one flow. Every change is a recorded step applied with the pure `transition()`.
 * When the flow stands in a probe state, the session calls `probe` with the request the
 * state describes and records the result (or failure) as the next step; cancel aborts it.
 */
export class FlowSession {
  private readonly flow: FlowDefinition;
  private readonly probe: RunProbe;
  private readonly now: () => number;
  private current: SessionState;
  private controller: AbortController | null = null;
  private readonly listeners = new Set<(state: SessionState) => void>();
  /** Questions staff reopened after the runtime answered them from the values: asked from then on. */
  private readonly declined = new Set<string>();

  constructor(options: FlowSessionOptions) {
    this.flow = options.flow;
    this.probe = options.probe;
    this.now = options.now ?? Date.now;
    this.current = { replay: options.replay ?? startReplay(options.flow.machine), running: null };
  }

  /** The state to render. */
  get state(): SessionState {
    return this.current;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the current state's probe when the flow stands in a probe state (e.g. a link that ended mid-probe). */
  start(): void {
    const { snapshot } = this.current.replay;
    const stateId = stateIdOf(snapshot);
    const meta = stateMetaOf(this.flow.machine, stateId);
    if (snapshot.status !== 'active' || meta?.kind !== 'probe' || this.current.running) return;
    const request = probeRequestFor(meta.request, snapshot.context);
    const controller = new AbortController();
    this.controller = controller;
    this.update({ replay: this.current.replay, running: { stateId, request, startedAt: this.now() } });
    // A result that arrives after staff moved on (cancel, reopen) belongs to no step.
    const record = (step: PathStep) => {
      if (this.controller === controller) this.apply(step);
    };
    const onBusy = (busy: BusyWait) => {
      const { running } = this.current;
      if (this.controller === controller && running) this.update({ replay: this.current.replay, running: { ...running, busy } });
    };
    this.probe(request, controller.signal, stateId, onBusy).then(
      (result) => record({ kind: 'probe', state: stateId, result }),
      (error: unknown) => record({ kind: 'probe-error', state: stateId, failure: toProbeFailure(error) }),
    );
  }

  /** Staff picked an option; false when the current state has no such option. */
  answer(option: string): boolean {
    return this.apply({ kind: 'answer', state: this.stateId, option });
  }

  /**
   * Staff submitted the current form with one of its buttons. The values are checked and
   * normalised here; the machine gets them only when every field is right.
   */
  submit(action: string, values: FlowValues): SubmitOutcome {
    const meta = stateMetaOf(this.flow.machine, this.stateId);
    if (meta?.kind !== 'form') return { ok: false, errors: [] };
    const form = readForm(meta.fields, values, { partial: action.startsWith('attach-') });
    if (!form.ok) return form;
    const accepted = this.apply({ kind: 'submit', state: this.stateId, action, values: form.values });
    return accepted ? { ok: true, values: form.values } : { ok: false, errors: [] };
  }

  /** Stops the running probe; the flow then asks staff to check by hand. */
  cancel(): boolean {
    return this.current.running !== null && this.apply({ kind: 'cancel', state: this.stateId });
  }

  /**
   * Reopens the step at `index`: the path is cut back to just before it. Reopening an implied
   * answer means staff want to answer it themselves; starting over forgets that.
   */
  reopen(index: number): void {
    const step = this.current.replay.steps[index];
    if (index === 0) this.declined.clear();
    else if (step?.kind === 'answer' && step.implied) this.declined.add(step.state);
    this.load(truncateReplay(this.current.replay, index));
  }

  /**
   * Replaces the whole path (browser back/forward, or a restored link). With `hold`, a path that
   * stands at a probe state waits for `start()`: a link is someone else's request, and opening
   * one must never send probes by itself (red-team M1).
   */
  load(replay: Replay, options: { hold?: boolean } = {}): void {
    this.stopProbe();
    this.update({ replay, running: null });
    if (!options.hold) this.start();
  }

  /** Stops any running probe; call when the runner goes away. */
  dispose(): void {
    this.stopProbe();
    this.listeners.clear();
  }

  private get stateId(): string {
    return stateIdOf(this.current.replay.snapshot);
  }

  private apply(step: PathStep): boolean {
    const next = extendReplay(this.flow.machine, this.current.replay, step);
    if (!next) return false;
    this.load(this.answerImplied(next));
    return true;
  }

  /** Answers the questions the values already answer (recorded as implied steps), until one must be asked. */
  private answerImplied(replay: Replay): Replay {
    let current = replay;
    for (;;) {
      const state = stateIdOf(current.snapshot);
      const rule = this.declined.has(state) ? null : impliedAnswerOf(stateMetaOf(this.flow.machine, state), current.snapshot.context);
      const next = rule ? extendReplay(this.flow.machine, current, { kind: 'answer', state, option: rule.option, implied: true }) : null;
      if (!next) return current;
      current = next;
    }
  }

  private stopProbe(): void {
    const controller = this.controller;
    this.controller = null;
    controller?.abort();
  }

  private update(state: SessionState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
