'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { encodeFlowLink } from '@/lib/flows/link-codec';
import type { PathStep } from '@/lib/flows/path';
import { requestProbe } from '@/lib/flows/probe-client';
import { stateIdOf } from '@/lib/flows/state';
import { restoreFlowLink, type LinkNotice } from '@/lib/flows/restore';
import { FlowSession, type SessionState } from '@/lib/flows/session';
import type { FlowDefinition, FlowEvent, FlowValues } from '@/machines';

type HistoryMode = 'push' | 'replace' | 'none';

/** What the runner needs from its session. */
export interface FlowSessionHandle {
  state: SessionState | null;
  notice?: LinkNotice;
  /** The flow link's query string for the current path. */
  query: string;
  /** Values staff submitted at each form state, to refill a reopened form. */
  drafts: Record<string, FlowValues>;
  send: (event: FlowEvent) => boolean;
  reopen: (index: number) => void;
  restart: () => void;
}

function rememberDrafts(drafts: Record<string, FlowValues>, steps: readonly PathStep[]) {
  for (const step of steps) if (step.kind === 'submit') drafts[step.state] = step.values;
}

/**
 * Runs a flow in the browser: restores it from the URL, keeps the URL in step with the
 * path (one history entry per staff action, so back and forward step through it),
 * and runs probes through `/api/probe`.
 */
export function useFlowSession(flow: FlowDefinition): FlowSessionHandle {
  const [state, setState] = useState<SessionState | null>(null);
  const [notice, setNotice] = useState<LinkNotice>();
  const [query, setQuery] = useState('');
  const session = useRef<FlowSession | null>(null);
  const mode = useRef<HistoryMode>('none');
  const writes = useRef(Promise.resolve());
  const drafts = useRef<Record<string, FlowValues>>({});

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
      rememberDrafts(drafts.current, current.state.replay.steps);
      setNotice(restored.notice);
      // A link that only partly fits is rewritten to the part that does.
      mode.current = restored.notice ? 'replace' : 'none';
      current.load(restored.replay);
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

  const send = useCallback((event: FlowEvent) => {
    if (!session.current) return false;
    const stateId = stateIdOf(session.current.state.replay.snapshot);
    mode.current = 'push';
    const accepted = session.current.send(event);
    if (!accepted) mode.current = 'replace';
    else if ('values' in event) drafts.current[stateId] = event.values;
    return accepted;
  }, []);

  const reopen = useCallback((index: number) => {
    if (!session.current) return;
    rememberDrafts(drafts.current, session.current.state.replay.steps);
    mode.current = 'push';
    setNotice(undefined);
    session.current.reopen(index);
  }, []);

  const restart = useCallback(() => reopen(0), [reopen]);

  return { state, notice, query, drafts: drafts.current, send, reopen, restart };
}
