import { formatHostPort } from '@/lib/address';
import { caseMessages, format } from '@/lib/i18n';
import type { CaseRecord, CaseStatus, TimelineEvent } from './contract';

type Messages = (typeof caseMessages)['en'];

const STATUS_KEY: Record<CaseStatus, keyof Messages> = { open: 'statusOpen', waiting: 'statusWaiting', resolved: 'statusResolved', closed: 'statusClosed' };

/** `2026-11-29 01:02 UTC`: tickets are read across time zones, so the export says which. */
function stamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Text as a Markdown blockquote, each line quoted, so a note cannot start its own heading or list. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

function eventLine(event: TimelineEvent, t: Messages, name: (id: string | null) => string): string {
  const actor = name(event.actor);
  const payload = event.payload;
  switch (event.kind) {
    case 'created':
      return format(t.eventCreated, { actor });
    case 'status': {
      const label = (status: unknown) => t[STATUS_KEY[status as CaseStatus]] ?? String(status);
      return format(t.eventStatus, { actor, from: label(payload.from), to: label(payload.to) });
    }
    case 'assign':
      return format(t.eventAssign, { actor, to: name((payload.to as string | null) ?? null) });
    case 'edit':
      return format(t.eventEdit, { actor, fields: ((payload.fields as string[] | undefined) ?? []).join(', ') });
    case 'note':
      return `${format(t.eventNote, { actor })}\n\n${quote(String(payload.text ?? ''))}`;
    case 'probe': {
      const result = payload.result as { target?: string; code?: string; summary?: string } | undefined;
      const line = format(t.eventProbe, { actor, target: `\`${result?.target ?? '?'}\``, code: `\`${result?.code ?? '?'}\`` });
      return result?.summary ? `${line} (${result.summary})` : line;
    }
    default:
      return format(t.eventOther, { actor, kind: event.kind });
  }
}

/**
 * The case as Markdown to paste into the ticket, in the case's language: the facts, then
 * every timeline event with its time (UTC) and who. `names` maps user ids to names.
 */
export function caseToMarkdown(record: CaseRecord & { timeline: TimelineEvent[] }, names: Record<string, string>): string {
  const t = caseMessages[record.lang];
  const name = (id: string | null) => (id ? (names[id] ?? id) : t.none);
  const target = record.target ? (record.target.url ?? formatHostPort(record.target.host, record.target.port ?? undefined)) : t.none;
  const ticket = record.ticketRef ? (record.ticketUrl ? `[${record.ticketRef}](${record.ticketUrl})` : record.ticketRef) : (record.ticketUrl ?? t.none);
  const lines = [
    `## ${format(t.exportTitle, { title: record.title })}`,
    '',
    `- ${t.ticket}: ${ticket}`,
    `- ${t.customer}: ${record.customerName ?? t.none}`,
    `- ${t.target}: \`${target}\``,
    `- ${t.status}: ${t[STATUS_KEY[record.status]]}`,
    `- ${t.assignee}: ${name(record.assignee)}`,
    `- ${t.opened}: ${stamp(record.createdAt)}`,
    '',
    `### ${t.timeline}`,
    '',
    ...record.timeline.map((event) => `- ${stamp(event.at)} · ${eventLine(event, t, name).replace(/\n/g, '\n  ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
