import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '../../lib/cases/contract';
import { isSilentDrop, readVantage, vantageOf, type Vantage } from '../../lib/cases/vantage';

const at = (minute: number) => `2026-11-29T06:${String(minute).padStart(2, '0')}:00.000Z`;
const event = (id: number, kind: string, payload: Record<string, unknown>, actor = 'u1'): TimelineEvent => ({ id, at: at(id), actor, kind, payload });
const probe = (id: number, type: string, code: string, ok: boolean, actor = 'u1') => event(id, 'probe', { request: { type, host: 'api.example.com' }, result: { code, ok } }, actor);
const browserCheck = (id: number, checks: unknown[], offsetMs = 120) => event(id, 'browser-check', { linkId: 'l1', clock: { offsetMs, roundTripMs: 40 }, checks }, 'customer');
const evidence = (id: number, codes: string[], source = 'customer') => event(id, 'evidence', { source, text: '…', parsed: { tool: 'curl', findings: codes.map((code) => ({ code, summary: code, details: {} })) } }, source === 'customer' ? 'customer' : 'u2');

const serverOk = [probe(1, 'dns', 'DNS_OK', true), probe(2, 'tcp', 'TCP_OPEN', true), probe(3, 'tls', 'TLS_OK', true)];
const read = (events: TimelineEvent[]) => readVantage(vantageOf(events));

test('vantage: the latest server probe per kind with who ran it, the latest browser check and the latest evidence codes', () => {
  const vantage = vantageOf([probe(1, 'tcp', 'TCP_REFUSED', false, 'li'), probe(2, 'tls', 'TLS_OK', true), probe(3, 'tcp', 'TCP_OPEN', true, 'sam'), browserCheck(4, [{ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }], -800), evidence(5, ['TCP_TIMEOUT']), evidence(6, ['DNS_NXDOMAIN'], 'staff'), event(7, 'note', { text: 'x' })]);
  assert.deepEqual(vantage.server, [
    { type: 'tls', code: 'TLS_OK', ok: true, at: at(2), by: 'u1' },
    { type: 'tcp', code: 'TCP_OPEN', ok: true, at: at(3), by: 'sam' },
  ]);
  assert.deepEqual(vantage.browser, { at: at(4), checks: [{ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }], clockOffsetMs: -800 });
  assert.deepEqual(vantage.evidence, { at: at(6), source: 'staff', actor: 'u2', codes: ['DNS_NXDOMAIN'] });
  assert.deepEqual(vantageOf([event(1, 'probe', { request: {}, result: {} }), event(2, 'browser-check', {})]), { server: [], browser: { at: at(2), checks: [], clockOffsetMs: null }, evidence: null }, 'malformed payloads are skipped, not thrown on');
});

test('vantage: a failure after 3 s or a timeout is a silent drop; a fast failure is a refusal', () => {
  assert.equal(isSilentDrop({ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }), true);
  assert.equal(isSilentDrop({ kind: 'https', outcome: 'timeout', elapsedMs: 15_000 }), true);
  assert.equal(isSilentDrop({ kind: 'https', outcome: 'failed', elapsedMs: 40 }), false);
  assert.equal(isSilentDrop({ kind: 'wss', outcome: 'reached', elapsedMs: 90_000 }), false);
});

test('reading: server TLS_OK and the customer failing after 21 s reads as the customer\'s network dropping the connection', () => {
  assert.equal(read([...serverOk, browserCheck(4, [{ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }])]).reading, 'customer-network-drops');
  assert.equal(read([...serverOk, evidence(4, ['TCP_TIMEOUT'])]).reading, 'customer-network-drops');
});

test('reading: other disagreements and agreements', () => {
  const cases: Array<[TimelineEvent[], string | null, string]> = [
    [[...serverOk, browserCheck(4, [{ kind: 'https', outcome: 'failed', elapsedMs: 40 }])], 'customer-side-refuses', 'refused in 40 ms'],
    [[...serverOk, evidence(4, ['DNS_NXDOMAIN'])], 'customer-dns', 'the name does not resolve for the customer'],
    [[...serverOk, evidence(4, ['TLS_UNTRUSTED_ROOT'])], 'customer-tls', 'the customer sees another certificate'],
    [[...serverOk, browserCheck(4, [{ kind: 'https', outcome: 'reached', elapsedMs: 90 }])], 'both-reach', 'both get through'],
    [[probe(1, 'tcp', 'TCP_TIMEOUT', false), browserCheck(4, [{ kind: 'https', outcome: 'reached', elapsedMs: 90 }])], 'server-side-only', 'only the server fails'],
    [[probe(1, 'tcp', 'TCP_REFUSED', false), evidence(4, ['TCP_REFUSED'])], 'both-fail', 'both fail'],
    [serverOk, null, 'nothing from the customer yet'],
    [[browserCheck(4, [{ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }])], null, 'nothing from the server yet'],
    [[...serverOk, browserCheck(4, [{ kind: 'https', outcome: 'skipped', reason: 'mixed-content' }]), evidence(5, ['UNRECOGNISED'])], null, 'skipped checks and unrecognised output say nothing'],
    [[...serverOk, browserCheck(4, [{ kind: 'https', outcome: 'reached', elapsedMs: 90 }]), evidence(5, ['DNS_SERVFAIL'])], 'customer-dns', 'a failure in the evidence outweighs a check that got through'],
  ];
  for (const [events, reading, why] of cases) assert.equal(read(events).reading, reading, why);
});

test('reading: a customer clock 5 minutes or more off is flagged, a small offset is not', () => {
  assert.equal(read([...serverOk, browserCheck(4, [], 6 * 60_000)]).clockSkew, true);
  assert.equal(read([...serverOk, browserCheck(4, [], -5 * 60_000)]).clockSkew, true);
  assert.equal(read([...serverOk, browserCheck(4, [], 900)]).clockSkew, false);
  const none: Vantage = { server: [], browser: null, evidence: null };
  assert.deepEqual(readVantage(none), { reading: null, customer: 'none', clockSkew: false });
});

test('browser checks in words: time to failure tells a silent drop from a refusal, in both languages', async () => {
  const { checkText, offsetText } = await import('../../components/cases/check-words');
  const { casePageMessages } = await import('../../lib/i18n');
  const en = casePageMessages.en;
  assert.equal(checkText({ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }, en), 'HTTPS failed after 21 s: something drops it silently');
  assert.equal(checkText({ kind: 'https', outcome: 'failed', elapsedMs: 40 }, en), 'HTTPS refused in 40 ms');
  assert.equal(checkText({ kind: 'wss', outcome: 'reached', elapsedMs: 1250 }, en), 'WSS reached in 1.3 s');
  assert.equal(checkText({ kind: 'wss', outcome: 'skipped', reason: 'mixed-content' }, en), 'WSS not checked: the target is plain HTTP, which a secure page may not reach');
  assert.equal(checkText({ kind: 'https', outcome: 'failed', elapsedMs: 21_000 }, casePageMessages.zh), 'HTTPS 在 21 秒后失败：有东西把连接悄悄丢掉了');
  assert.equal(offsetText(-200_000, en), '−3 min');
  assert.equal(offsetText(1200, en), '+1.2 s');
});
