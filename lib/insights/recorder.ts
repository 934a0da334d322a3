import { MAX_BATCH, type InsightEvent } from './contract';

/** What a recorder needs from the browser; tests pass their own. */
export interface RecorderHost {
  /** `leaving`: the page is going away, so the request must outlive it. */
  send: (body: string, leaving: boolean) => Promise<{ status: number }>;
  /** Runs `work` once the page is idle (or after `ms` at the latest). */
  later: (work: () => void, ms: number) => void;
}

/** Waits this long after the first unsent event before sending, so events of one moment go together. */
const IDLE_MS = 2_000;

/**
 * Batches events and sends them off the page's path: nothing a caller does waits for the
 * network. A batch goes when it is full, after an idle moment, or when the page is hidden or
 * left (`flushNow`). A 401 or 403 (nobody signed in: the palette and articles are public)
 * stops the recorder for the rest of this page's life, so a visitor costs one request at most.
 */
export function createRecorder(host: RecorderHost) {
  let queue: InsightEvent[] = [];
  let scheduled = false;
  let stopped = false;

  function flush(leaving = false): void {
    scheduled = false;
    while (!stopped && queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      host
        .send(JSON.stringify({ events: batch }), leaving)
        .then((response) => {
          if (response.status === 401 || response.status === 403) stopped = true;
        })
        .catch(() => {
          // Insights are best effort: a lost batch is not worth a retry that competes with the page.
        });
    }
    if (stopped) queue = [];
  }

  return {
    /** Queues one event; returns at once. */
    record(event: InsightEvent): void {
      if (stopped) return;
      queue.push(event);
      if (queue.length >= MAX_BATCH) flush();
      else if (!scheduled) {
        scheduled = true;
        host.later(() => flush(), IDLE_MS);
      }
    },
    /** Sends what is queued now: the page is going away. */
    flushNow: () => flush(true),
  };
}

/**
 * The browser's recorder, made on first use: `fetch`, with `keepalive` only for a batch sent as
 * the page goes away (so it still arrives); an ordinary batch is an ordinary request.
 */
let browserRecorder: ReturnType<typeof createRecorder> | null = null;

function recorder(): ReturnType<typeof createRecorder> {
  if (browserRecorder) return browserRecorder;
  const made = createRecorder({
    // The answer's body is read to the end: left unread, Chromium keeps the request open, and
    // the page never counts as idle.
    send: async (body, leaving) => {
      const response = await fetch('/api/insights/events', { method: 'POST', keepalive: leaving, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer().catch(() => undefined);
      return response;
    },
    later: (work, ms) => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: ms });
      else setTimeout(work, ms);
    },
  });
  window.addEventListener('pagehide', made.flushNow);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && made.flushNow());
  browserRecorder = made;
  return made;
}

/**
 * Records one insight event from the browser (a no-op on the server). `now` sends at once,
 * for an event recorded as the page is left.
 */
export function recordInsight(event: InsightEvent, options: { now?: boolean } = {}): void {
  if (typeof window === 'undefined') return;
  const active = recorder();
  active.record(event);
  if (options.now) active.flushNow();
}
