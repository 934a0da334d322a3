import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildStatusUpdate, fiveWhysReportOf, foreignWords, replayPath, statusPhaseOf, type PathStep } from '../../lib/flows';
import { FLOWS, type ReportMeta } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';

describe('the 5 Whys report as data', () => {
  const flow = FLOWS['five-whys'];
  const steps: PathStep[] = [
    { kind: 'submit', state: 'problem', action: 'next', values: { problem: 'Clients cannot log in', host: 'api.example.com', port: '8443' } },
    { kind: 'submit', state: 'why1', action: 'attach-tls', values: { 'why1.cause': 'TLS fails', 'why1.status': 'possible' } },
    { kind: 'probe', state: 'why1Probe', result: sampleResult('tls', 'TLS_CERT_EXPIRED') },
    { kind: 'submit', state: 'why1', action: 'deeper', values: { 'why1.cause': 'TLS fails', 'why1.status': 'confirmed' } },
    { kind: 'submit', state: 'why2', action: 'root', values: { 'why2.cause': 'Renewal | manual', 'why2.status': 'possible' } },
    { kind: 'submit', state: 'rootCause', action: 'next', values: { root: 'No automated renewal', 'root.status': 'confirmed' } },
    { kind: 'submit', state: 'countermeasures', action: 'report', values: { countermeasures: [{ action: 'Automate renewal', owner: 'Ops', due: '2026-12-01' }] } },
  ];
  const meta = flow.machine.states.report.meta as ReportMeta;

  test('holds the chain, evidence, root cause and countermeasures as text, not Markdown', () => {
    const report = fiveWhysReportOf(meta, replayPath(flow.machine, steps).snapshot.context, 'en');
    assert.equal(report.server, 'api.example.com:8443');
    assert.deepEqual(report.whys.map((why) => [why.n, why.cause, why.status]), [[1, 'TLS fails', 'Confirmed'], [2, 'Renewal | manual', 'Possible']]);
    assert.deepEqual(report.whys[0].evidence, [{ type: 'TLS', code: 'TLS_CERT_EXPIRED', text: 'sample TLS_CERT_EXPIRED' }]);
    assert.deepEqual([report.root, report.rootStatus], ['No automated renewal', 'Confirmed']);
    assert.deepEqual(report.countermeasures, [{ action: 'Automate renewal', owner: 'Ops', due: '2026-12-01' }]);
    assert.equal(fiveWhysReportOf(meta, replayPath(flow.machine, steps).snapshot.context, 'zh').labels.chain, '原因链');
  });
});

describe('the incident status update', () => {
  const flow = FLOWS['incident-response'];
  const steps: PathStep[] = [
    { kind: 'submit', state: 'basics', action: 'start', values: { service: '订单接口', started: '14:05 UTC', symptom: '结账时一直转圈', host: '', port: '' } },
    { kind: 'answer', state: 'scope', option: 'all' },
    { kind: 'answer', state: 'isolate', option: 'unknown' },
  ];
  const context = replayPath(flow.machine, steps).snapshot.context;

  test('marks the Chinese words the agent typed in the English update, and leaves the Chinese update as typed', () => {
    const en = buildStatusUpdate(context, 'en');
    assert.match(en, /^\[Investigating\] "订单接口" \(in Chinese, as reported\) disruption/);
    assert.match(en, /Since 14:05 UTC, all customers may see the following: "结账时一直转圈" \(in Chinese, as reported\)/);
    assert.deepEqual(foreignWords(context, 'en'), [{ text: '订单接口', lang: 'zh' }, { text: '结账时一直转圈', lang: 'zh' }]);
    assert.match(buildStatusUpdate(context, 'zh'), /^【调查中】订单接口 服务异常\n自 14:05 UTC 起，所有客户可能遇到以下问题：结账时一直转圈/);
    assert.deepEqual(foreignWords(context, 'zh'), []);
  });

  test('its phase follows the answers unless overridden', () => {
    assert.equal(statusPhaseOf(context), 'investigating');
    assert.match(buildStatusUpdate(context, 'en', 'monitoring'), /^\[Restored, monitoring\].*\n.*\nA fix is in place/);
    assert.match(buildStatusUpdate(context, 'zh', 'partial'), /^【部分恢复】/);
  });
});
