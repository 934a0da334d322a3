'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  encodeFlowLink,
  FlowSession,
  requestProbe,
  restoreFlowLink,
  startReplay,
  stateIdOf,
  type LinkNotice,
  type PathStep,
  type SessionState,
  type SubmitOutcome,
} from '@/lib/flows';
import type { FlowDefinition, FlowValues } from '@/machines';

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
  reopen: (index: number) => void;
  restart: () => void;
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
 */
export function useFlowSession(flow: FlowDefinition): FlowSessionHandle {
  const [state, setState] = useState<SessionState>(() => ({ replay: startReplay(flow.machine), running: null }));
  const [notice, setNotice] = useState<LinkNotice>();
  const [restored, setRestored] = useState(false);
  const [query, setQuery] = useState('');
  const session = useRef<FlowSession | null>(null);
  const mode = useRef<HistoryMode>('none');
  const writes = useRef(Promise.resolve());
  const [drafts, setDrafts] = useState<Drafts>({});

  useEffect(() => {
    let alive = true;
    const current = new FlowSession({ flow, probe: (request, signal) => requestProbe(request, { signal }) });
    session.current = current;
    const unsubscribe = current.subscribe((next) => {
      setState(next);
      const how = mode.current;
      mode.current = 'replace';
      const steps = next.replay.steps;
      writes.current = writes.current.then(async () => {
        const encoded = steps.length > 0 ? await encodeFlowLink(flow.info.id, flow.info.version, steps) : '';
        if (!alive) return;
        setQuery(encoded);
        const url = `${window.location.pathname}${encoded ? `?${encoded}` : ''}`;
        if (how === 'none' || url === `${window.location.pathname}${window.location.search}`) return;
        if (how === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      });
    });
    const restore = async () => {
      const restored = await restoreFlowLink(flow, window.location.search);
      if (!alive) return;
      // Going back leaves a longer path: its forms' values refill the forms when reached again.
      const left = current.state.replay.steps;
      setDrafts((known) => remember(remember(known, left), restored.replay.steps));
      setNotice(restored.notice);
      // A link that only partly fits is rewritten to the part that does.
      mode.current = restored.notice ? 'replace' : 'none';
      current.load(restored.replay);
      setRestored(true);
    };
    void restore();
    window.addEventListener('popstate', restore);
    return () => {
      alive = false;
      window.removeEventListener('popstate', restore);
      unsubscribe();
      current.dispose();
    };
  }, [flow]);

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

  const reopen = useCallback((index: number) => {
    if (!session.current) return;
    const left = session.current.state.replay.steps;
    setDrafts((known) => remember(known, left));
    mode.current = 'push';
    setNotice(undefined);
    session.current.reopen(index);
  }, []);

  const restart = useCallback(() => reopen(0), [reopen]);

  return { state, restored, notice, query, drafts, answer, submit, cancel, reopen, restart };
}
