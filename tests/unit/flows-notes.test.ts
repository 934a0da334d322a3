import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCaseNotes, buildFiveWhysReport, buildStatusUpdate, replayPath, type PathStep } from '../../lib/flows';
import { fixInfoFor } from '../../lib/flows/server';
import { FLOWS, type ReportMeta } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';

const origin = 'https://fixpath.example.com';

describe('case notes', () => {
  const flow = FLOWS['five-layer'];
  const tls = sampleResult('tls', 'TLS_CERT_EXPIRED');
  tls.summary = 'The certificate of api.example.com:8443 expired on 2026-01-02 (30 days ago).';
  tls.details = { ...tls.details, certificate: { subject: 'CN=api.example.com', issuer: 'CN=Example CA', validTo: '2026-01-02T00:00:00Z', daysLeft: -30 } };
  const steps: PathStep[] = [
    { kind: 'submit', state: 'target', action: 'start', values: { host: 'api.example.com', port: '8443', url: '' } },
    { kind: 'probe', state: 'dnsProbe', result: sampleResult('dns', 'DNS_OK') },
    { kind: 'probe', state: 'tcpProbe', result: sampleResult('tcp', 'TCP_OPEN') },
    { kind: 'probe', state: 'tlsProbe', result: tls },
  ];

  test('hold the answers, each probe code with key details, the conclusion and all links', () => {
    const notes = buildCaseNotes({ flow, replay: replayPath(flow.machine, steps), lang: 'en', origin, flowQuery: 'v=1&p=abc', fixes: fixInfoFor('five-layer', 'en') });
    assert.match(notes, /Server: api\.example\.com:8443/);
    assert.match(notes, /Server \(host name or IP\): api\.example\.com; Port: 8443/);
    assert.match(notes, /DNS_OK: sample DNS_OK/);
    assert.match(notes, /TLS_CERT_EXPIRED: The certificate of api\.example\.com:8443 expired/);
    assert.match(notes, /Valid until: 2026-01-02/);
    assert.match(notes, /Days left: -30/);
    // The conclusion is the article's fix, in its own words.
    assert.match(notes, /Conclusion: Renew and deploy the new certificate\nRenew or reissue the certificate, deploy it with its intermediates/);
    assert.ok(notes.includes(`Fix: ${origin}/en/articles/tls-certificate-expired#renew-certificate`));
    // Renewing the certificate is the provider's work (a staff fix): nothing to send the customer.
    assert.ok(!notes.includes('Link for the customer'), 'a staff fix offers no customer link');
    assert.ok(notes.includes(`Flow link: ${origin}/en/flows/five-layer?v=1&p=abc`));
    assert.match(notes, /not from the customer's machine/);
  });

  test('are written in the page language and say where an unfinished flow stopped', () => {
    const notes = buildCaseNotes({ flow, replay: replayPath(flow.machine, steps.slice(0, 2)), lang: 'zh', origin, flowQuery: '', fixes: fixInfoFor('five-layer', 'zh') });
    assert.match(notes, /Fixpath 排查记录：五层排查/);
    assert.match(notes, /停在：连接 api\.example\.com 的 8443 端口/);
    assert.doesNotMatch(notes, /修复方法/);
  });
});

describe('five-whys report', () => {
  const flow = FLOWS['five-whys'];
  const steps: PathStep[] = [
    { kind: 'submit', state: 'problem', action: 'next', values: { problem: 'Clients in Shanghai cannot log in since 09:10', host: 'api.example.com', port: '443' } },
    { kind: 'submit', state: 'why1', action: 'attach-tls', values: { 'why1.cause': 'TLS handshake fails', 'why1.status': 'possible' } },
    { kind: 'probe', state: 'why1Probe', result: sampleResult('tls', 'TLS_CERT_EXPIRED') },
    { kind: 'submit', state: 'why1', action: 'deeper', values: { 'why1.cause': 'TLS handshake fails', 'why1.status': 'confirmed' } },
    { kind: 'submit', state: 'why2', action: 'deeper', values: { 'why2.cause': 'The certificate expired', 'why2.status': 'confirmed' } },
    { kind: 'submit', state: 'why3', action: 'root', values: { 'why3.cause': 'Renewal was manual | nobody owned it', 'why3.status': 'possible' } },
    { kind: 'submit', state: 'rootCause', action: 'next', values: { root: 'No automated renewal', 'root.status': 'confirmed' } },
    { kind: 'submit', state: 'countermeasures', action: 'report', values: { countermeasures: [{ action: 'Automate renewal', owner: 'Ops', due: '2026-12-01' }] } },
  ];
  const replay = replayPath(flow.machine, steps);
  const reportMeta = flow.machine.states.report.meta as ReportMeta;

  test('contains the problem, the whole chain with status and evidence, root cause and countermeasures', () => {
    assert.equal(replay.snapshot.status, 'done');
    const report = buildFiveWhysReport(reportMeta, replay.snapshot.context, 'en', 'https://fixpath.example.com/en/flows/five-whys?v=1&p=x_y');
    assert.match(report, /^# 5 Whys analysis/);
    assert.match(report, /\*\*Problem:\*\* Clients in Shanghai cannot log in since 09:10/);
    assert.match(report, /1\. \*\*Why 1:\*\* TLS handshake fails _\(Confirmed\)_/);
    assert.match(report, /Evidence \(TLS\): `TLS_CERT_EXPIRED` sample TLS_CERT_EXPIRED/);
    assert.match(report, /2\. \*\*Why 2:\*\* The certificate expired _\(Confirmed\)_/);
    assert.match(report, /3\. \*\*Why 3:\*\* Renewal was manual \\\| nobody owned it _\(Possible\)_/);
    assert.match(report, /## Root cause\n\nNo automated renewal _\(Confirmed\)_/);
    assert.match(report, /\| Automate renewal \| Ops \| 2026-12-01 \|/);
    assert.match(report, /<https:\/\/fixpath\.example\.com\/en\/flows\/five-whys\?v=1&p=x_y>/);
  });

  test('is written in Chinese on the Chinese page', () => {
    const report = buildFiveWhysReport(reportMeta, replay.snapshot.context, 'zh');
    assert.match(report, /^# 5 Why 分析/);
    assert.match(report, /\*\*为什么 1：\*\* TLS handshake fails _\(已证实\)_/);
    assert.match(report, /\| 对策 \| 负责人 \| 完成日期 \|/);
  });
});

describe('incident status update', () => {
  const flow = FLOWS['incident-response'];
  const base: PathStep[] = [
    { kind: 'submit', state: 'basics', action: 'start', values: { service: 'Order API', started: '14:05 UTC', symptom: 'Checkout\ntimes out', host: '', port: '' } },
    { kind: 'answer', state: 'scope', option: 'some' },
    { kind: 'answer', state: 'isolate', option: 'change' },
    { kind: 'answer', state: 'mitigateChange', option: 'done' },
  ];

  test('is filled in from the answers, in both languages', () => {
    const replay = replayPath(flow.machine, [...base, { kind: 'answer', state: 'restored', option: 'yes' }]);
    const en = buildStatusUpdate(replay.snapshot.context, 'en');
    const zh = buildStatusUpdate(replay.snapshot.context, 'zh');
    assert.match(en, /^\[Restored, monitoring\] Order API disruption/);
    assert.match(en, /Since 14:05 UTC, some customers may see the following: Checkout times out/);
    assert.match(zh, /^【已恢复，观察中】Order API 服务异常/);
    assert.match(zh, /自 14:05 UTC 起，部分客户可能遇到以下问题：Checkout times out/);
  });

  test('says the cause is identified while service is still down', () => {
    const replay = replayPath(flow.machine, [...base, { kind: 'answer', state: 'restored', option: 'no' }, { kind: 'answer', state: 'stillDown', option: 'post' }]);
    assert.match(buildStatusUpdate(replay.snapshot.context, 'en'), /^\[Identified\]/);
  });
});
