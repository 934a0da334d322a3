import type { Locale } from '@/lib/i18n';
import type { ProbeRequest, ProbeResult } from '@/machines';
import { summarizeSteps } from '../reports/step-summary';
import { eventFor } from './events';
import { pathStepSchema, type PathStep } from './path';
import { ProbeFailureError, requestStoredProbe, type BusyWait, type StoredEvidence } from './probe-client';
import type { Replay } from './replay';
import type { RunProbe } from './session';

/** A case as the runner shows it (a subset of what `GET /api/cases/:id` answers). */
export interface CaseSummary {
  id: string;
  title: string;
  ticketRef: string | null;
  target: { host: string; port: number | null; url: string | null } | null;
}

/** One timeline event as the case API returns it. */
interface RunEvent {
  id: number;
  at: string;
  actor: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** A run read back from `GET /api/cases/:id/runs/:runId`. */
export interface StoredRun {
  runId: string;
  flowId: string;
  events: RunEvent[];
  /** Who is who: user id to name. */
  names: Record<string, string>;
}

/** Where to save: progress, waiting to retry, or a step the server refused for good. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying' | 'failed';

/** One probe re-run by "Re-check all": what was stored before and what the server finds now. */
export interface Recheck {
  index: number;
  title: string;
  before: { result: ProbeResult; evidence?: StoredEvidence };
  after: { result: ProbeResult; evidence: StoredEvidence } | { failure: string };
}

/**
 * The path a stored run stands for, with the stored evidence of each probe step. Steps are
 * applied in the order they were recorded; a step at an earlier index cuts the path back there
 * first (the agent went back and chose again). A probe step's result is the one the server
 * stored in the probe event it names, never anything a browser sent.
 */
export function pathOfRun(run: StoredRun): { steps: PathStep[]; evidence: Array<StoredEvidence | undefined> } {
  const probes = new Map(run.events.filter((event) => event.kind === 'probe').map((event) => [event.id, event]));
  let path: Array<{ step: PathStep; evidence?: StoredEvidence }> = [];
  for (const event of run.events) {
    if (event.kind !== 'flow-step') continue;
    const { index, kind, stateId: state, answer, action, probeEventId, failure, implied } = event.payload;
    if (typeof index !== 'number' || index > path.length) break;
    const probe = typeof probeEventId === 'number' ? probes.get(probeEventId) : undefined;
    const candidate =
      kind === 'answer' ? { kind, state, option: answer, ...(implied ? { implied: true } : {}) }
      : kind === 'submit' ? { kind, state, action, values: answer }
      : kind === 'probe' ? { kind, state, result: probe?.payload.result }
      : kind === 'probe-error' ? { kind, state, failure }
      : { kind, state };
    const parsed = pathStepSchema.safeParse(candidate);
    if (!parsed.success) break;
    const evidence = probe ? { eventId: probe.id, ranAt: probe.at, ranBy: probe.actor } : undefined;
    path = [...path.slice(0, index), { step: parsed.data, evidence }];
  }
  return { steps: path.map((entry) => entry.step), evidence: path.map((entry) => entry.evidence) };
}

/** How long a probe waits for earlier steps to be saved first. */
const QUEUE_WAIT_MS = 2000;

/** What identifies a step when comparing paths (a link may carry a probe result trimmed). */
function stepKey(step: PathStep): string {
  if (step.kind === 'probe') return `probe|${step.state}|${step.result.code}|${step.result.target}|${step.result.durationMs}`;
  return JSON.stringify(step);
}

/** What identifies reaching one ending by one path. */
const endingKey = (steps: readonly PathStep[], endingId: unknown) => `${steps.map(stepKey).join('\n')}\n${JSON.stringify(endingId)}`;

const resultKey = (result: ProbeResult) => `${result.code}|${result.target}|${result.durationMs}|${result.summary}`;

/** The body of `POST …/runs/:runId/steps` for one step; `summary` is how the runner shows it. */
function stepBody(step: PathStep, index: number, summary: { title: string; implied?: string }, evidence: StoredEvidence | undefined): Record<string, unknown> {
  const base = { index, kind: step.kind, stateId: step.state, title: summary.title.slice(0, 500) };
  switch (step.kind) {
    case 'answer':
      // An implied answer keeps the words the runner gave for it, so the timeline can say them too.
      return { ...base, answer: step.option, ...(step.implied && summary.implied ? { implied: summary.implied.slice(0, 200) } : {}) };
    case 'submit':
      return { ...base, action: step.action, answer: step.values };
    case 'probe':
      return { ...base, probeEventId: evidence?.eventId };
    case 'probe-error':
      return { ...base, failure: step.failure };
    case 'cancel':
      return base;
  }
}

/** Whether a failed call is worth trying again (the network, the server, a timeout or a limit). */
function retryable(error: unknown): boolean {
  if (!(error instanceof ProbeFailureError)) return true;
  return error.kind === 'network' || error.kind === 'timeout' || (error.status !== undefined && (error.status >= 500 || error.status === 408 || error.status === 429));
}

/** How a case run reaches the server and waits between retries; tests pass fakes. */
interface CaseRunOptions {
  caseId: string;
  /** A run already on the case (reopened); otherwise one starts with the first step. */
  runId?: string;
  /** The run of the flow that handed over to this one, on the same case: the new run is linked to it. */
  from?: string;
  flow: { info: { id: string }; machine: Parameters<typeof summarizeSteps>[0] };
  lang: Locale;
  fetch?: typeof fetch;
  /** Milliseconds to wait before retry number `attempt` (from 0). */
  retryDelay?: (attempt: number) => number;
  /** Called whenever the save status or the stored evidence changes. */
  onChange?: () => void;
}

/**
 * A flow run recorded on a case. Probes run through the case (`POST /api/cases/:id/probes`),
 * so the server stores request and result; each step the agent completes and the ending are
 * posted in order from a queue that never holds the runner up and retries what the network or
 * server lost. Steps whose probe has no stored evidence are not recorded: `adopt` re-runs
 * such probes (a flow saved to a case part-way).
 */
export class CaseRun {
  readonly caseId: string;
  private run: Promise<string> | null;
  private knownRunId: string | null;
  private recorded: Array<{ key: string; evidence?: StoredEvidence }> = [];
  private ended = '';
  private readonly fresh = new Map<string, StoredEvidence>();
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private refused = false;
  private disposed = false;
  private current: SaveStatus = 'idle';

  constructor(private readonly options: CaseRunOptions) {
    this.caseId = options.caseId;
    this.knownRunId = options.runId ?? null;
    this.run = options.runId ? Promise.resolve(options.runId) : null;
  }

  /** The run's id once the server has given one. */
  get runId(): string | null {
    return this.knownRunId;
  }

  /** Saving progress, for a quiet notice. */
  get status(): SaveStatus {
    return this.current;
  }

  /** Runs a probe through the case: the server runs and stores it for this run and state. */
  readonly probe: RunProbe = async (request, signal, stateId, onBusy) => (await this.storedProbe(request, stateId, signal, onBusy)).result;

  /** Reads the stored run: its path and evidence, and who is who. */
  async load(): Promise<{ steps: PathStep[]; evidence: Array<StoredEvidence | undefined>; names: Record<string, string> }> {
    const run = await this.call<StoredRun>('GET', `/runs/${encodeURIComponent(await this.ensureRun())}`);
    const { steps, evidence } = pathOfRun(run);
    this.recorded = steps.map((step, index) => ({ key: stepKey(step), evidence: evidence[index] }));
    // A run that last reached an ending does not record it again when reopened there.
    const last = run.events.filter((event) => event.kind === 'flow-step' || event.kind === 'flow-end').at(-1);
    if (last?.kind === 'flow-end') this.ended = endingKey(steps, last.payload.endingId);
    return { steps, evidence, names: run.names };
  }

  /** The stored evidence of each of `steps`, as far as they match what was recorded. */
  evidenceFor(steps: readonly PathStep[]): Array<StoredEvidence | undefined> {
    const evidence: Array<StoredEvidence | undefined> = [];
    for (const [index, step] of steps.entries()) {
      const recorded = this.recorded[index];
      if (!recorded || recorded.key !== stepKey(step)) break;
      evidence.push(recorded.evidence);
    }
    return evidence;
  }

  /**
   * Records the steps of `replay` the case does not have yet, and the ending when the flow is
   * done (`endingTitle` names it). Returns at once; the posts go out in order behind it.
   */
  observe(replay: Replay, endingTitle: string): void {
    const { steps, snapshot } = replay;
    let same = 0;
    while (same < steps.length && same < this.recorded.length && this.recorded[same].key === stepKey(steps[same])) same += 1;
    const titles = same < steps.length ? summarizeSteps(this.options.flow.machine, replay, this.options.lang) : [];
    for (let index = same; index < steps.length; index += 1) {
      const step = steps[index];
      const evidence = step.kind === 'probe' ? this.fresh.get(resultKey(step.result)) : undefined;
      // Evidence is never taken from the browser: a probe the server did not run ends what is recorded.
      if (step.kind === 'probe' && !evidence) return;
      this.recorded = [...this.recorded.slice(0, index), { key: stepKey(step), evidence }];
      const body = stepBody(step, index, titles[index] ?? { title: step.state }, evidence);
      this.enqueue((runId) => this.call('POST', `/runs/${runId}/steps`, body));
    }
    const ending = endingKey(steps, snapshot.value);
    if (snapshot.status === 'done' && ending !== this.ended) {
      this.ended = ending;
      const body = { endingId: String(snapshot.value), title: endingTitle.slice(0, 500) };
      this.enqueue((runId) => this.call('POST', `/runs/${runId}/end`, body));
    }
    this.options.onChange?.();
  }

  /**
   * Takes over a path run in the browser: re-runs each of its probes through the case (the
   * browser's results are not evidence) and returns the path with the server's results. Where
   * the server finds a different outcome, the path stops after that probe, and `changed` says
   * which step: the flow continues from what the server found.
   */
  async adopt(replay: Replay): Promise<{ steps: PathStep[]; changed?: number }> {
    const steps: PathStep[] = [];
    for (const [index, step] of replay.steps.entries()) {
      if (step.kind !== 'probe') {
        steps.push(step);
        continue;
      }
      const event = eventFor(this.options.flow.machine, replay.snapshots[index], step);
      if (!event || !('request' in event)) break;
      const { result } = await this.storedProbe(event.request, step.state);
      steps.push({ ...step, result });
      if (result.code !== step.result.code) return { steps, changed: index };
    }
    return { steps };
  }

  /** Re-runs every stored probe of the path through the case, one at a time: before and after. */
  async recheck(replay: Replay): Promise<Recheck[]> {
    const evidence = this.evidenceFor(replay.steps);
    const titles = summarizeSteps(this.options.flow.machine, replay, this.options.lang);
    const rechecks: Recheck[] = [];
    for (const [index, step] of replay.steps.entries()) {
      if (step.kind !== 'probe') continue;
      const event = eventFor(this.options.flow.machine, replay.snapshots[index], step);
      if (!event || !('request' in event)) continue;
      const before = { result: step.result, evidence: evidence[index] };
      try {
        rechecks.push({ index, title: titles[index].title, before, after: await this.storedProbe(event.request, step.state) });
      } catch (error) {
        rechecks.push({ index, title: titles[index].title, before, after: { failure: error instanceof Error ? error.message : String(error) } });
      }
    }
    return rechecks;
  }

  /** Stops retrying; call when the runner goes away. */
  dispose(): void {
    this.disposed = true;
  }

  private async storedProbe(request: ProbeRequest, stateId: string, signal?: AbortSignal, onBusy?: (wait: BusyWait) => void): Promise<{ result: ProbeResult; evidence: StoredEvidence }> {
    const runId = await this.ensureRun();
    // The timeline reads best with the step that led to a probe before it; a slow save delays a probe by 2 s at most.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.chain, new Promise((resolve) => (timer = setTimeout(resolve, QUEUE_WAIT_MS)))]);
    clearTimeout(timer);
    const query = new URLSearchParams({ run: runId, state: stateId });
    const stored = await requestStoredProbe(request, { endpoint: `${this.base()}/probes?${query}`, signal, fetch: this.options.fetch, onBusy });
    this.fresh.set(resultKey(stored.result), stored.evidence);
    return stored;
  }

  private base(): string {
    return `/api/cases/${encodeURIComponent(this.caseId)}`;
  }

  /** The run's id, starting the run on the case the first time (again after a failed start). */
  private ensureRun(): Promise<string> {
    this.run ??= this.call<{ runId: string }>('POST', '/runs', { flowId: this.options.flow.info.id, lang: this.options.lang, ...(this.options.from ? { from: this.options.from } : {}) }).then(
      ({ runId }) => {
        this.knownRunId = runId;
        this.options.onChange?.();
        return runId;
      },
      (error: unknown) => {
        this.run = null;
        throw error;
      },
    );
    return this.run;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(`${this.base()}${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ProbeFailureError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
    }
    const data = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (!response.ok || !data) throw new ProbeFailureError({ kind: 'http', status: response.status, message: data?.error?.message ?? response.statusText });
    return data;
  }

  private setStatus(status: SaveStatus): void {
    // A step the server refused for good stays said until the page is left.
    this.current = this.refused ? 'failed' : status;
    this.options.onChange?.();
  }

  /** Queues one post behind the others; retries it with backoff while the failure may pass. */
  private enqueue(task: (runId: string) => Promise<unknown>): void {
    this.queued += 1;
    this.setStatus('saving');
    const delay = this.options.retryDelay ?? ((attempt: number) => Math.min(30_000, 1000 * 2 ** attempt));
    this.chain = this.chain.then(async () => {
      for (let attempt = 0; !this.disposed; attempt += 1) {
        try {
          await task(encodeURIComponent(await this.ensureRun()));
          this.queued -= 1;
          this.setStatus(this.queued === 0 ? 'saved' : 'saving');
          return;
        } catch (error) {
          if (!retryable(error)) {
            this.queued -= 1;
            this.refused = true;
            this.setStatus('failed');
            return;
          }
          this.setStatus('retrying');
          await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
        }
      }
    });
  }
}
