import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry } from '../../lib/probes/api/audit';
import { stdoutAudit } from '../../lib/probes/api/audit';
import { createConcurrencyGate } from '../../lib/probes/api/concurrency';
import { MAX_BODY_BYTES } from '../../lib/probes/api/handler';
import { resolveHandlerOptions } from '../../lib/probes/api/options';
import { probeResultSchema } from '../../lib/probes';
import { createProbeHandler, MemoryRateLimitStore, type ProbeAuthorize, type ProbeHandlerOptions } from '../../lib/probes/server';
import { testContext } from '../fixtures/probes/context';
import { startDnsServer, type TestDnsServer } from '../fixtures/probes/dns-server';
import { startHttpServer, startSilentServer, type TestServer } from '../fixtures/probes/servers';

/** The service token every request below sends unless a test says otherwise. */
const SERVICE_TOKEN = 'test-service-token';

/**
 * Stands in for sign-in (lib/access wires the real one, tested in access-probes.test.ts):
 * `Authorization: Bearer user-<id>` is that user, anything else nobody.
 */
const testAuthorize: ProbeAuthorize = async (request) => {
  const id = /^Bearer user-(\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (id) return { ok: true, caller: { key: `user:${id}`, userId: id, via: 'token' } };
  return { ok: false, response: Response.json({ error: { code: 'UNAUTHORIZED', message: 'sign in' } }, { status: 401, headers: { 'www-authenticate': 'Bearer' } }) };
};

/** A handler with the rate limit off, the service token set, test users, and audit lines collected. */
function handlerFor(options: ProbeHandlerOptions = {}) {
  const audit: AuditEntry[] = [];
  const handler = createProbeHandler({
    context: testContext({ hosts: { 'inside.fixpath.test': ['127.0.0.2'], 'app.fixpath.test': ['127.0.0.1'] } }),
    rateLimit: null,
    token: SERVICE_TOKEN,
    authorize: testAuthorize,
    audit: (entry) => audit.push(entry),
    addresses: (request: Request) => {
      const client = request.headers.get('x-test-client') ?? '192.0.2.50';
      return { client, socket: client, forwarded: [] };
    },
    ...options,
  });
  return { handler, audit };
}

/** A probe request with the service token, unless `headers` replaces it (`authorization: ''` sends none). */
function post(body: unknown, headers: Record<string, string> = {}): Request {
  const all: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}`, ...headers };
  if (!all.authorization) delete all.authorization;
  return new Request('http://fixpath.test/api/probe', {
    method: 'POST',
    headers: all,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/probe handler', () => {
  let open: TestServer;
  before(async () => {
    open = await startSilentServer();
  });
  after(() => open.close());

  it('200 with a result that matches the contract, and one audit line', async () => {
    const { handler, audit } = handlerFor();
    const response = await handler(post({ type: 'tcp', host: 'app.fixpath.test', port: open.port }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    const result = probeResultSchema.parse(await response.json());
    assert.equal(result.code, 'TCP_OPEN');
    assert.equal(result.target, `app.fixpath.test:${open.port}`);
    assert.equal(audit.length, 1);
    const [entry] = audit;
    assert.deepEqual(
      { client: entry.client, socket: entry.socket, forwarded: entry.forwarded, type: entry.type, target: entry.target, resolvedIp: entry.resolvedIp, code: entry.code, status: entry.status },
      { client: '192.0.2.50', socket: '192.0.2.50', forwarded: [], type: 'tcp', target: `app.fixpath.test:${open.port}`, resolvedIp: '127.0.0.1', code: 'TCP_OPEN', status: 200 },
    );
    assert.ok(!Number.isNaN(Date.parse(entry.time)));
    assert.equal(typeof entry.durationMs, 'number');
  });

  it("caps a caller's timeoutMs at 15 s and reports the budget used", async () => {
    const { handler } = handlerFor();
    const long = await (await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port, timeoutMs: 60_000 }))).json();
    assert.equal(long.details.timeoutMs, 15_000);
    const short = await (await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port, timeoutMs: 250 }))).json();
    assert.equal(short.details.timeoutMs, 250);
  });

  it('audits the DNS server a dns probe asked as the address traffic went to', async () => {
    const dns = await startDnsServer({ 'www.fixpath.test': { A: ['192.0.2.1'] } });
    try {
      const { handler, audit } = handlerFor();
      const response = await handler(post({ type: 'dns', host: 'www.fixpath.test', resolver: `127.0.0.1:${dns.port}` }));
      assert.equal((await response.json()).code, 'DNS_OK');
      assert.equal(audit[0].resolvedIp, '127.0.0.1');
    } finally {
      await dns.close();
    }
  });

  it('writes audit lines as single JSON lines on stdout', () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stdout.write;
    try {
      stdoutAudit({ time: 't', user: null, via: 'service', client: 'c', socket: 'c', forwarded: [], type: 'tcp', target: 'x:1', resolvedIp: null, code: 'TCP_OPEN', status: 200, durationMs: 1 });
    } finally {
      process.stdout.write = original;
    }
    assert.equal(written.length, 1);
    assert.ok(written[0].endsWith('\n') && !written[0].slice(0, -1).includes('\n'));
    assert.equal(JSON.parse(written[0]).event, 'probe');
  });

  it('405 for other methods, with Allow: POST, TRACE included (L6)', async () => {
    const { handler } = handlerFor();
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH']) {
      const response = await handler(new Request('http://fixpath.test/api/probe', { method }));
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'POST');
    }
    // fetch's Request refuses to be built with TRACE (a forbidden method), so hand the handler what a server adapter would.
    const trace = { method: 'TRACE', url: 'http://fixpath.test/api/probe', headers: new Headers(), body: null } as unknown as Request;
    const traced = await handler(trace);
    assert.equal(traced.status, 405);
    assert.equal((await traced.json()).error.code, 'METHOD_NOT_ALLOWED');
  });

  it('OPTIONS says 204 Allow: POST and grants no cross-origin access (L6)', async () => {
    const { handler, audit } = handlerFor();
    const response = await handler(new Request('http://fixpath.test/api/probe', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(audit.length, 0);
  });

  it('415 naming body unless Content-Type is application/json (M1)', async () => {
    const { handler, audit } = handlerFor();
    const body = JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: open.port });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', null]) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const response = await handler(new Request('http://fixpath.test/api/probe', { method: 'POST', headers: { ...headers, authorization: `Bearer ${SERVICE_TOKEN}` }, body }));
      assert.equal(response.status, 415, String(type));
      assert.deepEqual((await response.json()).error, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'body must be sent as Content-Type: application/json', field: 'body' });
    }
    assert.equal(audit.length, 0, 'nothing ran');
    assert.equal((await handler(post(body, { 'content-type': 'Application/JSON; charset=utf-8' }))).status, 200);
  });

  it('403 CROSS_SITE for a cross-site request that carries cookies (M1)', async () => {
    const { handler, audit } = handlerFor();
    const body = { type: 'tcp', host: '127.0.0.1', port: open.port };
    const refused: Record<string, string>[] = [
      { cookie: 'session=1', origin: 'https://evil.example' },
      { cookie: 'session=1', origin: 'null' },
      { cookie: 'session=1', origin: 'https://fixpath.test' }, // another scheme is another origin
      { cookie: 'session=1', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const response = await handler(post(body, { host: 'fixpath.test', ...headers }));
      assert.equal(response.status, 403, JSON.stringify(headers));
      assert.equal((await response.json()).error.code, 'CROSS_SITE');
    }
    assert.equal(audit.length, 0, 'nothing ran');
    const allowed: Record<string, string>[] = [
      { cookie: 'session=1', origin: 'http://fixpath.test', 'sec-fetch-site': 'same-origin' },
      { cookie: 'session=1' }, // no Origin: not a browser's cross-site POST
      { origin: 'https://evil.example' }, // no cookies: no ambient authority to borrow (CLI, bearer tokens)
    ];
    for (const headers of allowed) assert.equal((await handler(post(body, { host: 'fixpath.test', ...headers }))).status, 200, JSON.stringify(headers));
  });

  it('408 naming body when the body does not arrive in time (L3)', async () => {
    const { handler, audit } = handlerFor({ bodyTimeoutMs: 200 });
    let cancelled = false;
    const trickle = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"type":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const start = performance.now();
    const response = await handler(new Request('http://fixpath.test/api/probe', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}` }, body: trickle, duplex: 'half' } as RequestInit));
    const waited = performance.now() - start;
    assert.equal(response.status, 408);
    assert.deepEqual((await response.json()).error, { code: 'REQUEST_TIMEOUT', message: 'body did not arrive within 200 ms', field: 'body' });
    assert.ok(waited >= 190 && waited < 2000, `answered after ${waited} ms`);
    assert.ok(cancelled, 'the body stream is let go');
    assert.equal(audit.length, 0);
    assert.equal(resolveHandlerOptions({ rateLimit: null }, {}).bodyTimeoutMs, 10_000, '10 s by default');
  });

  it('400 naming url or port for port 0', async () => {
    const { handler } = handlerFor();
    for (const [body, field] of [[{ type: 'http', url: 'http://127.0.0.1:0/' }, 'url'], [{ type: 'tcp', host: '127.0.0.1', port: 0 }, 'port'], [{ type: 'tls', host: '127.0.0.1', port: 0 }, 'port']] as const) {
      const response = await handler(post(body));
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await response.json()).error.field, field);
    }
  });

  it('a resolver PROBE_ALLOW covers may listen on another port than 53 (L4)', async () => {
    // The refusal of other ports is a pure check, tested in tests/unit/probe-policy.test.ts:
    // testing it here would name a public resolver, and a regression would send it a packet.
    const { handler } = handlerFor({ context: testContext({ allow: '127.0.0.0/8' }) });
    const response = await handler(post({ type: 'dns', host: 'www.fixpath.test', resolver: '127.0.0.3:5353', timeoutMs: 100 }));
    assert.equal(response.status, 200);
    assert.equal((await response.json()).type, 'dns');
  });

  it('400 naming body for malformed JSON', async () => {
    const { handler } = handlerFor();
    const response = await handler(post('{"type": "tcp",'));
    assert.equal(response.status, 400);
    const { error } = await response.json();
    assert.equal(error.code, 'INVALID_INPUT');
    assert.equal(error.field, 'body');
    assert.match(error.message, /body is not valid JSON/);
  });

  it('400 naming the field for invalid input', async () => {
    const { handler, audit } = handlerFor();
    const response = await handler(post({ type: 'tcp', host: 'example.com', port: 70000 }));
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: { code: 'INVALID_INPUT', message: 'port must be a whole number from 1 to 65535', field: 'port' },
    });
    assert.equal(audit.length, 0, 'nothing ran, so nothing is audited');
  });

  it('413 naming body over 8 KB, by Content-Length or while streaming', async () => {
    const { handler } = handlerFor();
    const big = JSON.stringify({ type: 'dns', host: 'a'.repeat(MAX_BODY_BYTES) });
    const declared = await handler(post(big));
    assert.equal(declared.status, 413);
    assert.equal((await declared.json()).error.field, 'body');
    const stream = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 10; index += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await handler(new Request('http://fixpath.test/api/probe', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}` }, body: stream, duplex: 'half' } as RequestInit));
    assert.equal(streamed.status, 413);
  });

  it('401 without a valid credential, the same answer whichever was wrong', async () => {
    const { handler, audit } = handlerFor({ token: 's3cret-token' });
    const body = { type: 'tcp', host: '127.0.0.1', port: open.port };
    const attempts: Record<string, string>[] = [{ authorization: '' }, { authorization: 'Bearer wrong' }, { authorization: 's3cret-token' }, { authorization: 'Bearer s3cret-token-longer' }, { authorization: 'Bearer fxp_unknown' }];
    const answers = new Set<string>();
    for (const headers of attempts) {
      const response = await handler(post(body, headers));
      assert.equal(response.status, 401, JSON.stringify(headers));
      answers.add(JSON.stringify(await response.json()));
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    }
    assert.equal(answers.size, 1, 'no hint which credential was wrong');
    assert.equal(JSON.parse([...answers][0]).error.code, 'UNAUTHORIZED');
    assert.equal(audit.length, 0, 'nothing ran');
    assert.equal((await handler(post(body, { authorization: 'Bearer s3cret-token' }))).status, 200, 'the service token');
    assert.equal((await handler(post(body, { authorization: 'Bearer user-li' }))).status, 200, 'a signed-in user');
    assert.equal(audit.at(-1)?.user, 'li');
    assert.equal(audit.at(-2)?.via, 'service');
    const unset = handlerFor({ token: undefined }).handler;
    assert.equal((await unset(post(body, { authorization: 'Bearer ' }))).status, 401, 'PROBE_TOKEN unset: an empty token is no token');
  });

  it('429 RATE_LIMITED with Retry-After, per caller whatever the address', async () => {
    const { handler } = handlerFor({ rateLimit: { limit: 2, windowMs: 60_000 }, rateLimitStore: new MemoryRateLimitStore() });
    const body = { type: 'tcp', host: '127.0.0.1', port: open.port };
    const li = { authorization: 'Bearer user-li' };
    assert.equal((await handler(post(body, li))).status, 200);
    assert.equal((await handler(post(body, { ...li, 'x-test-client': '192.0.2.77' }))).status, 200);
    const limited = await handler(post(body, { ...li, 'x-test-client': '192.0.2.78' }));
    assert.equal(limited.status, 429, 'a new address does not give a user a new budget');
    assert.equal((await limited.json()).error.code, 'RATE_LIMITED');
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.equal((await handler(post(body, { authorization: 'Bearer user-sam' }))).status, 200, 'a colleague behind the same office address has their own budget');
    assert.equal((await handler(post(body))).status, 200, 'so does the service token');
  });

  it('calls without a valid credential are limited per address, IPv6 by /64, then 401 (H1)', async () => {
    const { handler } = handlerFor({ rateLimit: { limit: 2, windowMs: 60_000 }, rateLimitStore: new MemoryRateLimitStore(), addresses: resolveHandlerOptions({}, {}).addresses });
    const body = { type: 'tcp', host: '127.0.0.1', port: open.port };
    // Under `next start` the socket's address reaches the handler as the last X-Forwarded-For entry.
    const from = (address: string, authorization = 'Bearer guess') => ({ 'x-forwarded-for': address, authorization });
    assert.equal((await handler(post(body, from('2001:db8:1:2::1')))).status, 401);
    assert.equal((await handler(post(body, from('2001:db8:1:2::2')))).status, 401);
    const limited = await handler(post(body, from('2001:db8:1:2:ffff::9')));
    assert.equal(limited.status, 429, 'a new address in the same /64 is the same client: token guessing is throttled');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await handler(post(body, from('2001:db8:1:3::1')))).status, 401, 'another /64 has its own budget');
    assert.equal((await handler(post(body, from('2001:db8:1:2::1', 'Bearer user-li')))).status, 200, 'a valid credential is not held to the address budget');
    assert.equal((await handler(post(body, { 'x-real-ip': '198.51.100.1', authorization: '' }))).status, 401);
    assert.equal((await handler(post(body, { 'x-real-ip': '198.51.100.2', authorization: '' }))).status, 401);
    assert.equal((await handler(post(body, { 'x-real-ip': '198.51.100.3', authorization: '' }))).status, 429, 'X-Real-IP picks no bucket');
  });

  it("503 BUSY with Retry-After past a caller's concurrency share, while others still get probes (M3)", async () => {
    const silent = await startSilentServer();
    try {
      const { handler } = handlerFor({ maxPerCaller: 2 });
      const li = { authorization: 'Bearer user-li' };
      const slow = [1, 2].map(() => handler(post({ type: 'tls', host: '127.0.0.1', port: silent.port, timeoutMs: 400 }, li)));
      const third = await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }, li));
      assert.equal(third.status, 503);
      assert.equal((await third.json()).error.code, 'BUSY');
      assert.equal(third.headers.get('retry-after'), '1');
      assert.equal((await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }, { authorization: 'Bearer user-sam' }))).status, 200, 'another caller is not held up');
      for (const response of await Promise.all(slow)) assert.equal(response.status, 200);
      assert.equal((await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }, li))).status, 200, 'the share is given back');
    } finally {
      await silent.close();
    }
  });

  it('audits the client per TRUST_PROXY, the socket and the forwarded chain separately (H1)', async () => {
    const body = { type: 'tcp', host: '127.0.0.1', port: open.port };
    const chain = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.1' };
    const cases: [string | undefined, string][] = [[undefined, '10.0.0.1'], ['1', '203.0.113.7'], ['10.0.0.0/8', '203.0.113.7'], ['2', '6.6.6.6']];
    for (const [trust, client] of cases) {
      const { handler, audit } = handlerFor({ addresses: resolveHandlerOptions({}, { TRUST_PROXY: trust }).addresses });
      assert.equal((await handler(post(body, chain))).status, 200);
      assert.deepEqual({ client: audit[0].client, socket: audit[0].socket, forwarded: audit[0].forwarded }, { client, socket: '10.0.0.1', forwarded: ['6.6.6.6', '203.0.113.7'] }, `TRUST_PROXY=${trust}`);
    }
    assert.throws(() => resolveHandlerOptions({}, { TRUST_PROXY: 'yes' }), /TRUST_PROXY/);
  });

  it('503 BUSY when every probe slot and queue place is taken', async () => {
    const silent = await startSilentServer();
    try {
      const { handler } = handlerFor({ gate: createConcurrencyGate(1, 0) });
      const slow = handler(post({ type: 'tls', host: '127.0.0.1', port: silent.port, timeoutMs: 300 }));
      const turnedAway = await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }));
      assert.equal(turnedAway.status, 503);
      assert.equal(turnedAway.headers.get('retry-after'), '1');
      assert.equal((await slow).status, 200);
      assert.equal((await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }))).status, 200, 'the slot is free again');
    } finally {
      await silent.close();
    }
  });

  it('a full instance turns a probe away without asking the share store (no database work for a bounce)', async () => {
    const silent = await startSilentServer();
    try {
      let shareCalls = 0;
      const shareStore = { acquire: async () => ((shareCalls += 1), async () => {}) };
      const { handler } = handlerFor({ gate: createConcurrencyGate(1, 0), shareStore });
      const slow = handler(post({ type: 'tls', host: '127.0.0.1', port: silent.port, timeoutMs: 300 }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const turnedAway = await handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }));
      assert.equal(turnedAway.status, 503);
      assert.equal(shareCalls, 1, 'only the probe that ran took a place');
      await slow;
    } finally {
      await silent.close();
    }
  });

  it('queues probes beyond the running cap instead of refusing them', async () => {
    const gate = createConcurrencyGate(1, 4);
    const { handler } = handlerFor({ gate });
    const responses = await Promise.all([1, 2, 3].map(() => handler(post({ type: 'tcp', host: '127.0.0.1', port: open.port }))));
    assert.deepEqual(responses.map((response) => response.status), [200, 200, 200]);
    assert.equal(gate.running, 0);
  });
});

describe('POST /api/probe: targets outside PROBE_ALLOW (127.0.0.1/32) receive nothing', () => {
  let tcp2: TestServer;
  let http2: TestServer;
  let ipv6: TestServer;
  let dns2: TestDnsServer;
  let redirector: TestServer;

  before(async () => {
    tcp2 = await startSilentServer('127.0.0.2');
    http2 = await startHttpServer((_, response) => response.end('inside'), '127.0.0.2');
    ipv6 = await startSilentServer('::1');
    dns2 = await startDnsServer({ 'www.fixpath.test': { A: ['192.0.2.1'] } }, '127.0.0.2');
    redirector = await startHttpServer((_, response) => response.writeHead(302, { location: `http://127.0.0.2:${http2.port}/` }).end());
  });
  after(async () => {
    await Promise.all([tcp2.close(), http2.close(), ipv6.close(), dns2.close(), redirector.close()]);
    assert.equal(tcp2.connections + http2.connections + ipv6.connections + dns2.queries, 0, 'no refused server was ever contacted');
  });

  const forbiddenBodies = (): [string, Record<string, unknown>, string][] => [
    ['dotted', { type: 'tcp', host: '127.0.0.2', port: tcp2.port }, 'host'],
    ['decimal', { type: 'tcp', host: '2130706434', port: tcp2.port }, 'host'],
    ['hex', { type: 'tcp', host: '0x7f000002', port: tcp2.port }, 'host'],
    ['octal', { type: 'tls', host: '0177.0.0.2', port: tcp2.port }, 'host'],
    ['short', { type: 'tcp', host: '127.2', port: tcp2.port }, 'host'],
    ['IPv4-mapped IPv6', { type: 'tcp', host: '::ffff:127.0.0.2', port: tcp2.port }, 'host'],
    ['IPv4-mapped IPv6 in hex', { type: 'tcp', host: '[::ffff:7f00:2]', port: tcp2.port }, 'host'],
    ['IPv6 loopback', { type: 'tcp', host: '::1', port: ipv6.port }, 'host'],
    ['a name resolving to 127.0.0.2', { type: 'tls', host: 'inside.fixpath.test', port: tcp2.port }, 'host'],
    ['an http URL', { type: 'http', url: `http://127.0.0.2:${http2.port}/` }, 'url'],
    ['an http URL with a decimal host', { type: 'http', url: `http://2130706434:${http2.port}/` }, 'url'],
    ['http by host and port', { type: 'http', host: '127.0.0.2', port: http2.port }, 'host'],
    ['ping', { type: 'ping', host: '127.0.0.2' }, 'host'],
    ['traceroute', { type: 'traceroute', host: '127.0.0.2' }, 'host'],
    ['mtu', { type: 'mtu', host: '127.0.0.2' }, 'host'],
    ['a DNS resolver', { type: 'dns', host: 'www.fixpath.test', resolver: `127.0.0.2:${dns2.port}` }, 'resolver'],
    ['a DNS resolver in decimal', { type: 'dns', host: 'www.fixpath.test', resolver: `2130706434:${dns2.port}` }, 'resolver'],
  ];

  it('403 TARGET_FORBIDDEN for every spelling, audited with the refused address', async () => {
    for (const [name, body, field] of forbiddenBodies()) {
      const { handler, audit } = handlerFor();
      const response = await handler(post(body));
      assert.equal(response.status, 403, name);
      const { error } = await response.json();
      assert.equal(error.code, 'TARGET_FORBIDDEN', name);
      assert.equal(error.field, field, name);
      assert.match(error.message, /probes may not reach \(loopback\)/, name);
      assert.equal(audit[0].code, 'TARGET_FORBIDDEN', name);
      assert.match(audit[0].resolvedIp ?? '', /^(127\.0\.0\.2|::1)$/, name);
    }
  });

  it('a redirect to 127.0.0.2 is reported, not followed', async () => {
    const { handler } = handlerFor();
    const response = await handler(post({ type: 'http', url: `http://127.0.0.1:${redirector.port}/` }));
    assert.equal(response.status, 200);
    const result = await response.json();
    assert.equal(result.code, 'HTTP_REDIRECT');
    assert.equal(result.details.redirectRefused.address, '127.0.0.2');
  });

  it('PROBE_DENY refuses even what PROBE_ALLOW lists', async () => {
    const { handler } = handlerFor({ context: testContext({ allow: '127.0.0.0/8', deny: '127.0.0.2/32' }) });
    const response = await handler(post({ type: 'tcp', host: '127.0.0.2', port: tcp2.port }));
    assert.equal(response.status, 403);
    assert.match((await response.json()).error.message, /PROBE_DENY/);
  });
});
