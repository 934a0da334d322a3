/**
 * Page latency under probe load (red-team M3 in issue 13): the production server (`next start`
 * on the last `npm run build`, embedded PGlite in a temporary directory, or BENCH_DATABASE_URL),
 * page loads one after another, first idle (at most 100), then while BENCH_PROBE_CLIENTS (default 200) probe
 * clients, each a person with a personal token of its own, run slow probes: an http probe to a
 * loopback port that accepts and never answers, so each holds its place for its whole budget.
 * The clients behave like the flow runner: after a 503 BUSY or a 429 they wait Retry-After.
 * Traffic goes to 127.0.0.1 only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '@/lib/db/server';
import { seedPeople } from '../tests/fixtures/db/people';
import { startInstance, stopInstance, type Instance } from '../tests/fixtures/next-server';
import net from 'node:net';
import { listen } from '../tests/fixtures/probes/servers';

const ROOT = path.join(import.meta.dirname, '..');
const PASSWORD = 'bench-password-long-enough';
const ADMIN_EMAIL = 'bench-admin@example.com';

/** How long each slow probe holds its place: its budget, against a server that never answers. */
const PROBE_BUDGET_MS = 2000;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** Signs the admin in over HTTP, as a browser on the site would: the session cookie for page loads. */
async function signIn(instance: Instance): Promise<string> {
  const response = await fetch(`${instance.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: instance.url },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((line) => /session_token=/.test(line));
  if (!cookie) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return cookie.split(';')[0];
}

/** A case to load the page of, made through the case API. */
async function createCase(instance: Instance, token: string): Promise<string> {
  const response = await fetch(`${instance.url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'Shop app cannot reach api.example.com', target: { host: 'api.example.com', port: 443 } }),
  });
  if (response.status !== 201) throw new Error(`case create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** One page, loaded `loads` times in a row: each load's wall time, body read in full. */
async function loadTimes(url: string, cookie: string, loads: number): Promise<number[]> {
  const times: number[] = [];
  for (let load = 0; load < loads; load += 1) {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

/** 200 probe clients in a loop until `stop`: outcomes counted, Retry-After honoured. */
function startProbeClients(instance: Instance, tokens: string[], body: string) {
  let running = true;
  const outcomes = new Map<string, number>();
  const client = async (token: string) => {
    while (running) {
      let wait = 0;
      try {
        const response = await fetch(`${instance.url}/api/probe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        const json = (await response.json()) as { code?: string; error?: { code: string } };
        const outcome = response.status === 200 ? String(json.code) : `${response.status} ${json.error?.code}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (response.status !== 200) wait = Math.max(1, Number(response.headers.get('retry-after') ?? 1)) * 1000;
      } catch (error) {
        outcomes.set(`error ${(error as Error).message}`, (outcomes.get(`error ${(error as Error).message}`) ?? 0) + 1);
        wait = 1000;
      }
      if (wait && running) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const all = Promise.all(tokens.map(client));
  return {
    outcomes,
    stop: async () => {
      running = false;
      await all;
    },
  };
}

/** p50 and p95 of one page, idle and under load. */
export interface PageRow {
  page: string;
  idle: { p50: number; p95: number };
  loaded: { p50: number; p95: number };
}

/** One run: a fresh data directory, a fresh server, idle loads, then loads under probe load. */
export async function pagesUnderProbeLoad(options: { clients: number; loads: number; log: (line: string) => void }): Promise<{ rows: PageRow[]; outcomes: Map<string, number> }> {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, dist, 'BUILD_ID'))) throw new Error(`no production build in ${dist}/: run npm run build first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fixpath-bench-pages-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const config: DatabaseConfig = databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
  // Accepts and never answers; closes its side once the probe gives up, so thousands of probes leave no sockets behind.
  const silent = await listen(net.createServer((socket) => socket.on('end', () => socket.destroy())));
  let instance: Instance | undefined;
  try {
    const seeding = performance.now();
    const tokens = await seedPeople(config, { adminEmail: ADMIN_EMAIL, password: PASSWORD, agents: options.clients });
    options.log(`  seeded ${tokens.length} people with personal tokens in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    instance = await startInstance({
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { FIXPATH_DATA_DIR: dataDir, DATABASE_URL: '' }),
      PROBE_ALLOW: '127.0.0.1/32',
      PROBE_RATE_LIMIT: process.env.BENCH_PROBE_RATE_LIMIT ?? 'off',
    });
    const cookie = await signIn(instance);
    const caseId = await createCase(instance, tokens[0]);
    const pages: Array<[string, string]> = [
      ['static article /en/articles/dns-resolution-failure', '/en/articles/dns-resolution-failure'],
      ['/api/me (session)', '/api/me'],
      ['case page /en/cases/:id (session)', `/en/cases/${caseId}`],
    ];
    const idle = new Map<string, number[]>();
    for (const [name, route] of pages) {
      await loadTimes(`${instance.url}${route}`, cookie, 10);
      // The idle figures are the baseline only: fewer loads keep a run within minutes on a busy machine.
      idle.set(name, await loadTimes(`${instance.url}${route}`, cookie, Math.min(100, options.loads)));
    }
    const body = JSON.stringify({ type: 'http', url: `http://127.0.0.1:${silent.port}/`, timeoutMs: PROBE_BUDGET_MS });
    const load = startProbeClients(instance, tokens, body);
    // Let the gate fill and the clients settle into their Retry-After rhythm.
    await new Promise((resolve) => setTimeout(resolve, PROBE_BUDGET_MS + 1000));
    const rows: PageRow[] = [];
    for (const [name, route] of pages) {
      const started = performance.now();
      const loaded = await loadTimes(`${instance.url}${route}`, cookie, options.loads);
      options.log(`  under load: ${name}, ${options.loads} loads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const quiet = idle.get(name) ?? [];
      rows.push({ page: name, idle: { p50: percentile(quiet, 50), p95: percentile(quiet, 95) }, loaded: { p50: percentile(loaded, 50), p95: percentile(loaded, 95) } });
    }
    await load.stop();
    return { rows, outcomes: load.outcomes };
  } finally {
    await stopInstance(instance);
    await silent.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
