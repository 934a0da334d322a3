'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CaseRun,
  encodeFlowLink,
  FlowSession,
  handoverDraft,
  readHandover,
  replayPath,
  requestProbe,
  restoreFlowLink,
  startReplay,
  stateIdOf,
  type Handover,
  type LinkNotice,
  type PathStep,
  type Recheck,
  type Replay,
  type SessionState,
  type SubmitOutcome,
} from '@/lib/flows';
import type { Locale } from '@/lib/i18n';
import type { FlowDefinition, FlowValues } from '@/machines';
import { caseDraft, readCase, readMe, type CaseView } from './case-view';

type HistoryMode = 'push' | 'replace' | 'none';

/** What the runner needs from its session. */
export interface FlowSessionHandle {
  state: SessionState;
  /** False until the URL's path (if any) has been restored in the browser. */
  restored: boolean;
  notice?: LinkNotice;
  /** The flow link's query string for the current path. */
  query: string;
  /** Values staff submitted at each form state, to refill a reopened form. */
  drafts: Record<string, FlowValues>;
  answer: (option: string) => boolean;
  submit: (action: string, values: FlowValues) => SubmitOutcome;
  cancel: () => void;
  /** Runs the probe of the current step, when a link or the history left it waiting. */
  start: () => void;
  reopen: (index: number) => void;
  restart: () => void;
  /** The case this run is recorded on, when it is (`?case=`), and how saving goes. */
  caseView: CaseView | null;
  /** Re-runs the run's stored probes through the case: old and new. */
  recheck: () => Promise<Recheck[]>;
  /** Records the run so far on a case, re-running its probes there; says which step the server saw differently. */
  saveToCase: (caseId: string) => Promise<{ changed?: { n: number; before: string; after: string } }>;
  /** What the flow that handed over to this one passed on (`?h=`), and which first-form fields it filled. */
  handover: { carried: Handover; stateId: string | null; fields: string[] } | null;
}

/** How the runner names the ending it reached, for the case (fix endings take their title from the articles). */
interface SessionOptions {
  lang: Locale;
  endingTitle: (stateId: string, values: FlowValues) => string;
}

type Drafts = Record<string, FlowValues>;

/** The drafts with the values of every form submitted along `steps`. */
function remember(drafts: Drafts, steps: readonly PathStep[]): Drafts {
  const submitted = steps.flatMap((step) => (step.kind === 'submit' ? [[step.state, step.values] as const] : []));
  return submitted.length > 0 ? { ...drafts, ...Object.fromEntries(submitted) } : drafts;
}

/**
 * Runs a flow in the browser: starts at the first step (which the server rendered too),
 * restores a link from the URL, keeps the URL in step with the path (one history entry per
 * staff action, so back and forward step through it), and runs probes through `/api/probe`.
 * With `?case=<id>` the run is recorded on that case instead: probes go through the case, each
 * step is posted behind the screen, and `&run=<runId>` reopens a stored run without probing.
 */
export function useFlowSession(flow: FlowDefinition, options: SessionOptions): FlowSessionHandle {
  const [state, setState] = useState<SessionState>(() => ({ replay: startReplay(flow.machine), running: null }));
  const [notice, setNotice] = useState<LinkNotice>();
  const [restored, setRestored] = useState(false);
  const [query, setQuery] = useState('');
  const session = useRef<FlowSession | null>(null);
  const mode = useRef<HistoryMode>('none');
  const writes = useRef(Promise.resolve());
  const [drafts, setDrafts] = useState<Drafts>({});
  const [caseView, setCaseView] = useState<CaseView | null>(null);
  const [handover, setHandover] = useState<FlowSessionHandle['handover']>(null);
  const caseRun = useRef<CaseRun | null>(null);
  const names = useRef<Record<string, string>>({});
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const mounted = useRef(false);

  /** Shows the case run's state (save status, stored evidence) and keeps its run id in the URL. */
  const showCase = useCallback((patch: Partial<CaseView> = {}) => {
    const run = caseRun.current;
    if (!mounted.current || !run) return;
    const evidence = run.evidenceFor(session.current?.state.replay.steps ?? []);
    setCaseView((view) => ({ ...view, caseId: run.caseId, runId: run.runId, status: run.status, names: { ...names.current }, evidence, ...patch }));
    const params = new URLSearchParams(window.location.search);
    if (run.runId && params.get('run') !== run.runId) {
      params.set('case', run.caseId);
      params.set('run', run.runId);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}`);
    }
  }, []);

  /** Loads the case (banner, target) and who the viewer is (their name on fresh evidence). */
  const describeCase = useCallback(
    (caseId: string, prefill: boolean) => {
      void readMe().then((me) => {
        if (me) names.current[me.id] = me.name;
        showCase();
      });
      void readCase(caseId).then((read) => {
        if (!read.ok) return showCase({ problem: read.problem });
        showCase({ summary: read.case });
        const draft = prefill ? caseDraft(flow, read.case) : null;
        // The case's target fills the first form, unless a path is already under way.
        if (draft && session.current?.state.replay.steps.length === 0) setDrafts((known) => ({ ...known, [draft.stateId]: { ...draft.values, ...known[draft.stateId] } }));
      });
    },
    [flow, showCase],
  );

  useEffect(() => {
    mounted.current = true;
    let alive = true;
    const { lang } = latest.current;
    const search = new URLSearchParams(window.location.search);
    const carried = readHandover(search);
    /** The case's part of the URL and the hand-over, kept in front of the flow link's `v` and `p`. */
    const caseQuery = () =>
      new URLSearchParams({
        ...(caseRun.current ? { case: caseRun.current.caseId, ...(caseRun.current.runId ? { run: caseRun.current.runId } : {}) } : {}),
        ...(carried ? { h: search.get('h') as string } : {}),
      }).toString();
    const caseId = search.get('case');
    const runId = search.get('run') ?? undefined;
    // A new run after a hand-over on the same case is linked to the run that handed over.
    if (caseId) caseRun.current = new CaseRun({ caseId, runId, from: runId ? undefined : carried?.fromRun, flow, lang, onChange: () => showCase() });
    if (carried) {
      // The carried values start the first form, unless a path is already under way (a link, a stored run).
      const draft = search.has('p') || runId ? null : handoverDraft(flow, carried);
      setHandover({ carried, stateId: draft?.stateId ?? null, fields: draft?.fields ?? [] });
      if (draft) setDrafts((known) => ({ ...known, [draft.stateId]: { ...draft.values, ...known[draft.stateId] } }));
    }
    // Probes of a run on a case go through the case, so the server stores them; others through /api/probe.
    const current = new FlowSession({
      flow,
      probe: (request, signal, stateId, onBusy) =>
        caseRun.current ? caseRun.current.probe(request, signal, stateId, onBusy) : requestProbe(request, { signal, onBusy }),
    });
    session.current = current;
    const unsubscribe = current.subscribe((next) => {
      setState(next);
      const { snapshot } = next.replay;
      caseRun.current?.observe(next.replay, latest.current.endingTitle(stateIdOf(snapshot), snapshot.context.values));
      showCase();
      const how = mode.current;
      mode.current = 'replace';
      const steps = next.replay.steps;
      writes.current = writes.current.then(async () => {
        const encoded = steps.length > 0 ? await encodeFlowLink(flow.info.id, flow.info.version, steps) : '';
        if (!alive) return;
        setQuery(encoded);
        const query = [caseQuery(), encoded].filter(Boolean).join('&');
        const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
        if (how === 'none' || url === `${window.location.pathname}${window.location.search}`) return;
        if (how === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      });
    });
    /** A run reopened from its case: the stored path, replayed without probing again. */
    const reopen = async (run: CaseRun): Promise<{ replay: Replay; notice?: LinkNotice }> => {
      try {
        const loaded = await run.load();
        Object.assign(names.current, loaded.names);
        return { replay: replayPath(flow.machine, loaded.steps) };
      } catch (error) {
        showCase({ problem: error instanceof Error ? error.message : String(error) });
        return { replay: startReplay(flow.machine) };
      }
    };
    let first = true;
    const restore = async () => {
      const run = caseRun.current;
      const restored = first && run?.runId ? await reopen(run) : await restoreFlowLink(flow, window.location.search);
      first = false;
      if (!alive) return;
      // Going back leaves a longer path: its forms' values refill the forms when reached again.
      const left = current.state.replay.steps;
      setDrafts((known) => remember(remember(known, left), restored.replay.steps));
      setNotice(restored.notice);
      // A link that only partly fits is rewritten to the part that does.
      mode.current = restored.notice ? 'replace' : 'none';
      // Whatever the URL holds was not asked for by this click: a probe it ends at waits for "Run the check".
      current.load(restored.replay, { hold: true });
      setRestored(true);
    };
    if (caseRun.current) {
      showCase();
      describeCase(caseRun.current.caseId, !caseRun.current.runId);
    }
    void restore();
    window.addEventListener('popstate', restore);
    return () => {
      alive = false;
      mounted.current = false;
      window.removeEventListener('popstate', restore);
      unsubscribe();
      current.dispose();
      caseRun.current?.dispose();
    };
  }, [flow, showCase, describeCase]);

  /** Runs one staff action; its change gets its own history entry. */
  const act = useCallback(<T,>(action: (current: FlowSession) => T, accepted: (result: T) => boolean): T | undefined => {
    if (!session.current) return undefined;
    mode.current = 'push';
    const result = action(session.current);
    if (!accepted(result)) mode.current = 'replace';
    return result;
  }, []);

  const answer = useCallback((option: string) => act((current) => current.answer(option), Boolean) ?? false, [act]);

  const submit = useCallback(
    (action: string, values: FlowValues): SubmitOutcome => {
      const stateId = session.current ? stateIdOf(session.current.state.replay.snapshot) : '';
      const outcome = act((current) => current.submit(action, values), (result) => result.ok) ?? { ok: false, errors: [] };
      if (outcome.ok) setDrafts((known) => ({ ...known, [stateId]: outcome.values }));
      return outcome;
    },
    [act],
  );

  const cancel = useCallback(() => {
    act((current) => current.cancel(), Boolean);
  }, [act]);

  const start = useCallback(() => session.current?.start(), []);

  const reopen = useCallback((index: number) => {
    if (!session.current) return;
    const left = session.current.state.replay.steps;
    setDrafts((known) => remember(known, left));
    mode.current = 'push';
    setNotice(undefined);
    session.current.reopen(index);
  }, []);

  const restart = useCallback(() => reopen(0), [reopen]);

  const recheck = useCallback(async () => (caseRun.current && session.current ? caseRun.current.recheck(session.current.state.replay) : []), []);

  const saveToCase = useCallback(
    async (caseId: string) => {
      if (!session.current) return {};
      const run = new CaseRun({ caseId, flow, lang: latest.current.lang, onChange: () => showCase() });
      const before = session.current.state.replay.steps;
      const adopted = await run.adopt(session.current.state.replay);
      caseRun.current = run;
      describeCase(caseId, false);
      mode.current = 'replace';
      session.current.load(replayPath(flow.machine, adopted.steps));
      if (adopted.changed === undefined) return {};
      const code = (step: PathStep | undefined) => (step?.kind === 'probe' ? step.result.code : '?');
      return { changed: { n: adopted.changed + 1, before: code(before[adopted.changed]), after: code(adopted.steps[adopted.changed]) } };
    },
    [flow, showCase, describeCase],
  );

  return { state, restored, notice, query, drafts, answer, submit, cancel, start, reopen, restart, caseView, recheck, saveToCase, handover };
}
