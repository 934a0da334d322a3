import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockSkewSeconds, parseHsts } from '../../lib/probes/http/response';
import { mtuFinding, parseMtuHint } from '../../lib/probes/system/mtu';
import { parsePingOutput, pingArguments, pingFinding } from '../../lib/probes/system/ping';
import { incompleteTraceSummary, parseTracepath, parseTraceroute } from '../../lib/probes/system/traceroute';
import { classifyTcpError } from '../../lib/probes/tcp/connect';
import { classifyVerifyError } from '../../lib/probes/tls/verify';

// What the probes make of what the system told them: tool output, socket and
// OpenSSL error codes, response headers. Pure: the live runs are in tests/integration.
describe('ping output', () => {
  it('passes the checked IP as the last argument, never through a shell', () => {
    assert.deepEqual(pingArguments('127.0.0.1', 4, 5), ['-n', '-4', '-c', '4', '-i', '0.2', '-W', '1', '-w', '5', '127.0.0.1']);
    assert.equal(pingArguments('::1', 1, 1)[1], '-6');
  });

  it('judges loss and silence from ping output', () => {
    const loss = parsePingOutput('4 packets transmitted, 3 received, 25% packet loss, time 603ms\nrtt min/avg/max/mdev = 10.1/12.5/15.0/1.2 ms\n');
    assert.ok(loss);
    assert.equal(pingFinding(loss, 'h', {}).code, 'PING_LOSS');
    assert.equal(loss.lossPercent, 25);
    const unreachable = parsePingOutput('From 192.0.2.1 icmp_seq=1 Destination Host Unreachable\n\n--- x ---\n4 packets transmitted, 0 received, +4 errors, 100% packet loss\n');
    assert.ok(unreachable);
    const finding = pingFinding(unreachable, 'h', {});
    assert.equal(finding.code, 'PING_UNREACHABLE');
    assert.match(finding.summary, /Destination Host Unreachable/);
    assert.equal(parsePingOutput('ping: socket: Operation not permitted'), null);
  });

  it('counts the single ping iputils sends before stopping at an ICMP error', () => {
    // Real output from the network lab (tests/integration/probe-netlab.test.ts): with -w, ping stops at the first error.
    const stats = parsePingOutput(
      'PING 198.18.2.12 (198.18.2.12) 56(84) bytes of data.\nFrom 198.18.1.1 icmp_seq=1 Destination Host Unreachable\n\n--- 198.18.2.12 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n',
    );
    assert.ok(stats);
    assert.equal(pingFinding(stats, '198.18.2.12', {}).summary, '198.18.2.12 did not answer the 1 ping sent (Destination Host Unreachable).');
  });
});

describe('traceroute and tracepath output', () => {
  it('parses incomplete traces from both tools', () => {
    const traceroute = parseTraceroute('traceroute to 198.51.100.7 (198.51.100.7), 20 hops max\n 1  192.0.2.1  0.512 ms\n 2  *\n 3  203.0.113.9  9.1 ms !H\n');
    assert.deepEqual(traceroute, [
      { hop: 1, address: '192.0.2.1', rttMs: 0.512 },
      { hop: 2, address: null, rttMs: null },
      { hop: 3, address: '203.0.113.9', rttMs: 9.1, note: '!H' },
    ]);
    assert.equal(
      incompleteTraceSummary('198.51.100.7', traceroute),
      'The trace did not reach 198.51.100.7; the last hop that answered is 203.0.113.9 (hop 3), which answered host unreachable (!H).',
    );
    assert.equal(incompleteTraceSummary('198.51.100.7', traceroute.slice(0, 2)), 'The trace did not reach 198.51.100.7; the last hop that answered is 192.0.2.1 (hop 1).');
    assert.equal(incompleteTraceSummary('198.51.100.7', [{ hop: 1, address: null, rttMs: null }]), 'The trace did not reach 198.51.100.7; no hop answered.');
    const tracepath = parseTracepath(' 1?: [LOCALHOST]                      pmtu 1500\n 1:  192.0.2.1                  0.401ms\n 2:  no reply\n');
    assert.deepEqual(tracepath, [
      { hop: 1, address: '192.0.2.1', rttMs: 0.401 },
      { hop: 2, address: null, rttMs: null },
    ]);
    // Real output from the network lab: the router refuses hop 2 with host unreachable.
    const refused = parseTracepath(' 1?: [LOCALHOST]                      pmtu 1500\n 1:  198.18.1.1                                            0.040ms \n 1:  198.18.1.1                                            0.010ms \n 2:  198.18.1.1                                            0.012ms !H\n     Resume: pmtu 1500 \n');
    assert.deepEqual(refused, [
      { hop: 1, address: '198.18.1.1', rttMs: 0.04 },
      { hop: 2, address: '198.18.1.1', rttMs: 0.012, note: '!H' },
    ]);
  });
});

describe('path MTU from ping errors', () => {
  it('reads the MTU from ping errors and judges it', () => {
    assert.equal(parseMtuHint('ping: local error: message too long, mtu=1400'), 1400);
    assert.equal(parseMtuHint('From 192.0.2.1 icmp_seq=1 Frag needed and DF set (mtu = 1380)'), 1380);
    assert.equal(parseMtuHint('64 bytes from 192.0.2.1'), null);
    const needed = mtuFinding('h', 1400, false, {});
    assert.equal(needed.code, 'MTU_FRAGMENTATION_NEEDED');
    assert.equal(needed.details.pathMtu, 1400);
    assert.match(mtuFinding('h', 1420, true, {}).summary, /black hole/);
    assert.equal(mtuFinding('h', null, false, {}).code, 'MTU_OK');
  });
});

describe('error codes to result codes', () => {
  it('classifies socket errors', () => {
    assert.equal(classifyTcpError('ECONNREFUSED'), 'TCP_REFUSED');
    assert.equal(classifyTcpError('ETIMEDOUT'), 'TCP_TIMEOUT');
    assert.equal(classifyTcpError('EHOSTUNREACH'), 'TCP_UNREACHABLE');
    assert.equal(classifyTcpError('ENETUNREACH'), 'TCP_UNREACHABLE');
    assert.equal(classifyTcpError('ECONNRESET'), 'TCP_RESET');
  });

  it('maps OpenSSL verify errors to codes', () => {
    assert.equal(classifyVerifyError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'TLS_UNTRUSTED_ROOT');
    assert.equal(classifyVerifyError('CERT_REVOKED'), 'TLS_UNTRUSTED_ROOT');
  });
});

describe('http response headers', () => {
  it('parses HSTS and clock skew', () => {
    assert.deepEqual(parseHsts('max-age="300"'), { maxAge: 300, includeSubDomains: false, preload: false });
    assert.equal(parseHsts(undefined), null);
    assert.equal(clockSkewSeconds('Thu, 01 Jan 2099 00:00:00 GMT', Date.parse('2098-12-31T23:59:00.400Z')), 60);
    assert.equal(clockSkewSeconds('Thu, 01 Jan 2099 00:00:00 GMT', Date.parse('2099-01-01T00:10:00.300Z')), -600);
    assert.equal(clockSkewSeconds('garbage', Date.now()), null);
  });
});
