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
