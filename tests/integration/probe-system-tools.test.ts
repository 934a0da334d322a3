import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { TargetForbiddenError } from '../../lib/probes/server';
import { mtuFinding, parseMtuHint, probeMtu } from '../../lib/probes/system/mtu';
import { parsePingOutput, pingArguments, pingFinding, probePing } from '../../lib/probes/system/ping';
import { findTool } from '../../lib/probes/system/tool';
import { parseTracepath, parseTraceroute, probeTraceroute } from '../../lib/probes/system/traceroute';
import { testContext } from '../fixtures/probes/context';

const loopback = { host: { kind: 'ip', ip: '127.0.0.1', family: 4 } as const };
const missing = { ping: '/nonexistent/ping', traceroute: '/nonexistent/traceroute', tracepath: '/nonexistent/tracepath' };

// Live runs probe 127.0.0.1 only. They need iputils-ping, traceroute (or
// iputils-tracepath) installed; without them the UNAVAILABLE codes are the
// correct answer and the live tests say so instead of passing quietly.
describe('ping probe', () => {
  it('PING_OK against 127.0.0.1 with round-trip times', async (t) => {
    if (!findTool('ping')) return t.skip('ping is not installed (apt-get install iputils-ping)');
    const finding = await probePing(loopback, testContext(), new Deadline(3000));
    assert.equal(finding.code, 'PING_OK', finding.summary);
    assert.equal(finding.details.received, 4);
    assert.equal(typeof (finding.details.rttMs as { avg: number }).avg, 'number');
  });

  it('PING_UNAVAILABLE when the tool is missing', async () => {
    const finding = await probePing(loopback, { ...testContext(), tools: missing }, new Deadline(1000));
    assert.equal(finding.code, 'PING_UNAVAILABLE');
    assert.match(finding.summary, /not installed/);
  });

  it('PING_UNAVAILABLE when the system does not permit ping', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fixpath-tools-'));
    const fake = path.join(dir, 'ping');
    writeFileSync(fake, '#!/bin/sh\necho "ping: socket: Operation not permitted" >&2\nexit 2\n', { mode: 0o755 });
    try {
      const finding = await probePing(loopback, { ...testContext(), tools: { ping: fake } }, new Deadline(1000));
      assert.equal(finding.code, 'PING_UNAVAILABLE');
      assert.match(finding.summary, /not permitted here: ping: socket: Operation not permitted/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses 127.0.0.2 before running anything', async () => {
    await assert.rejects(probePing({ host: { kind: 'ip', ip: '127.0.0.2', family: 4 } }, testContext(), new Deadline(1000)), TargetForbiddenError);
  });

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
});

describe('traceroute probe', () => {
  it('TRACE_OK against 127.0.0.1 in one hop', async (t) => {
    if (!findTool('traceroute') && !findTool('tracepath')) return t.skip('neither traceroute nor tracepath is installed');
    const finding = await probeTraceroute(loopback, testContext(), new Deadline(5000));
    assert.equal(finding.code, 'TRACE_OK', finding.summary);
    assert.deepEqual((finding.details.hops as { address: string }[]).map((hop) => hop.address), ['127.0.0.1']);
  });

  it('falls back to tracepath when traceroute is missing', async (t) => {
    if (!findTool('tracepath')) return t.skip('tracepath is not installed (apt-get install iputils-tracepath)');
    const finding = await probeTraceroute(loopback, { ...testContext(), tools: { traceroute: missing.traceroute } }, new Deadline(5000));
    assert.equal(finding.code, 'TRACE_OK', finding.summary);
    assert.equal(finding.details.tool, 'tracepath');
  });

  it('TRACE_UNAVAILABLE when no tool is installed', async () => {
    const finding = await probeTraceroute(loopback, { ...testContext(), tools: missing }, new Deadline(1000));
    assert.equal(finding.code, 'TRACE_UNAVAILABLE');
  });

  it('parses incomplete traces from both tools', () => {
    const traceroute = parseTraceroute('traceroute to 198.51.100.7 (198.51.100.7), 20 hops max\n 1  192.0.2.1  0.512 ms\n 2  *\n 3  203.0.113.9  9.1 ms !H\n');
    assert.deepEqual(traceroute, [
      { hop: 1, address: '192.0.2.1', rttMs: 0.512 },
      { hop: 2, address: null, rttMs: null },
      { hop: 3, address: '203.0.113.9', rttMs: 9.1, note: '!H' },
    ]);
    const tracepath = parseTracepath(' 1?: [LOCALHOST]                      pmtu 1500\n 1:  192.0.2.1                  0.401ms\n 2:  no reply\n');
    assert.deepEqual(tracepath, [
      { hop: 1, address: '192.0.2.1', rttMs: 0.401 },
      { hop: 2, address: null, rttMs: null },
    ]);
  });
});

describe('mtu probe', () => {
  it('MTU_OK against 127.0.0.1 (loopback carries full-size packets)', async (t) => {
    if (!findTool('ping')) return t.skip('ping is not installed (apt-get install iputils-ping)');
    const finding = await probeMtu(loopback, testContext(), new Deadline(4000));
    assert.equal(finding.code, 'MTU_OK', finding.summary);
    assert.deepEqual(finding.details.tries, [
      { packetBytes: 84, result: 'reply' },
      { packetBytes: 1500, result: 'reply' },
    ]);
  });

  it('MTU_UNAVAILABLE when ping is missing', async () => {
    assert.equal((await probeMtu(loopback, { ...testContext(), tools: missing }, new Deadline(1000))).code, 'MTU_UNAVAILABLE');
  });

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
