import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLookupGuard } from '../../lib/probes/dns/lookup-guard';
import { createNameLookup } from '../../lib/probes/dns/name-lookup';
import { createProbeHandler, type ProbeAuthorize } from '../../lib/probes/server';
import { testContext } from '../fixtures/probes/context';
import { startDnsServer, type TestDnsServer } from '../fixtures/probes/dns-server';
import { startSilentServer, type TestServer } from '../fixtures/probes/servers';

/** `Authorization: Bearer <name>` is the caller `user:<name>`: each test client its own key. */
const authorize: ProbeAuthorize = async (request) => {
  const id = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? 'nobody';
  return { ok: true, caller: { key: `user:${id}`, userId: id, via: 'token' } };
};

// Every name goes to the test's own DNS servers on 127.0.0.1 (no hosts file): one that answers
// some names and never answers others, as a broken upstream does (red-team H2).
describe('name lookups: a per-caller cap and a negative cache (red-team H2)', () => {
  let dns: TestDnsServer;
  let open: TestServer;
  let dir: string;

  before(async () => {
    open = await startSilentServer();
    dns = await startDnsServer({
      'app.fixpath.test': { A: ['127.0.0.1'] },
      'dead.fixpath.test': 'silent',
      'dead2.fixpath.test': 'silent',
      'dead3.fixpath.test': 'silent',
      'dead4.fixpath.test': 'silent',
      'dead5.fixpath.test': 'silent',
      'burst.fixpath.test': 'silent',
      'patient.fixpath.test': 'silent',
      'gone.fixpath.test': 'nxdomain',
    });
    dir = mkdtempSync(path.join(tmpdir(), 'fixpath-lookups-'));
  });
  after(async () => {
    await Promise.all([dns.close(), open.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A handler whose lookups go to the test DNS server, with a fresh guard; the share cap is raised so the lookup cap is what bites. */
  function handler(ttlSeconds = 10) {
    const context = {
      ...testContext(),
      lookup: createNameLookup({ hostsFile: path.join(dir, 'no-hosts'), servers: [`127.0.0.1:${dns.port}`] }),
      lookups: createLookupGuard({ maxPerCaller: 4, ttlMs: ttlSeconds * 1000 }),
    };
    return createProbeHandler({ context, rateLimit: null, token: undefined, authorize, maxPerCaller: 16, audit: () => {} });
  }

  async function probe(handle: ReturnType<typeof handler>, caller: string, body: Record<string, unknown>) {
    const start = performance.now();
    const response = await handle(new Request('http://fixpath.test/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${caller}` },
      body: JSON.stringify(body),
    }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any, ms: performance.now() - start };
  }

  it('a caller with 4 lookups stuck on a silent DNS server gets 503 BUSY for a fifth, and other callers\' names still resolve', async () => {
    const handle = handler();
    const stuck = ['dead', 'dead2', 'dead3', 'dead4'].map((label) =>
      probe(handle, 'mallory', { type: 'tcp', host: `${label}.fixpath.test`, port: open.port, timeoutMs: 1500 }));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const fifth = await probe(handle, 'mallory', { type: 'tcp', host: 'dead5.fixpath.test', port: open.port, timeoutMs: 1500 });
    assert.equal(fifth.status, 503);
    assert.equal(fifth.body.error.code, 'BUSY');
    assert.match(fifth.body.error.message, /4 name lookups in flight/);
    assert.equal(fifth.retryAfter, '1');
    assert.ok(fifth.ms < 200, `the fifth was turned away at once (${fifth.ms.toFixed(0)} ms)`);

    // Another client, while all four are still waiting: its name resolves and its probe runs.
    const other = await probe(handle, 'li', { type: 'tcp', host: 'app.fixpath.test', port: open.port, timeoutMs: 1500 });
    assert.equal(other.status, 200);
    assert.equal(other.body.code, 'TCP_OPEN', other.body.summary);
    assert.ok(other.ms < 500, `the other client was not held up (${other.ms.toFixed(0)} ms)`);

    const codes = (await Promise.all(stuck)).map((result) => result.body.code);
    assert.deepEqual(codes, ['DNS_TIMEOUT', 'DNS_TIMEOUT', 'DNS_TIMEOUT', 'DNS_TIMEOUT']);
    // Their lookups ended with them: the caller may look names up again.
    const again = await probe(handle, 'mallory', { type: 'tcp', host: 'app.fixpath.test', port: open.port, timeoutMs: 1500 });
    assert.equal(again.body.code, 'TCP_OPEN');
  });

  it('a second probe of a dead name within the TTL answers at once from the cache, saying so and until when', async () => {
    const handle = handler();
    const first = await probe(handle, 'li', { type: 'tcp', host: 'dead.fixpath.test', port: open.port, timeoutMs: 400 });
    assert.equal(first.body.code, 'DNS_TIMEOUT');
    assert.equal(first.body.details.cached, undefined);
    assert.ok(first.ms >= 350, `the first waited for the silent server (${first.ms.toFixed(0)} ms)`);

    const queries = dns.queries;
    const second = await probe(handle, 'sam', { type: 'tcp', host: 'dead.fixpath.test', port: open.port, timeoutMs: 400 });
    assert.equal(second.body.code, 'DNS_TIMEOUT');
    assert.ok(second.ms < 100, `the second answered at once (${second.ms.toFixed(0)} ms)`);
    assert.equal(dns.queries, queries, 'no query was sent');
    const { at, expiresAt } = second.body.details.cached;
    const ttl = Date.parse(expiresAt) - Date.parse(at);
    assert.ok(ttl >= 10_000 && ttl < 11_000, `reused for the TTL (${ttl} ms)`);
    assert.match(second.body.summary, /did not resolve within 400 ms\. From the negative cache: .* DNS is asked again after /);

    // The dns probe through the same (system) servers shares the answer; a named resolver is a key of its own.
    const nxdomain = await probe(handle, 'li', { type: 'dns', host: 'gone.fixpath.test', resolver: `127.0.0.1:${dns.port}` });
    assert.equal(nxdomain.body.code, 'DNS_NXDOMAIN');
    const nxAgain = await probe(handle, 'li', { type: 'dns', host: 'gone.fixpath.test', resolver: `127.0.0.1:${dns.port}` });
    assert.equal(nxAgain.body.code, 'DNS_NXDOMAIN');
    assert.ok(nxAgain.body.details.cached?.expiresAt, 'the second NXDOMAIN came from the cache');
    assert.match(nxAgain.body.summary, /does not exist \(NXDOMAIN, according to the resolver 127\.0\.0\.1:\d+\)\. From the negative cache/);

    // A name that resolves is never cached.
    const resolved = await probe(handle, 'li', { type: 'dns', host: 'app.fixpath.test', resolver: `127.0.0.1:${dns.port}` });
    const resolvedAgain = await probe(handle, 'li', { type: 'dns', host: 'app.fixpath.test', resolver: `127.0.0.1:${dns.port}` });
    assert.deepEqual([resolved.body.code, resolvedAgain.body.code, resolvedAgain.body.details.cached], ['DNS_OK', 'DNS_OK', undefined]);
  });

  it('a burst of probes for a dead name from many clients costs one upstream lookup', async () => {
    const handle = handler();
    const queries = dns.queries;
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      probe(handle, `client${i}`, { type: 'dns', host: 'burst.fixpath.test', resolver: `127.0.0.1:${dns.port}`, timeoutMs: 500 })));
    assert.deepEqual(new Set(burst.map((result) => result.body.code)), new Set(['DNS_TIMEOUT']));
    // One lookup is three queries (A, AAAA and CNAME in parallel).
    assert.equal(dns.queries - queries, 3, 'one lookup for the whole burst');
    // The others share that answer. Whether each also says "from the cache" depends on which
    // deadline fires first on a loaded machine (the probe's own or the lookup's), so only the
    // shape of that note is checked here; the cache's own test checks it is said.
    for (const result of burst.filter((one) => one.body.details.cached)) assert.match(String(result.body.details.cached.expiresAt), /^\d{4}-\d\d-\d\dT/);
  });

  it('a timeout is not reused for a more patient probe, and nothing is reused once the TTL is over', async () => {
    const handle = handler(1);
    const short = await probe(handle, 'li', { type: 'tcp', host: 'patient.fixpath.test', port: open.port, timeoutMs: 200 });
    assert.equal(short.body.code, 'DNS_TIMEOUT');
    const patient = await probe(handle, 'li', { type: 'tcp', host: 'patient.fixpath.test', port: open.port, timeoutMs: 600 });
    assert.equal(patient.body.details.cached, undefined);
    assert.ok(patient.ms >= 550, `the more patient probe asked DNS itself (${patient.ms.toFixed(0)} ms)`);
    assert.match(patient.body.summary, /within 600 ms\.$/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await probe(handle, 'li', { type: 'tcp', host: 'patient.fixpath.test', port: open.port, timeoutMs: 200 });
    assert.equal(later.body.details.cached, undefined, 'expired after the TTL');
  });
});
