import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type tls from 'node:tls';
import { Deadline } from '../../lib/probes/run/deadline';
import type { Finding } from '../../lib/probes/run/finding';
import type { CertificateDetails, ChainLink } from '../../lib/probes/tls/certificate';
import { probeTls } from '../../lib/probes/tls/probe';
import { startDelayProxy } from '../../scripts/bench-probe-delay';
import { generateTestPki, type TestPki } from '../fixtures/probes/certs';
import { testContext } from '../fixtures/probes/context';
import { closedPort, startResetServer, startSilentServer, startHttpServer, startTlsServer, type TestServer } from '../fixtures/probes/servers';

// The private root is trusted through the context's extraCa (NODE_EXTRA_CA_CERTS
// is read only at process start); probe-cli.test.ts covers the env var itself.
/** What a TLS_OK result's details carry, as far as these tests read them. */
interface TlsOkDetails {
  protocol: string;
  cipher: { name: string };
  alpn: string | null;
  servername: string | null;
  certificate: CertificateDetails;
  chainAsSent: boolean;
  chain: ChainLink[];
  versions: Record<string, boolean | null>;
  problems: { code: string; summary: string }[];
}

const codesOf = (finding: Finding) => (finding.details.problems as { code: string }[]).map((problem) => problem.code);

describe('tls probe against local servers', () => {
  let pki: TestPki;
  const servers: TestServer[] = [];
  const ports: Record<string, number> = {};
  const NAME = 'valid.fixpath.test';

  const serve = async (label: string, options: tls.TlsOptions) => {
    const server = await startTlsServer(options);
    servers.push(server);
    ports[label] = server.port;
    return server;
  };

  before(async () => {
    pki = generateTestPki();
    const chain = (leaf: { key: string; cert: string }) => ({ key: leaf.key, cert: leaf.cert + pki.intermediate.cert });
    await serve('valid', chain(pki.valid));
    await serve('expired', chain(pki.expired));
    await serve('notYetValid', chain(pki.notYetValid));
    await serve('wrongHost', chain(pki.wrongHost));
    await serve('selfSigned', pki.selfSigned);
    await serve('untrusted', { key: pki.untrustedLeaf.key, cert: pki.untrustedLeaf.cert + pki.untrustedRoot.cert });
    await serve('missingIntermediate', pki.valid);
    await serve('selfSignedExpired', pki.selfSignedExpired);
    await serve('untrustedExpired', { key: pki.untrustedExpired.key, cert: pki.untrustedExpired.cert + pki.untrustedRoot.cert });
    await serve('tls13', { ...chain(pki.valid), minVersion: 'TLSv1.3' });
    await serve('tls10Expired', { ...chain(pki.expired), minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    await serve('tls10', { ...chain(pki.legacyRsa), minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    await serve('tls12', { ...chain(pki.valid), maxVersion: 'TLSv1.2' });
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    pki.cleanup();
  });

  const context = () => testContext({ hosts: { [NAME]: ['127.0.0.1'], 'localhost.fixpath.test': ['127.0.0.1'], localhost: ['127.0.0.1'] }, extraCa: [pki.root.cert] });
  const probe = (label: string, options: { name?: string; trust?: boolean; timeoutMs?: number } = {}): Promise<Finding> => {
    const ctx = options.trust === false ? { ...context(), extraCa: undefined } : context();
    return probeTls({ host: options.name ?? NAME, port: ports[label] }, ctx, new Deadline(options.timeoutMs ?? 2000));
  };

  it('TLS_OK for a valid chain, with certificate, chain as sent and versions', async () => {
    const finding = await probe('valid');
    assert.equal(finding.code, 'TLS_OK', finding.summary);
    const details = finding.details as unknown as TlsOkDetails;
    assert.equal(details.protocol, 'TLSv1.3');
    assert.equal(typeof details.cipher.name, 'string');
    assert.equal(details.alpn, null, 'the test server offers no ALPN');
    assert.equal(details.servername, NAME);
    assert.equal(details.certificate.subject, 'CN=valid.fixpath.test');
    assert.deepEqual(details.certificate.subjectAltNames, ['DNS:localhost', 'DNS:valid.fixpath.test', 'IP Address:127.0.0.1']);
    assert.equal(details.certificate.issuer, 'CN=Fixpath Test Intermediate');
    assert.ok(details.certificate.daysLeft > 800);
    assert.match(details.certificate.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(details.chainAsSent, true);
    assert.deepEqual(details.chain.map((link: { subject: string }) => link.subject), ['CN=valid.fixpath.test', 'CN=Fixpath Test Intermediate']);
    assert.deepEqual(details.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    assert.deepEqual(details.problems, []);
    assert.match(finding.summary, /succeeded/);
  });

  /** The server logs a name once its side of a handshake ends, which may be just after the probe returns. */
  const namesAfter = async (server: TestServer, seen: number) => {
    for (let wait = 0; wait < 100 && server.servernames.length <= seen; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    return server.servernames.slice(seen);
  };

  it('sends SNI with the name the caller asked for', async () => {
    const server = servers[0];
    const seen = server.servernames.length;
    await probe('valid');
    const names = await namesAfter(server, seen);
    assert.ok(names.length > 0);
    assert.ok(names.every((name) => name === NAME));
  });

  it('reports which versions a TLS 1.2-only server accepts', async () => {
    const finding = await probe('tls12');
    assert.equal(finding.code, 'TLS_OK');
    assert.equal(finding.details.protocol, 'TLSv1.2');
    assert.deepEqual(finding.details.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false });
  });

  const certificateCases: [string, string, RegExp, Record<string, unknown>?][] = [
    ['expired', 'TLS_CERT_EXPIRED', /expired on 2021-01-01/],
    ['notYetValid', 'TLS_CERT_NOT_YET_VALID', /not valid before 2099-01-01/],
    ['wrongHost', 'TLS_HOSTNAME_MISMATCH', /does not cover valid\.fixpath\.test; it names DNS:other\.fixpath\.test/, { hostnameMatches: false }],
    ['selfSigned', 'TLS_SELF_SIGNED', /self-signed certificate \(CN=localhost\)/, { verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }],
    ['untrusted', 'TLS_UNTRUSTED_ROOT', /leads to CN=Untrusted Test Root/, { verifyError: 'SELF_SIGNED_CERT_IN_CHAIN' }],
    ['missingIntermediate', 'TLS_INCOMPLETE_CHAIN', /sent only its own certificate/, { verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }],
  ];
  for (const [label, code, summary, extra] of certificateCases) {
    it(`${code} (${label}), still reading the certificate`, async () => {
      const finding = await probe(label);
      assert.equal(finding.code, code, finding.summary);
      assert.match(finding.summary, summary);
      assert.equal(finding.details.authorized, false);
      assert.ok((finding.details.certificate as { fingerprint256: string }).fingerprint256);
      for (const [key, value] of Object.entries(extra ?? {})) assert.deepEqual(finding.details[key], value);
    });
  }

  it('TLS_UNTRUSTED_ROOT for a valid chain whose root this machine does not trust', async () => {
    const finding = await probe('valid', { trust: false });
    assert.equal(finding.code, 'TLS_UNTRUSTED_ROOT');
    assert.equal(finding.details.verifyError, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    assert.match(finding.summary, /leads to CN=Fixpath Test Root/);
  });

  // The order (TLS_PROBLEM_ORDER): no handshake > trust > host name > dates; `code` is the first.
  it('lists every problem: an expired certificate for another host, the name first', async () => {
    const finding = await probe('expired', { name: 'localhost.fixpath.test' });
    assert.equal(finding.code, 'TLS_HOSTNAME_MISMATCH');
    assert.deepEqual(codesOf(finding), ['TLS_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED']);
    const [name, expired] = finding.details.problems as { code: string; summary: string }[];
    assert.match(name.summary, /does not cover localhost\.fixpath\.test/);
    assert.match(expired.summary, /expired on 2021-01-01/);
    assert.equal(finding.summary, name.summary);
  });

  it('lists every problem: an expired self-signed certificate is self-signed first (OpenSSL reports only the date)', async () => {
    const finding = await probe('selfSignedExpired', { name: 'localhost' });
    assert.equal(finding.details.verifyError, 'CERT_HAS_EXPIRED');
    assert.equal(finding.code, 'TLS_SELF_SIGNED', finding.summary);
    assert.deepEqual(codesOf(finding), ['TLS_SELF_SIGNED', 'TLS_CERT_EXPIRED']);
    assert.match(finding.summary, /self-signed certificate \(CN=localhost\)/);
  });

  it('lists every problem: expired, self-signed and for another host', async () => {
    const finding = await probe('selfSignedExpired', { name: 'localhost.fixpath.test' });
    assert.deepEqual(codesOf(finding), ['TLS_SELF_SIGNED', 'TLS_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED']);
    for (const problem of finding.details.problems as { summary: string }[]) assert.ok(problem.summary.length > 20);
  });

  it('an expired self-signed certificate the caller trusts is only expired', async () => {
    const ctx = { ...context(), extraCa: [pki.root.cert, pki.selfSignedExpired.cert] };
    const finding = await probeTls({ host: 'localhost', port: ports.selfSignedExpired }, ctx, new Deadline(2000));
    assert.deepEqual(codesOf(finding), ['TLS_CERT_EXPIRED'], finding.summary);
  });

  it('lists every problem: an expired leaf under an untrusted root', async () => {
    const finding = await probe('untrustedExpired');
    assert.equal(finding.code, 'TLS_UNTRUSTED_ROOT', finding.summary);
    assert.deepEqual(codesOf(finding), ['TLS_UNTRUSTED_ROOT', 'TLS_CERT_EXPIRED']);
  });

  it('a TLS 1.0-only server with an expired certificate: the version first, then the certificate', async () => {
    const finding = await probe('tls10Expired', { name: 'localhost.fixpath.test' });
    assert.equal(finding.code, 'TLS_PROTOCOL_MISMATCH');
    assert.deepEqual(codesOf(finding), ['TLS_PROTOCOL_MISMATCH', 'TLS_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED']);
  });

  it('reports which versions a TLS 1.3-only server accepts', async () => {
    const finding = await probe('tls13');
    assert.equal(finding.code, 'TLS_OK', finding.summary);
    assert.equal(finding.details.protocol, 'TLSv1.3');
    assert.deepEqual(finding.details.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
  });

  it('a TLS 1.2-only server: the chain as sent and the version from the scan, which stops after the first flight', async () => {
    const finding = await probe('tls12');
    const details = finding.details as unknown as TlsOkDetails;
    assert.equal(details.chainAsSent, true);
    assert.deepEqual(details.chain.map((link) => link.subject), ['CN=valid.fixpath.test', 'CN=Fixpath Test Intermediate']);
    assert.equal(details.cipher.name.length > 0, true);
  });

  it('over a slow path the probe costs about one round trip of handshakes, not one per version', async () => {
    // A proxy holding each chunk 250 ms each way, so round trips dwarf CPU time even on a busy
    // machine: the scan's handshakes overlap the verifying one. (Speed itself is bench:probe's.)
    const proxy = await startDelayProxy(ports.valid, 250);
    try {
      const start = performance.now();
      const finding = await probeTls({ host: NAME, port: proxy.port }, context(), new Deadline(8000));
      const elapsed = performance.now() - start;
      assert.equal(finding.code, 'TLS_OK', finding.summary);
      assert.deepEqual(finding.details.versions, { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
      // Overlapped, the probe takes about two round trips (1000 ms here: the handshake and the close);
      // run one after another, the handshakes took over three and a half (1850 ms and more).
      assert.ok(elapsed < 1400, `took ${Math.round(elapsed)} ms, nearly three round trips`);
    } finally {
      await proxy.close();
    }
  });

  it('an IP target sends no SNI and is checked against IP SANs', async () => {
    const seen = servers[0].servernames.length;
    const finding = await probeTls({ host: '127.0.0.1', port: ports.valid }, context(), new Deadline(2000));
    assert.equal(finding.code, 'TLS_OK', finding.summary);
    assert.equal(finding.details.servername, null);
    const names = await namesAfter(servers[0], seen);
    assert.ok(names.length > 0);
    assert.ok(names.every((name) => name === ''));
  });

  it('TLS_PROTOCOL_MISMATCH for a TLS 1.0-only server, proving the version it speaks', async () => {
    const finding = await probe('tls10');
    assert.equal(finding.code, 'TLS_PROTOCOL_MISMATCH');
    assert.deepEqual(finding.details.versions, { TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false });
    assert.match(finding.summary, /accepts only TLS 1\.0/);
    assert.deepEqual(codesOf(finding), ['TLS_PROTOCOL_MISMATCH']);
    assert.equal((finding.details.certificate as { subject: string }).subject, 'CN=legacy.fixpath.test');
  });

  it('TLS_NOT_TLS for plain HTTP on the port', async () => {
    const http = await startHttpServer((_, response) => response.end('plain'));
    try {
      const finding = await probeTls({ host: '127.0.0.1', port: http.port }, context(), new Deadline(2000));
      assert.equal(finding.code, 'TLS_NOT_TLS');
      assert.deepEqual(codesOf(finding), ['TLS_NOT_TLS']);
      assert.equal(finding.details.error, 'ERR_SSL_WRONG_VERSION_NUMBER');
    } finally {
      await http.close();
    }
  });

  it('TLS_HANDSHAKE_TIMEOUT for a server that accepts and stays silent', async () => {
    const silent = await startSilentServer();
    try {
      const start = performance.now();
      const finding = await probeTls({ host: '127.0.0.1', port: silent.port }, context(), new Deadline(300));
      assert.equal(finding.code, 'TLS_HANDSHAKE_TIMEOUT');
      assert.ok(performance.now() - start < 1500);
    } finally {
      await silent.close();
    }
  });

  it('TLS_RESET for a server that resets during the handshake', async () => {
    const reset = await startResetServer();
    try {
      const finding = await probeTls({ host: '127.0.0.1', port: reset.port }, context(), new Deadline(1000));
      assert.equal(finding.code, 'TLS_RESET');
    } finally {
      await reset.close();
    }
  });

  it('TCP_REFUSED for a closed port', async () => {
    const finding = await probeTls({ host: '127.0.0.1', port: await closedPort() }, context(), new Deadline(1000));
    assert.equal(finding.code, 'TCP_REFUSED');
  });
});
