import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { TargetForbiddenError } from '../../lib/probes/server';
import { probeMtu } from '../../lib/probes/system/mtu';
import { probePing } from '../../lib/probes/system/ping';
import { findTool } from '../../lib/probes/system/tool';
import { probeTraceroute } from '../../lib/probes/system/traceroute';
import { testContext } from '../fixtures/probes/context';

const loopback = { host: '127.0.0.1' };
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
    await assert.rejects(probePing({ host: '127.0.0.2' }, testContext(), new Deadline(1000)), TargetForbiddenError);
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
});
