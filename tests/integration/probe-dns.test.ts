import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { probeDns } from '../../lib/probes/dns/probe';
import { TargetForbiddenError } from '../../lib/probes/server';
import { testContext } from '../fixtures/probes/context';
import { startDnsServer, type TestDnsServer } from '../fixtures/probes/dns-server';

// Every query goes to the test's own DNS server on 127.0.0.1, never the system resolver.
describe('dns probe against a local DNS server', () => {
  let server: TestDnsServer;
  // The documentation ranges the zone answers with are allowed, so the answers are shown.
  const context = testContext({ allow: '127.0.0.1/32,192.0.2.0/24,2001:db8::/32' });
  const probe = (name: string, timeoutMs = 1000) =>
    probeDns({ name, resolver: { ip: '127.0.0.1', port: server.port } }, context, new Deadline(timeoutMs));

  before(async () => {
    server = await startDnsServer({
      'www.fixpath.test': { A: ['192.0.2.10', '192.0.2.11'], AAAA: ['2001:db8::10'] },
      'v4only.fixpath.test': { A: ['192.0.2.20'] },
      'alias.fixpath.test': { CNAME: 'www.fixpath.test' },
      'broken.fixpath.test': 'servfail',
      'private.fixpath.test': 'refused',
      'empty.fixpath.test': 'nodata',
      'quiet.fixpath.test': 'silent',
      'intranet.fixpath.test': { A: ['10.0.0.5', '192.0.2.30'], AAAA: ['fd00::5'] },
    });
  });
  after(() => server.close());

  it('hides answers in ranges probes may not reach, saying which kind, unless PROBE_DNS_ANSWERS=show (L1)', async () => {
    const finding = await probe('intranet.fixpath.test');
    assert.equal(finding.code, 'DNS_OK');
    const records = finding.details.records as { A: { address: string; hidden?: string }[]; AAAA: { address: string; hidden?: string }[] };
    assert.deepEqual(records.A, [{ address: 'hidden (private)', ttl: 300, hidden: 'private' }, { address: '192.0.2.30', ttl: 300 }]);
    assert.deepEqual(records.AAAA, [{ address: 'hidden (uniqueLocal)', ttl: 300, hidden: 'uniqueLocal' }]);
    assert.doesNotMatch(JSON.stringify(finding), /10\.0\.0\.5|fd00::5/);
    assert.match(finding.summary, /resolves to 192\.0\.2\.30, an address in a private range \(not shown\), an address in a uniqueLocal range \(not shown\)/);

    const shown = await probeDns({ name: 'intranet.fixpath.test', resolver: { ip: '127.0.0.1', port: server.port } }, { ...context, dnsAnswers: 'show' }, new Deadline(1000));
    assert.deepEqual((shown.details.records as { A: { address: string }[] }).A.map((record) => record.address), ['10.0.0.5', '192.0.2.30']);
  });

  it('DNS_OK with A, AAAA and TTLs', async () => {
    const finding = await probe('www.fixpath.test');
    assert.equal(finding.code, 'DNS_OK');
    const records = finding.details.records as { A: { address: string; ttl: number }[]; AAAA: { address: string }[] };
    assert.deepEqual(records.A.map((record) => record.address), ['192.0.2.10', '192.0.2.11']);
    assert.equal(records.A[0].ttl, 300);
    assert.deepEqual(records.AAAA.map((record) => record.address), ['2001:db8::10']);
    assert.match(finding.summary, /www\.fixpath\.test resolves to 192\.0\.2\.10, 192\.0\.2\.11, 2001:db8::10/);
    assert.equal(finding.details.resolver, `127.0.0.1:${server.port}`);
  });

  it('DNS_OK for an A-only name records the missing AAAA as no data', async () => {
    const finding = await probe('v4only.fixpath.test');
    assert.equal(finding.code, 'DNS_OK');
    assert.equal((finding.details.errors as Record<string, string>).AAAA, 'ENODATA');
  });

  it('reports the CNAME behind an alias', async () => {
    const finding = await probe('alias.fixpath.test');
    assert.equal(finding.code, 'DNS_OK');
    assert.deepEqual((finding.details.records as { CNAME: string[] }).CNAME, ['www.fixpath.test']);
    assert.match(finding.summary, /alias of www\.fixpath\.test/);
  });

  it('DNS_NXDOMAIN for a name that does not exist', async () => {
    const finding = await probe('missing.fixpath.test');
    assert.equal(finding.code, 'DNS_NXDOMAIN');
    assert.match(finding.summary, /does not exist/);
  });

  it('DNS_SERVFAIL', async () => {
    assert.equal((await probe('broken.fixpath.test')).code, 'DNS_SERVFAIL');
  });

  it('DNS_REFUSED', async () => {
    const finding = await probe('private.fixpath.test');
    assert.equal(finding.code, 'DNS_REFUSED');
    assert.match(finding.summary, /refused to answer/);
  });

  it('DNS_NODATA for a name with no address records', async () => {
    assert.equal((await probe('empty.fixpath.test')).code, 'DNS_NODATA');
  });

  it('DNS_TIMEOUT when the server never answers, within the budget', async () => {
    const start = performance.now();
    const finding = await probe('quiet.fixpath.test', 300);
    assert.equal(finding.code, 'DNS_TIMEOUT');
    assert.ok(performance.now() - start < 2000, 'the probe stops near its budget');
  });

  it('DNS_REFUSED naming the port when nothing listens there', async () => {
    const finding = await probeDns({ name: 'www.fixpath.test', resolver: { ip: '127.0.0.1', port: 1 } }, context, new Deadline(500));
    assert.equal(finding.code, 'DNS_REFUSED');
    assert.match(finding.summary, /Nothing answers DNS at 127\.0\.0\.1:1/);
  });
});

describe('dns probe: the resolver is a target too', () => {
  it('refuses a resolver outside PROBE_ALLOW, and the server there receives nothing', async () => {
    const server = await startDnsServer({ 'www.fixpath.test': { A: ['192.0.2.10'] } }, '127.0.0.2');
    try {
      await assert.rejects(
        probeDns({ name: 'www.fixpath.test', resolver: { ip: '127.0.0.2', port: server.port } }, testContext(), new Deadline(500)),
        (error: unknown) => error instanceof TargetForbiddenError && error.subject === 'resolver' && error.reason === 'loopback',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(server.queries, 0);
    } finally {
      await server.close();
    }
  });
});
