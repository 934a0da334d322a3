import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createProbeHandler } from '../../lib/probes/server';
import { generateTestPki, type TestPki } from '../fixtures/probes/certs';
import { testContext } from '../fixtures/probes/context';
import { startDnsServer, type TestDnsServer } from '../fixtures/probes/dns-server';
import { startHttpServer, startTlsServer, type TestServer } from '../fixtures/probes/servers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run -s probe` would, in a child (async, so this process's test servers keep answering). */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/probe-cli.ts', ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', PROBE_ALLOW: '127.0.0.1/32', ...env } as unknown as NodeJS.ProcessEnv },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** The result without what differs from run to run: durations and phase timings. */
function stable(result: Record<string, unknown>): Record<string, unknown> {
  const { durationMs: _duration, ...rest } = result;
  const { timings: _timings, ...details } = rest.details as Record<string, unknown>;
  return { ...rest, details };
}

describe('probe CLI', () => {
  let pki: TestPki;
  let tlsServer: TestServer;
  let web: TestServer;
  let dns: TestDnsServer;

  before(async () => {
    pki = generateTestPki();
    tlsServer = await startTlsServer({ key: pki.valid.key, cert: pki.valid.cert + pki.intermediate.cert });
    web = await startHttpServer((_, response) => {
      response.sendDate = false; // a Date header would make clockSkewSeconds depend on when each run happened
      response.writeHead(503).end('down');
    });
    dns = await startDnsServer({ 'www.fixpath.test': { A: ['192.0.2.10'], AAAA: ['2001:db8::10'] } });
  });
  after(async () => {
    await Promise.all([tlsServer.close(), web.close(), dns.close()]);
    pki.cleanup();
  });

  /** The same body through the lib handler in this process (no rate limit, like the CLI). */
  async function viaHandler(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const handler = createProbeHandler({
      context: testContext({ extraCa: [pki.root.cert] }),
      rateLimit: null,
      token: 'test-service-token',
      audit: () => {},
    });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer test-service-token' };
    const response = await handler(new Request('http://fixpath.test/api/probe', { method: 'POST', headers, body: JSON.stringify(body) }));
    assert.equal(response.status, 200);
    return response.json();
  }

  it('--help documents the usage and exits 0', async () => {
    const run = await cli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: npm run -s probe -- <type> <host\[:port\]\|url>/);
    assert.match(run.stdout, /--resolver ip\[:port\]/);
    assert.match(run.stdout, /Exit codes/);
  });

  it('exits 2 with the message on bad input', async () => {
    for (const [args, message] of [
      [['smtp', 'example.com'], /type must be one of/],
      [['tcp', 'exa mple.com:80'], /target contains spaces/],
      [['tcp', 'example.com:0'], /target has the port "0"; a port is a whole number from 1 to 65535/],
      [['tcp', 'example.com', '--port', '0'], /port must be a whole number from 1 to 65535/],
      [['http', 'ftp://example.com/'], /url must use http or https/],
      [['dns', 'example.com', '--resolver', 'dns.google'], /resolver must be an IP address/],
      [['tcp'], /expected <type> and <host\[:port\]\|url>/],
    ] as [string[], RegExp][]) {
      const run = await cli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('exits 3 when the target policy refuses the target', async () => {
    const run = await cli(['tcp', '127.0.0.2:80']);
    assert.equal(run.code, 3);
    assert.equal(JSON.parse(run.stdout).error.code, 'TARGET_FORBIDDEN');
  });

  it('tls: same JSON as the handler; the CLI trusts the root through NODE_EXTRA_CA_CERTS', async () => {
    const target = `127.0.0.1:${tlsServer.port}`;
    const run = await cli(['tls', target], { NODE_EXTRA_CA_CERTS: pki.rootFile });
    assert.equal(run.code, 0, run.stderr);
    const fromCli = JSON.parse(run.stdout);
    assert.equal(fromCli.code, 'TLS_OK');
    const fromHandler = await viaHandler({ type: 'tls', host: '127.0.0.1', port: tlsServer.port });
    assert.deepEqual(stable(fromCli), stable(fromHandler));
  });

  it('tls: without NODE_EXTRA_CA_CERTS the same server is untrusted (the env var is what trusts it)', async () => {
    const run = await cli(['tls', `127.0.0.1:${tlsServer.port}`]);
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(run.stdout).code, 'TLS_UNTRUSTED_ROOT');
  });

  it('http and dns: same JSON as the handler', async () => {
    const url = `http://127.0.0.1:${web.port}/status`;
    const http = await cli(['http', url]);
    assert.equal(http.code, 1);
    assert.deepEqual(stable(JSON.parse(http.stdout)), stable(await viaHandler({ type: 'http', url })));

    const resolver = `127.0.0.1:${dns.port}`;
    const lookup = await cli(['dns', 'www.fixpath.test', '--resolver', resolver]);
    assert.equal(lookup.code, 0, lookup.stderr);
    assert.deepEqual(stable(JSON.parse(lookup.stdout)), stable(await viaHandler({ type: 'dns', host: 'www.fixpath.test', resolver })));
  });
});
