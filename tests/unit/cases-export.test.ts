import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseRecord, TimelineEvent } from '../../lib/cases/contract';
import { caseToMarkdown } from '../../lib/cases/export';

const record: CaseRecord & { timeline: TimelineEvent[] } = {
  id: '7d0c1e7e-2f6a-4d4f-9d7e-0a0b0c0d0e0f',
  title: 'Printer cannot reach the server',
  ticketRef: 'T-1042',
  ticketUrl: 'https://tickets.example.com/T-1042',
  customerName: 'ACME',
  target: { host: '2001:db8::1', port: 8443, url: null },
  lang: 'en',
  status: 'waiting',
  assignee: 'u2',
  version: 3,
  createdAt: '2026-11-29T01:02:03.000Z',
  updatedAt: '2026-11-29T01:09:00.000Z',
  timeline: [
    { id: 1, at: '2026-11-29T01:02:03.000Z', actor: 'u1', kind: 'created', payload: { title: 'Printer cannot reach the server' } },
    { id: 2, at: '2026-11-29T01:04:00.000Z', actor: 'u1', kind: 'probe', payload: { request: {}, result: { target: '[2001:db8::1]:8443', code: 'TCP_REFUSED', summary: 'Connection refused.' } } },
    { id: 3, at: '2026-11-29T01:05:00.000Z', actor: 'u1', kind: 'note', payload: { text: 'Customer says:\n# it keeps spinning' } },
    { id: 4, at: '2026-11-29T01:06:00.000Z', actor: 'u1', kind: 'status', payload: { from: 'open', to: 'waiting' } },
    { id: 5, at: '2026-11-29T01:07:00.000Z', actor: 'u1', kind: 'assign', payload: { from: 'u1', to: 'u2' } },
  ],
};

test('the export reads as a ticket update: facts, then every event with its UTC time and who', () => {
  const markdown = caseToMarkdown(record, { u1: 'Li Wei', u2: 'Sam' });
  assert.equal(
    markdown,
    [
      '## Fixpath case: Printer cannot reach the server',
      '',
      '- Ticket: [T-1042](https://tickets.example.com/T-1042)',
      '- Customer: ACME',
      '- Server: `[2001:db8::1]:8443`',
      '- Status: waiting for the customer',
      '- Assignee: Sam',
      '- Opened: 2026-11-29 01:02 UTC',
      '',
      '### Timeline',
      '',
      '- 2026-11-29 01:02 UTC · Li Wei opened the case',
      '- 2026-11-29 01:04 UTC · Li Wei checked `[2001:db8::1]:8443` from the Fixpath server: `TCP_REFUSED` (Connection refused.)',
      '- 2026-11-29 01:05 UTC · Li Wei noted:',
      '  ',
      '  > Customer says:',
      '  > # it keeps spinning',
      '- 2026-11-29 01:06 UTC · Li Wei changed the status from “open” to “waiting for the customer”',
      '- 2026-11-29 01:07 UTC · Li Wei handed the case to Sam',
      '',
    ].join('\n'),
  );
});

test('the export is in the case language, and names unknown people by id', () => {
  const markdown = caseToMarkdown({ ...record, lang: 'zh', assignee: null, customerName: null }, {});
  assert.match(markdown, /^## Fixpath 工单记录：Printer cannot reach the server/);
  assert.match(markdown, /- 处理人: 无/);
  assert.match(markdown, /- 客户: 无/);
  assert.match(markdown, /u1 创建了工单/);
});

test('the export tells the customer loop and the flow runs in words, not event kinds', () => {
  const at = (minute: number) => `2026-11-29T02:${String(minute).padStart(2, '0')}:00.000Z`;
  const events: TimelineEvent[] = [
    { id: 10, at: at(0), actor: 'u1', kind: 'flow-run', payload: { runId: 'r1', flowId: 'tls-handshake', lang: 'en' } },
    { id: 11, at: at(1), actor: 'u1', kind: 'flow-step', payload: { runId: 'r1', index: 0, kind: 'answer', stateId: 'expects-tls', title: 'Does the client expect TLS?', answer: 'yes', implied: 'implied by https:// in the URL' } },
    { id: 12, at: at(2), actor: 'u1', kind: 'flow-end', payload: { runId: 'r1', endingId: 'renew', title: 'Renew the expired certificate' } },
    { id: 13, at: at(3), actor: 'u1', kind: 'link-sent', payload: { linkId: 'L1', slug: 'tls-certificate-expired', fixId: 'renew', lang: 'en' } },
    { id: 14, at: at(4), actor: 'customer', kind: 'link-opened', payload: { linkId: 'L1', slug: 'tls-certificate-expired', fixId: 'renew' } },
    { id: 15, at: at(5), actor: 'customer', kind: 'evidence', payload: { source: 'customer', text: '…', parsed: { tool: 'curl', findings: [{ code: 'TLS_EXPIRED', summary: '', details: {} }] } } },
    { id: 16, at: at(6), actor: 'customer', kind: 'feedback', payload: { linkId: 'L1', outcome: 'fixed', comment: 'works now' } },
    { id: 17, at: at(7), actor: 'u1', kind: 'verify', payload: { verified: true, results: [{ before: { result: { target: 'shop.example.com:443', code: 'TLS_EXPIRED' } }, after: { result: { code: 'TLS_OK' } } }] } },
    { id: 18, at: at(8), actor: 'u1', kind: 'something-new', payload: {} },
  ];
  const markdown = caseToMarkdown({ ...record, timeline: events }, { u1: 'Li Wei' });
  const timeline = markdown.slice(markdown.indexOf('### Timeline'));
  assert.equal(
    timeline,
    [
      '### Timeline',
      '',
      '- 2026-11-29 02:00 UTC · Li Wei started the `tls-handshake` flow',
      '- 2026-11-29 02:01 UTC · Step: Does the client expect TLS? (implied by https:// in the URL)',
      '- 2026-11-29 02:02 UTC · Flow ended: Renew the expired certificate',
      '- 2026-11-29 02:03 UTC · Li Wei sent the customer the fix `tls-certificate-expired#renew`',
      '- 2026-11-29 02:04 UTC · The customer opened the fix `tls-certificate-expired#renew`',
      '- 2026-11-29 02:05 UTC · The customer pasted command output (`curl`: `TLS_EXPIRED`)',
      '- 2026-11-29 02:06 UTC · The customer answered: fixed',
      '  ',
      '  > works now',
      '- 2026-11-29 02:07 UTC · Li Wei verified the fix: fixed',
      '  - `shop.example.com:443`: `TLS_EXPIRED` → `TLS_OK`',
      '- 2026-11-29 02:08 UTC · Li Wei: something-new',
      '',
    ].join('\n'),
  );
  const chinese = caseToMarkdown({ ...record, lang: 'zh', timeline: events }, { u1: '李伟' });
  assert.match(chinese, /李伟 给客户发送了修复链接 `tls-certificate-expired#renew`/);
  assert.match(chinese, /客户反馈：已解决/);
  assert.match(chinese, /李伟 验证了修复：修好了/);
});
