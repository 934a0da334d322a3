/**
 * Probe benchmark: each probe type against a loopback server, next to the
 * bare Node operation it wraps, POST /api/probe throughput at 1, 8 and 32
 * concurrent clients (BENCH_CLIENTS=1,8,32 to change), and page latency of the
 * production server while 200 probe clients run slow probes (needs `npm run build`;
 * `-- --pages` for that section alone, BENCH_RUNS runs of it). Sends traffic to 127.0.0.1 only.
 */
import { execFile } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { accessSync, constants } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { ProbeRequest, ProbeResult } from '../lib/probes';
import { contextFromEnv, createProbeHandler, runProbe, type ProbeContext, type ProbeHandler } from '../lib/probes/server';
import { generateTestPki } from '../tests/fixtures/probes/certs';
import { startDnsServer } from '../tests/fixtures/probes/dns-server';
import { listen, startHttpServer, startTlsServer } from '../tests/fixtures/probes/servers';
import { startDelayProxy } from './bench-probe-delay';
import { pagesUnderProbeLoad, type PageRow } from './bench-probe-pages';

/** Where the system tools live and how the probes run them (the probes pass the checked IP last). */
const TOOL_ENVIRONMENT = { PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin`, LC_ALL: 'C' } as unknown as NodeJS.ProcessEnv;
const PING_COUNT = 4;
const MAX_HOPS = 20;

/** The first executable `name` on TOOL_ENVIRONMENT's PATH, if any. */
function findTool(name: string): string | undefined {
  return TOOL_ENVIRONMENT.PATH?.split(':').map((dir) => `${dir}/${name}`).find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeRuns(runs: number, operation: () => Promise<unknown>): Promise<number> {
  for (let warm = 0; warm < Math.min(3, runs); warm += 1) await operation();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  return median(times);
}

function execTool(file: string, args: string[]): Promise<void> {
  return new Promise((resolve) => execFile(file, args, { env: TOOL_ENVIRONMENT }, () => resolve()));
}

const expectCode = (code: string) => (result: ProbeResult) => {
  if (result.code !== code) throw new Error(`benchmark setup is wrong: expected ${code}, got ${result.code}: ${result.summary}`);
};

interface Row {
  type: string;
  runs: number;
  probeMs: number;
  bareMs: number;
  bare: string;
}

async function probeRows(context: ProbeContext): Promise<Row[]> {
  const pki = generateTestPki();
  const tlsServer = await startTlsServer({ key: pki.valid.key, cert: pki.valid.cert + pki.intermediate.cert });
  const web = await startHttpServer((_, response) => response.end('ok'));
  const open = await listen(net.createServer((socket) => socket.end()));
  const dns = await startDnsServer({ 'www.fixpath.test': { A: ['192.0.2.10'], AAAA: ['2001:db8::10'] } });
  const tlsContext = { ...context, extraCa: [pki.root.cert] };
  const rows: Row[] = [];
  // Each probe through runProbe, the entry the API and the CLI use, with a 5 s budget.
  const add = async (request: ProbeRequest, runs: number, code: string, bare: string, bareOp: () => Promise<unknown>, probeContext = context) => {
    const probe = () => runProbe({ ...request, timeoutMs: 5000 }, probeContext);
    expectCode(code)(await probe());
    rows.push({ type: request.type, runs, probeMs: await timeRuns(runs, probe), bareMs: await timeRuns(runs, bareOp), bare });
  };

  const bareResolver = new Resolver({ timeout: 5000, tries: 1 });
  bareResolver.setServers([`127.0.0.1:${dns.port}`]);
  await add({ type: 'dns', host: 'www.fixpath.test', resolver: `127.0.0.1:${dns.port}` }, 200, 'DNS_OK',
    'Resolver.resolve4 (c-ares)', () => bareResolver.resolve4('www.fixpath.test'));

  await add({ type: 'tcp', host: '127.0.0.1', port: open.port }, 300, 'TCP_OPEN',
    'net.connect + destroy', () => new Promise<void>((resolve, reject) => {
      const socket = net.connect(open.port, '127.0.0.1', () => (socket.destroy(), resolve()));
      socket.on('error', reject);
    }));

  const secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, pki.root.cert] });
  await add({ type: 'tls', host: 'localhost', port: tlsServer.port }, 100, 'TLS_OK',
    'tls.connect handshake (one)', () => new Promise<void>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: tlsServer.port, servername: 'localhost', secureContext }, () => (socket.destroy(), resolve()));
      socket.on('error', reject);
    }), tlsContext);

  const url = new URL(`http://127.0.0.1:${web.port}/`);
  await add({ type: 'http', url: url.href }, 300, 'HTTP_OK',
    'http.get, body read', () => new Promise<void>((resolve, reject) => {
      http.get(url, { agent: false }, (response) => response.resume().on('end', resolve)).on('error', reject);
    }));

  const ping = findTool('ping');
  const traceroute = findTool('traceroute');
  if (ping) {
    await add({ type: 'ping', host: '127.0.0.1' }, 5, 'PING_OK',
      `execFile ping (${PING_COUNT} echoes)`, () => execTool(ping, ['-n', '-4', '-c', String(PING_COUNT), '-i', '0.2', '-W', '1', '-w', '5', '127.0.0.1']));
    await add({ type: 'mtu', host: '127.0.0.1' }, 20, 'MTU_OK',
      'execFile ping -M do -s 1472 (one)', () => execTool(ping, ['-n', '-4', '-c', '1', '-W', '1', '-M', 'do', '-s', '1472', '127.0.0.1']));
  }
  if (traceroute) {
    await add({ type: 'traceroute', host: '127.0.0.1' }, 20, 'TRACE_OK',
      'execFile traceroute', () => execTool(traceroute, ['-n', '-4', '-q', '1', '-w', '1', '-m', String(MAX_HOPS), '127.0.0.1']));
  }
  await Promise.all([tlsServer.close(), web.close(), open.close(), dns.close()]);
  pki.cleanup();
  return rows;
}

/** Serves a lib handler through a plain node:http server, converting to and from web Request/Response. */
async function serveHandler(handler: ProbeHandler) {
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: incoming.method,
      headers: { ...(incoming.headers as Record<string, string>), 'x-forwarded-for': incoming.socket.remoteAddress ?? '' },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  return listen(server);
}

async function throughput(apiPort: number, body: string, clients: number, durationMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const end = performance.now() + durationMs;
  const start = performance.now();
  const client = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      const status = await new Promise<string>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port: apiPort, path: '/api/probe', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve(response.statusCode === 200 ? JSON.parse(text).code : String(response.statusCode)));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      latencies.push(performance.now() - sent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = performance.now() - start;
  agent.destroy();
  return { clients, requests: latencies.length, perSecond: latencies.length / (elapsed / 1000), p50: median(latencies), statuses };
}

/** One-way delay of the proxy: 50 ms each way is a 100 ms round trip. */
const ONE_WAY_MS = 50;

/**
 * The TLS probe over a 100 ms round trip (a delay proxy on loopback), next to
 * one bare verifying handshake through the same proxy: the probe's extra
 * handshakes (version scan, chain as sent) must overlap, not add up.
 */
async function tlsOverRoundTrip(context: ProbeContext, runs: number) {
  const pki = generateTestPki();
  const server = await startTlsServer({ key: pki.valid.key, cert: pki.valid.cert + pki.intermediate.cert });
  const proxy = await startDelayProxy(server.port, ONE_WAY_MS);
  const tlsContext = { ...context, extraCa: [pki.root.cert] };
  const probe = () => runProbe({ type: 'tls', host: 'localhost', port: proxy.port, timeoutMs: 5000 }, tlsContext);
  expectCode('TLS_OK')(await probe());
  const secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, pki.root.cert] });
  const bare = () => new Promise<void>((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: proxy.port, servername: 'localhost', secureContext }, () => (socket.destroy(), resolve()));
    socket.on('error', reject);
  });
  const probeMs = await timeRuns(runs, probe);
  const bareMs = await timeRuns(runs, bare);
  await proxy.close();
  await server.close();
  pki.cleanup();
  return { probeMs, bareMs };
}

async function printTlsOverRoundTrip(context: ProbeContext) {
  const runs = Number(process.env.BENCH_TLS_RUNS ?? 15);
  const { probeMs, bareMs } = await tlsOverRoundTrip(context, runs);
  console.log(`\nTLS probe at a ${2 * ONE_WAY_MS} ms round trip (a proxy on loopback holds each chunk ${ONE_WAY_MS} ms each way; TLS 1.2 + 1.3 server), median of ${runs} runs:`);
  console.log(`  probe ${ms(probeMs)}, one bare handshake (tls.connect, TLS 1.3) ${ms(bareMs)}: ${(probeMs / bareMs).toFixed(2)}x (target: at most 1.5x)`);
}

/**
 * Page p50/p95 idle and under probe load, BENCH_RUNS (default 1) fresh servers; with several
 * runs each figure is the median over the runs.
 */
async function printPagesUnderProbeLoad() {
  const clients = Number(process.env.BENCH_PROBE_CLIENTS ?? 200);
  const loads = Number(process.env.BENCH_PAGE_LOADS ?? 300);
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  console.log(`\nPage latency of the production server (next start, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}), ${loads} loads per page one after another (at most 100 idle),`);
  console.log(`idle and while ${clients} probe clients (a person and token each) run http probes to a loopback port that never answers (2 s budget each),`);
  console.log(`waiting Retry-After after a 503 or 429 as the flow runner does; ${runs} run(s), medians over runs:\n`);
  const results: PageRow[][] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await pagesUnderProbeLoad({ clients, loads, log: (line) => console.log(line) });
    const outcomes = [...result.outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${outcome} x${count}`).join(', ');
    console.log(`  run ${run + 1}: ${result.rows.map((row) => `${row.page.split(' ')[0]} p95 ${ms(row.loaded.p95)}`).join('; ')}; probe outcomes: ${outcomes}`);
    results.push(result.rows);
  }
  console.log(`\n${pad('page', 52)}${pad('idle p50', 11)}${pad('idle p95', 11)}${pad('load p50', 11)}${pad('load p95', 11)}target p95 < 200 ms`);
  results[0].forEach((row, index) => {
    const of = (pick: (r: PageRow) => number) => median(results.map((rows) => pick(rows[index])));
    const p95 = of((r) => r.loaded.p95);
    console.log(`${pad(row.page, 52)}${pad(ms(of((r) => r.idle.p50)), 11)}${pad(ms(of((r) => r.idle.p95)), 11)}${pad(ms(of((r) => r.loaded.p50)), 11)}${pad(ms(p95), 11)}${p95 < 200 ? 'met' : 'MISSED'}`);
  });
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

async function main() {
  const context: ProbeContext = contextFromEnv({ PROBE_ALLOW: '127.0.0.1/32,::1/128' });
  console.log(`Probe benchmark (node ${process.version}, loopback 127.0.0.1 only; medians after 3 warm-up runs)\n`);
  // `npm run bench:probe -- --tls-rtt` runs only the round-trip section.
  if (process.argv.includes('--tls-rtt')) return printTlsOverRoundTrip(context);
  if (process.argv.includes('--pages')) return printPagesUnderProbeLoad();
  const rows = await probeRows(context);
  console.log(`${pad('type', 11)}${pad('runs', 6)}${pad('probe', 11)}${pad('bare', 11)}${pad('ratio', 8)}bare operation`);
  for (const row of rows) {
    console.log(`${pad(row.type, 11)}${pad(row.runs, 6)}${pad(ms(row.probeMs), 11)}${pad(ms(row.bareMs), 11)}${pad(`${(row.probeMs / row.bareMs).toFixed(1)}x`, 8)}${row.bare}`);
  }
  console.log('\nThe tls probe makes 5 handshakes at once (one verifying, one per TLS version to list the versions accepted; TLS 1.2 and older stop after the first flight);');
  console.log('the dns probe asks A, AAAA and CNAME in parallel; ping, mtu and traceroute are bounded by the tools themselves.');
  await printTlsOverRoundTrip(context);

  const target = await listen(net.createServer((socket) => socket.end()));
  let audited = 0;
  // One anonymous caller with no share cap: this measures the handler and the process gate, not sign-in.
  const handler = createProbeHandler({
    context,
    rateLimit: null,
    token: undefined,
    authorize: async () => ({ ok: true, caller: { key: 'bench', userId: null, via: 'cli' } }),
    maxPerCaller: Number.MAX_SAFE_INTEGER,
    audit: () => (audited += 1),
  });
  const api = await serveHandler(handler);
  const body = JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: target.port });
  console.log('\n/api/probe throughput: the lib handler behind a plain node:http server on 127.0.0.1 (no Next build),');
  console.log('rate limit off, default cap of 16 probes at once, tcp probe to a loopback port, audit lines counted not printed, 3 s per row\n');
  console.log(`${pad('clients', 9)}${pad('requests', 10)}${pad('req/s', 9)}${pad('p50', 11)}outcomes`);
  for (const clients of (process.env.BENCH_CLIENTS ?? '1,8,32').split(",").map(Number)) {
    const result = await throughput(api.port, body, clients, 3000);
    const statuses = [...result.statuses].map(([status, count]) => `${status}x${count}`).join(' ');
    console.log(`${pad(clients, 9)}${pad(result.requests, 10)}${pad(Math.round(result.perSecond), 9)}${pad(ms(result.p50), 11)}${statuses}`);
  }
  console.log(`\n(${audited} audit lines produced.) Clients beyond the cap wait for a probe slot; each tcp probe is a fresh`);
  console.log('loopback connection, so throughput at the cap follows the tail of connect latency on this machine.');
  await Promise.all([api.close(), target.close()]);
  await printPagesUnderProbeLoad();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
