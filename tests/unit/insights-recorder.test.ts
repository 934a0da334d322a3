import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRecorder, type InsightEvent } from '../../lib/insights';
import { redactHosts } from '../../lib/insights/redact';

const view = (slug: string): InsightEvent => ({ type: 'view', at: '2026-11-29T00:00:00.000Z', lang: 'en', slug });

/** A recorder over a fake network and clock: what was sent, and the work waiting for idle time. */
function harness(status = 202) {
  const sent: string[] = [];
  const leaving: boolean[] = [];
  const waiting: Array<() => void> = [];
  const recorder = createRecorder({
    send: async (body, gone) => {
      sent.push(body);
      leaving.push(gone);
      return { status };
    },
    later: (work) => waiting.push(work),
  });
  return { sent, leaving, waiting, recorder, idle: () => waiting.splice(0).forEach((work) => work()) };
}

describe('the insights recorder', () => {
  it('sends nothing while recording, then one batch when the page is idle', () => {
    const { sent, waiting, recorder, idle } = harness();
    recorder.record(view('a'));
    recorder.record(view('b'));
    assert.deepEqual(sent, []);
    assert.equal(waiting.length, 1, 'one idle callback for the whole batch');
    idle();
    assert.equal(sent.length, 1);
    assert.deepEqual(JSON.parse(sent[0]).events.map((e: InsightEvent) => (e as { slug: string }).slug), ['a', 'b']);
  });

  it('sends a full batch of 50 at once and the rest later; flushNow sends what is queued, as the page goes away', () => {
    const { sent, leaving, recorder } = harness();
    for (let n = 0; n < 53; n += 1) recorder.record(view(`s${n}`));
    assert.equal(sent.length, 1);
    assert.equal(JSON.parse(sent[0]).events.length, 50);
    recorder.flushNow();
    assert.equal(JSON.parse(sent[1]).events.length, 3);
    // Only the batch sent as the page goes away must outlive it (keepalive).
    assert.deepEqual(leaving, [false, true]);
  });

  it('stops for the page after a 401 (a visitor who is not signed in costs one request)', async () => {
    const { sent, recorder, idle } = harness(401);
    recorder.record(view('a'));
    idle();
    await new Promise((resolve) => setImmediate(resolve));
    recorder.record(view('b'));
    idle();
    recorder.flushNow();
    assert.equal(sent.length, 1);
  });
});

describe('hosts in search queries', () => {
  it('hides names and addresses, keeps error codes and times', () => {
    assert.equal(redactHosts('api.example.com 连不上'), '[host] 连不上');
    assert.equal(redactHosts('connect 10.0.0.5:443 refused'), 'connect [host]:443 refused');
    assert.equal(redactHosts('[2001:db8::1]:8443 timeout'), '[host]:8443 timeout');
    assert.equal(redactHosts('fe80::1%eth0'), '[host]');
    assert.equal(redactHosts('ERR_SSL_PROTOCOL_ERROR at 12:30:45'), 'ERR_SSL_PROTOCOL_ERROR at 12:30:45');
  });
});
