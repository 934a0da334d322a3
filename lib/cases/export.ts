import { formatHostPort } from '@/lib/address';
import { caseMessages, format } from '@/lib/i18n';
import type { ParsedOutput } from '@/lib/evidence';
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

/** A value as inline code, `?` when there is none. */
const code = (value: unknown) => `\`${typeof value === 'string' && value ? value : '?'}\``;

/** The fix a link event names, as `slug#fix`. */
const fixOf = (payload: Record<string, unknown>) => code(payload.fixId ? `${payload.slug}#${payload.fixId}` : payload.slug);

/** One probe re-run by a verification: what it found before and after (a result, or the error that stopped it). */
interface VerifyResult {
  before?: { request?: { host?: string }; result?: { target?: string; code?: string } };
  after?: { result?: { code?: string }; error?: { code?: string } };
}
const resultCode = (probe: { result?: { code?: string }; error?: { code?: string } } | undefined) => probe?.result?.code ?? probe?.error?.code;

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
      const line = format(t.eventProbe, { actor, target: code(result?.target), code: code(result?.code) });
      return result?.summary ? `${line} (${result.summary})` : line;
    }
    case 'flow-run':
      return format(t.eventFlowRun, { actor, flow: code(payload.flowId) });
    case 'flow-step': {
      const line = format(t.eventFlowStep, { title: String(payload.title ?? payload.stateId ?? '?') });
      // An answer the runner gave from the values says so, in the runner's words.
      return typeof payload.implied === 'string' ? `${line} (${payload.implied})` : line;
    }
    case 'flow-end':
      return format(t.eventFlowEnd, { title: String(payload.title ?? payload.endingId ?? '?') });
    case 'link-sent':
      return format(t.eventLinkSent, { actor, fix: fixOf(payload) });
    case 'link-opened':
      return format(t.eventLinkOpened, { fix: fixOf(payload) });
    case 'link-revoked':
      return format(t.eventLinkRevoked, { actor, fix: fixOf(payload) });
    case 'feedback': {
      const outcome = { fixed: t.feedbackFixed, 'not-fixed': t.feedbackNotFixed, 'not-yet': t.feedbackNotYet }[String(payload.outcome)] ?? String(payload.outcome);
      const line = format(t.eventFeedback, { outcome });
      return typeof payload.comment === 'string' && payload.comment ? `${line}\n\n${quote(payload.comment)}` : line;
    }
    case 'verify': {
      const line = format(t.eventVerify, { actor, verdict: payload.verified ? t.verifiedYes : t.verifiedNo });
      const results = Array.isArray(payload.results) ? (payload.results as VerifyResult[]) : [];
      return [line, ...results.map(({ before, after }) => `- ${code(before?.result?.target ?? before?.request?.host)}: ${code(resultCode(before))} → ${code(resultCode(after))}`)].join('\n');
    }
    case 'verify-scheduled':
      return format(t.eventVerifyScheduled, { actor, time: typeof payload.dueAt === 'string' ? stamp(payload.dueAt) : '?' });
    case 'verify-cancelled':
      return t.eventVerifyCancelled;
    case 'evidence': {
      const line = payload.source === 'customer' ? t.eventEvidenceCustomer : format(t.eventEvidenceStaff, { actor });
      const parsed = payload.parsed as Partial<ParsedOutput> | undefined;
      const codes = [...new Set((parsed?.findings ?? []).map((finding) => finding.code))];
      return parsed?.tool ? `${line} (${code(parsed.tool)}: ${codes.map(code).join(', ')})` : line;
    }
    case 'browser-check':
      return t.eventBrowserCheck;
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
