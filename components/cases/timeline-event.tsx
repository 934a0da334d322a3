import type { ReactNode } from 'react';
import { EvidenceCard } from '@/components/flow/evidence-card';
import type { CaseStatus, TimelineEvent } from '@/lib/cases';
import { casePageMessages, format, type CasePageMessages, type Locale } from '@/lib/i18n';
import type { Evidence } from '@/machines';
import { statusLabel } from './case-status';
import { LocalTime } from './local-time';
import { BrowserCheckBody, EvidenceBody } from './loop-events';
import { personName, type Names } from './names';
import { fillSlots } from './slots';
import { VerifyResults, type VerifyOutcome } from './verify-results';

/** What an event needs to render: the viewer's language, names for ids, and the server's clock until hydration. */
export interface EventContext {
  lang: Locale;
  names: Names;
  now: number;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const FIELD_KEYS: Record<string, keyof CasePageMessages> = { title: 'fieldTitle', ticketRef: 'fieldTicketRef', ticketUrl: 'fieldTicketUrl', customerName: 'fieldCustomerName', lang: 'fieldLang' };

const STATUSES = new Set(['open', 'waiting', 'resolved', 'closed']);
const statusText = (value: unknown, lang: Locale) => (typeof value === 'string' && STATUSES.has(value) ? statusLabel(value as CaseStatus, lang) : String(value ?? '?'));

/** The fix a link event names, as ` slug#fix`, or nothing. */
function fixOf(payload: Record<string, unknown>): ReactNode {
  const slug = text(payload.slug);
  const fixId = text(payload.fixId);
  return slug ? (
    <>
      {' '}
      <code className="text-sm">{fixId ? `${slug}#${fixId}` : slug}</code>
    </>
  ) : (
    ''
  );
}

/** A probe event's evidence card and "checked 14:03 by Li": the time the server ran it, in the viewer's zone. */
function ProbeEvidence({ event, context }: { event: TimelineEvent; context: EventContext }) {
  const t = casePageMessages[context.lang];
  const request = asRecord(event.payload.request);
  const result = asRecord(event.payload.result);
  if (!text(request.type)) return null;
  const evidence = { state: 'case', request, ...(text(result.code) ? { result } : {}) } as unknown as Evidence;
  return (
    <div data-testid="probe-evidence">
      <EvidenceCard evidence={evidence} lang={context.lang} />
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {fillSlots(t.checkedBy, { time: <LocalTime iso={event.at} lang={context.lang} variant="short" now={context.now} />, actor: personName(event.actor, context.names, t) })}
      </p>
    </div>
  );
}

/**
 * One timeline event in words, with what belongs under it (a note's text, a probe's evidence
 * card, a verification's results, the customer's comment). Kinds this page does not know
 * render as "who: kind", never as an error.
 */
function eventView(event: TimelineEvent, context: EventContext): { line: ReactNode; body?: ReactNode } {
  const t = casePageMessages[context.lang];
  const payload = asRecord(event.payload);
  const actor = personName(event.actor, context.names, t);
  switch (event.kind) {
    case 'created':
      return { line: format(t.eventCreated, { actor }) };
    case 'note':
      return { line: format(t.eventNote, { actor }), body: <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap break-words dark:border-slate-600">{String(payload.text ?? '')}</blockquote> };
    case 'probe':
      return { line: format(t.eventProbe, { actor, target: String(asRecord(payload.result).target ?? asRecord(payload.request).host ?? '?') }), body: <ProbeEvidence event={event} context={context} /> };
    case 'status': {
      const change = { actor, from: statusText(payload.from, context.lang), to: statusText(payload.to, context.lang) };
      return { line: format(payload.reason === 'customer-fixed' ? t.eventStatusCustomerFixed : t.eventStatus, change) };
    }
    case 'assign':
      return { line: payload.to ? format(t.eventAssign, { actor, to: personName(String(payload.to), context.names, t) }) : format(t.eventUnassign, { actor }) };
    case 'edit': {
      const fields = Array.isArray(payload.fields) ? payload.fields.map((field) => (FIELD_KEYS[String(field)] ? t[FIELD_KEYS[String(field)]] : String(field))) : [];
      return { line: format(t.eventEdit, { actor, fields: fields.join(t.listSeparator) }) };
    }
    case 'verify': {
      const outcome = payload as VerifyOutcome;
      const verdict = outcome.verified ? t.feedbackFixed : t.feedbackNotFixed;
      return { line: format(payload.scheduleId ? t.eventVerifyScheduledRun : t.eventVerify, { actor, verdict }), body: <VerifyResults lang={context.lang} outcome={outcome} now={context.now} /> };
    }
    case 'verify-scheduled':
      return { line: fillSlots(t.eventVerifyScheduled, { actor, time: text(payload.dueAt) ? <LocalTime iso={String(payload.dueAt)} lang={context.lang} variant="short" now={context.now} /> : '?' }) };
    case 'verify-cancelled': {
      const reason = { 'nothing-to-verify': t.verifyCancelledNothing, 'agent-inactive': t.verifyCancelledInactive, failed: t.verifyCancelledFailed }[String(payload.reason)];
      return { line: reason ?? format(t.eventVerifyCancelled, { actor }) };
    }
    case 'evidence':
      return { line: payload.source === 'customer' ? t.eventEvidenceCustomer : format(t.eventEvidenceStaff, { actor }), body: <EvidenceBody payload={payload} lang={context.lang} /> };
    case 'browser-check':
      return { line: t.eventBrowserCheck, body: <BrowserCheckBody payload={payload} lang={context.lang} /> };
    case 'link-sent':
      return { line: fillSlots(t.eventLinkSent, { actor, fix: fixOf(payload) }) };
    case 'link-opened':
      return { line: fillSlots(t.eventLinkOpened, { fix: fixOf(payload) }) };
    case 'link-revoked':
      return { line: fillSlots(t.eventLinkRevoked, { actor, fix: fixOf(payload) }) };
    case 'feedback': {
      const outcome = { fixed: t.feedbackFixed, 'not-fixed': t.feedbackNotFixed, 'not-yet': t.feedbackNotYet }[String(payload.outcome)] ?? String(payload.outcome ?? '?');
      const comment = text(payload.comment);
      return { line: format(t.eventFeedback, { outcome }), body: comment ? <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap break-words dark:border-slate-600">{comment}</blockquote> : undefined };
    }
    default:
      return { line: format(t.eventOther, { actor, kind: event.kind }) };
  }
}

/** One event as a timeline entry: its time (viewer's zone, `<time datetime>`), what happened, and its details. */
export function TimelineEntry({ event, context }: { event: TimelineEvent; context: EventContext }) {
  const { line, body } = eventView(event, context);
  return (
    <div data-event-kind={event.kind}>
      <p className="flex flex-wrap gap-x-2">
        <span className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
          <LocalTime iso={event.at} lang={context.lang} variant="short" now={context.now} />
        </span>
        <span>{line}</span>
      </p>
      {body}
    </div>
  );
}
