import type { CheckKind, CheckPlan, SkipReason } from '@/lib/cases';

/** How long a connection may stay silent before the check calls it a silent drop. */
const CONNECT_TIMEOUT_MS = 30_000;
/** Clock samples; the one with the shortest round trip is kept (as NTP does). */
const CLOCK_SAMPLES = 6;

/** One connection the browser tried, in the browser-check contract's shape. */
export interface CheckResult {
  kind: CheckKind;
  url: string;
  outcome: 'reached' | 'failed' | 'timeout' | 'skipped';
  elapsedMs?: number;
  reason?: SkipReason;
}

/**
 * The browser's clock minus the server's, from the sample with the shortest round trip: the
 * server's time is taken to be halfway through it, so the error is at most half of it.
 */
export async function measureClock(token: string): Promise<{ offsetMs: number; roundTripMs: number } | null> {
  let best: { offsetMs: number; roundTripMs: number } | null = null;
  for (let sample = 0; sample < CLOCK_SAMPLES; sample += 1) {
    try {
      const sentAt = Date.now();
      const start = performance.now();
      const response = await fetch(`/api/c/${encodeURIComponent(token)}/time`, { cache: 'no-store' });
      const roundTripMs = performance.now() - start;
      if (!response.ok) break;
      const { now } = (await response.json()) as { now: number };
      const offsetMs = sentAt + roundTripMs / 2 - now;
      if (!best || roundTripMs < best.roundTripMs) best = { offsetMs, roundTripMs };
    } catch {
      break;
    }
  }
  return best && { offsetMs: Math.round(best.offsetMs), roundTripMs: Math.round(best.roundTripMs) };
}

/** HTTPS: an opaque answer (no-cors) means a TLS connection and an HTTP response came back. */
async function checkHttps(url: string): Promise<CheckResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONNECT_TIMEOUT_MS);
  const start = performance.now();
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    return { kind: 'https', url, outcome: 'reached', elapsedMs: Math.round(performance.now() - start) };
  } catch {
    return { kind: 'https', url, outcome: controller.signal.aborted ? 'timeout' : 'failed', elapsedMs: Math.round(performance.now() - start) };
  } finally {
    clearTimeout(timer);
  }
}

/** WSS: `open` means the WebSocket handshake completed; `error` or `close` before it, that it failed. */
function checkWss(url: string): Promise<CheckResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    let socket: WebSocket;
    const finish = (outcome: CheckResult['outcome']) => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      try {
        socket.close();
      } catch {
        // Already closed.
      }
      resolve({ kind: 'wss', url, outcome, elapsedMs: Math.round(performance.now() - start) });
    };
    const timer = setTimeout(() => finish('timeout'), CONNECT_TIMEOUT_MS);
    try {
      socket = new WebSocket(url);
    } catch {
      clearTimeout(timer);
      resolve({ kind: 'wss', url, outcome: 'failed', elapsedMs: 0 });
      return;
    }
    socket.onopen = () => finish('reached');
    socket.onerror = () => finish('failed');
    socket.onclose = () => finish('failed');
  });
}

/** Runs the planned connections (both at once, so the wait is one timeout at most); skipped ones say why. */
export function runChecks(plan: CheckPlan, connect: boolean): Promise<CheckResult[]> {
  return Promise.all(
    plan.map((step) => {
      if (!step.run) return { kind: step.kind, url: step.url, outcome: 'skipped' as const, reason: step.reason };
      if (!connect) return { kind: step.kind, url: step.url, outcome: 'skipped' as const, reason: 'declined' as const };
      return step.kind === 'https' ? checkHttps(step.url) : checkWss(step.url);
    }),
  );
}

/** The browser's name and major version, read from the user agent (order matters: Edge and Opera also say Chrome). */
function browserOf(agent: string): string | undefined {
  for (const [name, pattern] of [
    ['Edge', /Edg\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chrome', /Chrome\/(\d+)/],
    ['Safari', /Version\/(\d+).*Safari/],
  ] as const) {
    const match = pattern.exec(agent);
    if (match) return `${name} ${match[1]}`;
  }
  return undefined;
}

function osOf(agent: string): string | undefined {
  if (/Windows NT/.test(agent)) return 'Windows';
  if (/iPhone|iPad/.test(agent)) return 'iOS';
  if (/Mac OS X/.test(agent)) return 'macOS';
  if (/Android/.test(agent)) return 'Android';
  if (/CrOS/.test(agent)) return 'ChromeOS';
  if (/Linux/.test(agent)) return 'Linux';
  return undefined;
}

/** What the browser says about itself, cut to the contract's bounds. */
export function describeClient() {
  const userAgent = navigator.userAgent.slice(0, 512);
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone?.slice(0, 100);
  } catch {
    timeZone = undefined;
  }
  return {
    userAgent,
    browser: browserOf(userAgent),
    os: osOf(userAgent),
    timeZone,
    languages: [...(navigator.languages ?? [navigator.language])].slice(0, 20).map((language) => language.slice(0, 35)),
  };
}
