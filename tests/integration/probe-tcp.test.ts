import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { TargetForbiddenError } from '../../lib/probes/server';
import { probeTcp } from '../../lib/probes/tcp/probe';
import { startFullBacklog } from '../fixtures/probes/backlog-server';
import { testContext } from '../fixtures/probes/context';
import { closedPort, startSilentServer, type TestServer } from '../fixtures/probes/servers';

const loopback = '127.0.0.1';

describe('tcp probe', () => {
  let server: TestServer;
  before(async () => {
    server = await startSilentServer();
  });
  after(() => server.close());

  it('TCP_OPEN with the connect time', async () => {
    const finding = await probeTcp({ host: loopback, port: server.port }, testContext(), new Deadline(1000));
    assert.equal(finding.code, 'TCP_OPEN');
    assert.equal(typeof (finding.details.timings as { connectMs: number }).connectMs, 'number');
    assert.equal(finding.details.address, '127.0.0.1');
  });

  it('connects to the checked address of a name', async () => {
    const context = testContext({ hosts: { 'app.fixpath.test': ['127.0.0.1'] } });
    const before = server.connections;
    const finding = await probeTcp({ host: 'app.fixpath.test', port: server.port }, context, new Deadline(1000));
    assert.equal(finding.code, 'TCP_OPEN');
    assert.match(finding.summary, /app\.fixpath\.test:\d+ accepts TCP connections/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.connections, before + 1);
  });

  it('TCP_REFUSED on a closed port', async () => {
    const finding = await probeTcp({ host: loopback, port: await closedPort() }, testContext(), new Deadline(1000));
    assert.equal(finding.code, 'TCP_REFUSED');
    assert.equal(finding.details.error, 'ECONNREFUSED');
  });

  it('TCP_TIMEOUT when SYNs go unanswered (a listener whose queue is full)', async (t) => {
    const backlog = await startFullBacklog();
    if (!backlog) return t.skip('python3 is not installed');
    try {
      const start = performance.now();
      const finding = await probeTcp({ host: loopback, port: backlog.port }, testContext(), new Deadline(300));
      assert.equal(finding.code, 'TCP_TIMEOUT');
      assert.ok(performance.now() - start < 1500);
    } finally {
      backlog.close();
    }
  });

  it('DNS_NXDOMAIN when the name does not resolve', async () => {
    const finding = await probeTcp({ host: 'nowhere.fixpath.test', port: 80 }, testContext(), new Deadline(500));
    assert.equal(finding.code, 'DNS_NXDOMAIN');
  });

  it('refuses 127.0.0.2 (outside PROBE_ALLOW) and that server receives nothing', async () => {
    const other = await startSilentServer('127.0.0.2');
    try {
      await assert.rejects(
        probeTcp({ host: '127.0.0.2', port: other.port }, testContext(), new Deadline(500)),
        TargetForbiddenError,
      );
      assert.equal(other.connections, 0);
    } finally {
      await other.close();
    }
  });
});
