import assert from 'node:assert/strict';
import https from 'node:https';
import { after, before, describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { TargetForbiddenError } from '../../lib/probes/server';
import { BODY_CAP_BYTES } from '../../lib/probes/http/exchange';
import { probeHttp } from '../../lib/probes/http/probe';
import { generateTestPki, type TestPki } from '../fixtures/probes/certs';
import { testContext } from '../fixtures/probes/context';
import { closedPort, listen, startHttpServer, startSilentServer, type TestServer } from '../fixtures/probes/servers';

describe('http probe against local servers', () => {
  let pki: TestPki;
  let app: TestServer;
  let secure: TestServer;
  let expired: TestServer;
  let forbidden: TestServer;
  let refusedPort: number;
  const hostHeaders: string[] = [];
  const NAME = 'www.fixpath.test';
  const SECURE_NAME = 'valid.fixpath.test';

  before(async () => {
    pki = generateTestPki();
    refusedPort = await closedPort();
    forbidden = await startHttpServer((_, response) => response.end('should never be reached'), '127.0.0.2');
    app = await startHttpServer((request, response) => {
      hostHeaders.push(request.headers.host ?? '');
      const path = request.url ?? '/';
      const hop = path.match(/^\/chain\/(\d+)$/);
      if (path === '/ok') return response.end('fine');
      if (path === '/skewed') {
        response.setHeader('date', new Date(Date.now() + 10 * 60_000).toUTCString());
        return response.end('late');
      }
      if (path === '/unavailable') return response.writeHead(503).end('down');
      if (path === '/limited') return response.writeHead(429, { 'retry-after': '30' }).end('slow down');
      if (path === '/missing') return response.writeHead(404).end();
      if (path === '/loop') return response.writeHead(302, { location: '/loop' }).end();
      if (hop) return response.writeHead(302, { location: `/chain/${Number(hop[1]) + 1}` }).end();
      if (path === '/go') return response.writeHead(301, { location: '/ok' }).end();
      if (path === '/to-closed') return response.writeHead(302, { location: `http://127.0.0.1:${refusedPort}/` }).end();
      if (path === '/to-forbidden') return response.writeHead(302, { location: `http://127.0.0.2:${forbidden.port}/` }).end();
      if (path === '/to-decimal') return response.writeHead(302, { location: `http://2130706434:${forbidden.port}/` }).end();
      if (path === '/to-name') return response.writeHead(307, { location: `http://inside.fixpath.test:${forbidden.port}/` }).end();
      if (path === '/to-star') return response.writeHead(302, { location: 'http://a*b/' }).end();
      if (path === '/to-long-label') return response.writeHead(302, { location: `http://${'a'.repeat(64)}.example/` }).end();
      if (path === '/to-ftp') return response.writeHead(302, { location: 'ftp://example.com/' }).end();
      if (path === '/big') return response.end(Buffer.alloc(BODY_CAP_BYTES * 4, 'x'));
      if (path === '/hang-up') return request.socket.destroy();
      return response.writeHead(404).end();
    });
    const tlsServer = https.createServer({ key: pki.valid.key, cert: pki.valid.cert + pki.intermediate.cert }, (_, response) => {
      response.setHeader('strict-transport-security', 'max-age=63072000; includeSubDomains; preload');
      response.end('secure');
    });
    secure = await listen(tlsServer);
    expired = await listen(https.createServer({ key: pki.expired.key, cert: pki.expired.cert + pki.intermediate.cert }, (_, response) => response.end()));
  });
  after(async () => {
    await Promise.all([app.close(), secure.close(), expired.close(), forbidden.close()]);
    pki.cleanup();
  });

  const context = () =>
    testContext({ hosts: { [NAME]: ['127.0.0.1'], [SECURE_NAME]: ['127.0.0.1'], 'inside.fixpath.test': ['127.0.0.2'] }, extraCa: [pki.root.cert] });
  const get = (url: string, timeoutMs = 2000) => probeHttp({ url: new URL(url) }, context(), new Deadline(timeoutMs));
  const at = (path: string) => `http://${NAME}:${app.port}${path}`;

  it('HTTP_OK with status, phase timings and the Host header keeping the name', async () => {
    const finding = await get(at('/ok'));
    assert.equal(finding.code, 'HTTP_OK', finding.summary);
    assert.equal(finding.details.status, 200);
    assert.equal(finding.details.address, '127.0.0.1');
    const timings = finding.details.timings as Record<string, number>;
    for (const phase of ['dnsMs', 'connectMs', 'firstByteMs', 'totalMs']) assert.equal(typeof timings[phase], 'number', phase);
    assert.equal(hostHeaders.at(-1), `${NAME}:${app.port}`);
    assert.ok(Math.abs(finding.details.clockSkewSeconds as number) <= 1, 'a server with the same clock shows no skew');
    assert.equal(finding.severity, 'ok');
  });

  it('reports a Date header ten minutes ahead as clock skew', async () => {
    const finding = await get(at('/skewed'));
    assert.equal(finding.code, 'HTTP_OK');
    const skew = finding.details.clockSkewSeconds as number;
    assert.ok(skew >= 598 && skew <= 601, `skew ${skew}`);
    assert.equal(finding.severity, 'warn');
    assert.match(finding.summary, new RegExp(`clock is ${skew} s ahead`));
  });

  it('HTTP_SERVER_ERROR for 503', async () => {
    const finding = await get(at('/unavailable'));
    assert.equal(finding.code, 'HTTP_SERVER_ERROR');
    assert.equal(finding.details.status, 503);
  });

  it('HTTP_CLIENT_ERROR for 429, with Retry-After', async () => {
    const finding = await get(at('/limited'));
    assert.equal(finding.code, 'HTTP_CLIENT_ERROR');
    assert.equal(finding.details.status, 429);
    assert.match(finding.summary, /rate limited \(Retry-After: 30\)/);
  });

  it('HTTP_CLIENT_ERROR for 404', async () => {
    assert.equal((await get(at('/missing'))).code, 'HTTP_CLIENT_ERROR');
  });

  it('follows a redirect by hand and reports the hop', async () => {
    const finding = await get(at('/go'));
    assert.equal(finding.code, 'HTTP_OK');
    assert.deepEqual(finding.details.redirects, [{ url: at('/go'), status: 301, location: at('/ok') }]);
    assert.match(finding.summary, /after 1 redirect/);
  });

  it('stops a redirect loop', async () => {
    const finding = await get(at('/loop'));
    assert.equal(finding.code, 'HTTP_REDIRECT');
    assert.equal(finding.details.redirectLoop, true);
    assert.match(finding.summary, /redirects in a loop/);
  });

  it('follows at most 5 redirects', async () => {
    const before = hostHeaders.length;
    const finding = await get(at('/chain/1'));
    assert.equal(finding.code, 'HTTP_REDIRECT');
    assert.equal(finding.details.tooManyRedirects, true);
    assert.equal(hostHeaders.length - before, 6, 'the first request and 5 redirects');
  });

  it('reports TCP_REFUSED when a redirect leads to a closed port', async () => {
    const finding = await get(at('/to-closed'));
    assert.equal(finding.code, 'TCP_REFUSED');
    assert.equal((finding.details.redirects as unknown[]).length, 1);
  });

  for (const path of ['/to-forbidden', '/to-decimal', '/to-name']) {
    it(`checks the redirect hop again: ${path} is not followed and 127.0.0.2 receives nothing`, async () => {
      const finding = await get(at(path));
      assert.equal(finding.code, 'HTTP_REDIRECT');
      assert.deepEqual(finding.details.redirectRefused, { url: (finding.details.redirectRefused as { url: string }).url, address: '127.0.0.2', reason: 'loopback' });
      assert.match(finding.summary, /which probes may not reach/);
      assert.equal(forbidden.connections, 0);
    });
  }

  it('does not follow a redirect to another scheme', async () => {
    const finding = await get(at('/to-ftp'));
    assert.equal(finding.code, 'HTTP_REDIRECT');
    assert.equal(finding.details.redirectStopped, 'unsupported scheme ftp:');
  });

  for (const [path, host] of [['/to-star', 'a*b'], ['/to-long-label', `${'a'.repeat(64)}.example`]]) {
    it(`a redirect to a host WHATWG URL takes but the address model refuses (${path}) is a stopped redirect, not a throw (L2)`, async () => {
      const finding = await get(at(path));
      assert.equal(finding.code, 'HTTP_REDIRECT');
      assert.equal(finding.details.status, 302);
      assert.match(String(finding.details.redirectStopped), /^invalid Location: host /);
      assert.ok(String(finding.details.redirectStopped).length > 'invalid Location: host '.length);
      assert.ok(JSON.stringify(finding.details.redirects).includes(host));
    });
  }

  it('caps the body it reads', async () => {
    const finding = await get(at('/big'));
    assert.equal(finding.code, 'HTTP_OK');
    assert.equal(finding.details.bodyTruncated, true);
    assert.equal(finding.details.bodyBytes, BODY_CAP_BYTES);
  });

  it('TCP_RESET when the server hangs up without answering', async () => {
    assert.equal((await get(at('/hang-up'))).code, 'TCP_RESET');
  });

  it('HTTP_TIMEOUT when the server accepts and never answers', async () => {
    const silent = await startSilentServer();
    try {
      const finding = await get(`http://127.0.0.1:${silent.port}/`, 300);
      assert.equal(finding.code, 'HTTP_TIMEOUT');
    } finally {
      await silent.close();
    }
  });

  it('https: verifies the certificate with SNI = the name and reports HSTS', async () => {
    const finding = await get(`https://${SECURE_NAME}:${secure.port}/`);
    assert.equal(finding.code, 'HTTP_OK', finding.summary);
    assert.deepEqual(finding.details.hsts, { maxAge: 63072000, includeSubDomains: true, preload: true });
    assert.equal(typeof (finding.details.timings as Record<string, number>).tlsMs, 'number');
    assert.equal((finding.details.tls as { protocol: string }).protocol, 'TLSv1.3');
  });

  it('https: lower-layer failures report the TLS code', async () => {
    const finding = await get(`https://${SECURE_NAME}:${expired.port}/`);
    assert.equal(finding.code, 'TLS_CERT_EXPIRED');
  });

  it('https on a plain HTTP port reports TLS_NOT_TLS', async () => {
    assert.equal((await get(`https://${NAME}:${app.port}/`)).code, 'TLS_NOT_TLS');
  });

  it('DNS_NXDOMAIN when the name does not resolve', async () => {
    assert.equal((await get('http://nowhere.fixpath.test/')).code, 'DNS_NXDOMAIN');
  });

  it('refuses a first hop outside the policy before connecting', async () => {
    await assert.rejects(get(`http://127.0.0.2:${forbidden.port}/`), TargetForbiddenError);
    await assert.rejects(get(`http://[::ffff:127.0.0.2]:${forbidden.port}/`), TargetForbiddenError);
    assert.equal(forbidden.connections, 0);
  });
});
