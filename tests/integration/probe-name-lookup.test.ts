import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createNameLookup } from '../../lib/probes/dns/name-lookup';
import { probeDns } from '../../lib/probes/dns/probe';
import { resolveTarget } from '../../lib/probes/policy/resolve';
import { Deadline } from '../../lib/probes/run/deadline';
import { testContext } from '../fixtures/probes/context';
import { startDnsServer, type TestDnsServer } from '../fixtures/probes/dns-server';

// Every query goes to the test's own DNS server on 127.0.0.1 and a hosts file the test writes.
describe('name lookup for probe targets: hosts file, then DNS through c-ares', () => {
  let server: TestDnsServer;
  let dir: string;
  let lookup: ReturnType<typeof createNameLookup>;

  before(async () => {
    server = await startDnsServer({
      'www.fixpath.test': { A: ['192.0.2.10'], AAAA: ['2001:db8::10'] },
      'v6only.fixpath.test': { AAAA: ['2001:db8::20'] },
      'broken.fixpath.test': 'servfail',
      'empty.fixpath.test': 'nodata',
      'quiet.fixpath.test': 'silent',
    });
    dir = mkdtempSync(path.join(tmpdir(), 'fixpath-hosts-'));
    writeFileSync(path.join(dir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n192.0.2.99 www.fixpath.test.override\n');
    lookup = createNameLookup({ hostsFile: path.join(dir, 'hosts'), servers: [`127.0.0.1:${server.port}`] });
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with A then AAAA records from DNS', async () => {
    assert.deepEqual(await lookup('www.fixpath.test', 1000), ['192.0.2.10', '2001:db8::10']);
    assert.deepEqual(await lookup('v6only.fixpath.test', 1000), ['2001:db8::20']);
  });

  it('answers names in the hosts file without asking DNS', async () => {
    const before = server.queries;
    assert.deepEqual(await lookup('LOCALHOST', 1000), ['127.0.0.1', '::1']);
    assert.deepEqual(await lookup('www.fixpath.test.override', 1000), ['192.0.2.99']);
    assert.equal(server.queries, before, 'no DNS query was sent');
  });

  it('keeps each failure meaning: a probe target gets DNS_NXDOMAIN, DNS_SERVFAIL, DNS_NODATA or DNS_TIMEOUT', async () => {
    const context = { ...testContext(), lookup };
    const codes: Record<string, string> = {};
    for (const name of ['missing.fixpath.test', 'broken.fixpath.test', 'empty.fixpath.test', 'quiet.fixpath.test']) {
      const outcome = await resolveTarget(name, context, new Deadline(300));
      codes[name] = outcome.ok ? 'resolved' : outcome.finding.code;
    }
    assert.deepEqual(codes, {
      'missing.fixpath.test': 'DNS_NXDOMAIN',
      'broken.fixpath.test': 'DNS_SERVFAIL',
      'empty.fixpath.test': 'DNS_NODATA',
      'quiet.fixpath.test': 'DNS_TIMEOUT',
    });
  });

  it('names whose DNS server never answers do not hold up other lookups (red-team H2)', async () => {
    // Twelve stuck lookups used to take all four getaddrinfo threads for a minute, so every other
    // name-based probe on the server timed out. Now they are queries on the event loop.
    let stuckSettled = 0;
    const stuck = Array.from({ length: 12 }, (_, i) =>
      lookup(`quiet.fixpath.test`, 1500 + i).then(
        () => assert.fail('a silent server gave an answer'),
        (error: NodeJS.ErrnoException) => {
          stuckSettled += 1;
          return error.code;
        },
      ),
    );
    assert.deepEqual(await lookup('www.fixpath.test', 1000), ['192.0.2.10', '2001:db8::10']);
    assert.equal(stuckSettled, 0, 'the other client resolved while the stuck lookups were still waiting');
    assert.deepEqual(new Set(await Promise.all(stuck)), new Set(['ETIMEOUT']));
  });

  it('the DNS probe reports a hosts-file name as such instead of "does not exist"', async () => {
    const finding = await probeDns({ name: 'localhost' }, testContext(), new Deadline(1000));
    assert.equal(finding.code, 'DNS_OK');
    assert.equal(finding.details.resolver, 'hosts-file');
    assert.match(finding.summary, /^localhost is listed in this server's hosts file as 127\.0\.0\.1/);
  });
});
