import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '../../lib/cases/contract';
import { fullTime, relativeTime, shortTime } from '../../lib/cases/time';
import { groupTimeline } from '../../lib/cases/timeline';

const NOW = Date.parse('2026-11-29T06:03:30.000Z');

test('relative time: "just now" under a minute, then minutes, hours, days, months, years, in both languages', () => {
  assert.equal(relativeTime('2026-11-29T06:03:00.000Z', NOW, 'en'), 'now');
  assert.equal(relativeTime('2026-11-29T06:03:00.000Z', NOW, 'zh'), '现在');
  assert.equal(relativeTime('2026-11-29T05:58:30.000Z', NOW, 'en'), '5 minutes ago');
  assert.equal(relativeTime('2026-11-29T05:58:30.000Z', NOW, 'zh'), '5分钟前');
  assert.equal(relativeTime('2026-11-29T05:02:00.000Z', NOW, 'en'), '1 hour ago');
  assert.equal(relativeTime('2026-11-28T06:00:00.000Z', NOW, 'en'), 'yesterday');
  assert.equal(relativeTime('2026-11-26T06:00:00.000Z', NOW, 'zh'), '3天前');
  assert.equal(relativeTime('2026-09-20T06:00:00.000Z', NOW, 'en'), '2 months ago');
  assert.equal(relativeTime('2024-11-01T06:00:00.000Z', NOW, 'en'), '2 years ago');
  // A time ahead of the clock it is read against says so, rather than passing for the past.
  assert.equal(relativeTime('2026-11-29T06:05:40.000Z', NOW, 'en'), 'in 2 minutes');
});

test('short time: the clock in the viewer\'s zone today, with the date on other days and the year in other years', () => {
  assert.equal(shortTime('2026-11-29T06:03:00.000Z', NOW, 'en', 'Asia/Shanghai'), '14:03');
  assert.equal(shortTime('2026-11-29T06:03:00.000Z', NOW, 'zh', 'UTC'), '06:03');
  // 23:30 UTC on the 28th is already the 29th in Shanghai: "today" follows the viewer's zone.
  assert.equal(shortTime('2026-11-28T23:30:00.000Z', NOW, 'en', 'Asia/Shanghai'), '07:30');
  assert.equal(shortTime('2026-11-28T23:30:00.000Z', NOW, 'en', 'UTC'), '28 Nov, 23:30');
  assert.equal(shortTime('2026-11-28T23:30:00.000Z', NOW, 'zh', 'UTC'), '11月28日 23:30');
  assert.equal(shortTime('2025-11-28T23:30:00.000Z', NOW, 'en', 'UTC'), '28 Nov 2025, 23:30');
  assert.match(fullTime('2026-11-29T06:03:00.000Z', 'en', 'Asia/Shanghai'), /^29 Nov 2026, 14:03 GMT\+8$/);
});

const event = (id: number, kind: string, payload: Record<string, unknown> = {}, actor = 'u1'): TimelineEvent => ({ id, at: `2026-11-29T06:${String(id).padStart(2, '0')}:00.000Z`, actor, kind, payload });

test('event grouping: a flow run\'s start, steps, probes and end become one entry at its first event; the rest stay in order', () => {
  const events = [
    event(1, 'created'),
    event(2, 'flow-run', { runId: 'r1', flowId: 'five-layer' }),
    event(3, 'flow-step', { runId: 'r1', flowId: 'five-layer', state: 'dns' }),
    event(4, 'note', { text: 'customer on the phone' }, 'u2'),
    event(5, 'probe', { runId: 'r1', request: { type: 'tcp' }, result: { code: 'TCP_OPEN' } }),
    event(6, 'flow-run', { runId: 'r2', flowId: 'tls-handshake' }, 'u2'),
    event(7, 'flow-end', { runId: 'r1' }),
    event(8, 'probe', { request: { type: 'dns' } }),
  ];
  const items = groupTimeline(events);
  assert.deepEqual(
    items.map((item) => (item.type === 'run' ? `run ${item.runId}: ${item.events.map((e) => e.id).join(',')}` : `event ${item.event.id}`)),
    ['event 1', 'run r1: 2,3,5,7', 'event 4', 'run r2: 6', 'event 8'],
  );
  const [, first, , second] = items;
  assert.ok(first.type === 'run' && second.type === 'run');
  assert.deepEqual([first.flowId, first.actor, first.start, first.end, first.ended], ['five-layer', 'u1', events[1].at, events[6].at, true]);
  assert.deepEqual([second.flowId, second.actor, second.ended], ['tls-handshake', 'u2', false]);
});

test('event grouping never drops an event: flow events without a run id, and probes naming a run that never started, stay single entries', () => {
  const events = [event(1, 'flow-step', { state: 'dns' }), event(2, 'probe', { runId: 'ghost' }), event(3, 'mystery-kind', { runId: 'x' })];
  assert.deepEqual(
    groupTimeline(events).map((item) => item.type === 'event' && item.event.id),
    [1, 2, 3],
  );
});

test('a run handed over from another names it, with the ending that run had reached when the new one started', () => {
  const events = [
    event(1, 'flow-run', { runId: 'r1', flowId: 'incident-response' }),
    event(2, 'flow-end', { runId: 'r1', endingId: 'toRepair', title: 'Repair first' }),
    event(3, 'flow-end', { runId: 'r1', endingId: 'toFiveWhys', title: 'Find the root cause' }),
    event(4, 'flow-run', { runId: 'r2', flowId: 'five-whys', from: { runId: 'r1', flowId: 'incident-response' } }),
    // The first run went on afterwards: what it reached later is not what handed over.
    event(5, 'flow-end', { runId: 'r1', endingId: 'closed', title: 'Closed' }),
    event(6, 'flow-run', { runId: 'r3', flowId: 'tls-handshake' }),
    event(7, 'flow-run', { runId: 'r4', flowId: 'five-layer', from: { runId: 'r3', flowId: 'tls-handshake' } }),
  ];
  const runs = groupTimeline(events).flatMap((item) => (item.type === 'run' ? [[item.runId, item.handedOverFrom]] : []));
  assert.deepEqual(runs, [
    ['r1', null],
    ['r2', { runId: 'r1', flowId: 'incident-response', ending: 'Find the root cause' }],
    ['r3', null],
    ['r4', { runId: 'r3', flowId: 'tls-handshake', ending: null }],
  ]);
});
