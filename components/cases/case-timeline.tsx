import Link from 'next/link';
import { groupTimeline, type FlowRunGroup, type TimelineEvent } from '@/lib/cases';
import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { LocalTime } from './local-time';
import { personName } from './names';
import { fillSlots } from './slots';
import { TimelineEntry, type EventContext } from './timeline-event';

const LINK = 'text-blue-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300';

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** A flow step's name as the flow recorded it: its heading in the viewer's language, a label, or the state's id. */
function stepName(event: TimelineEvent, lang: Locale): string | null {
  const payload = asRecord(event.payload);
  for (const key of ['title', 'heading', 'label', 'step', 'state', 'stateId']) {
    const value = payload[key];
    if (typeof value === 'string' && value) return value;
    const localized = asRecord(value)[lang];
    if (typeof localized === 'string' && localized) return localized;
  }
  return null;
}

/** The element id of a run's entry, so a later run handed over from it can link there. */
const runAnchor = (runId: string) => `run-${runId}`;

/** One flow run: "Five-layer diagnosis run by Li, 14:02–14:07", where it was handed over from, a link to reopen it, and its steps and probes. */
function FlowRun({ run, caseId, flowTitles, context }: { run: FlowRunGroup; caseId: string; flowTitles: Record<string, string>; context: EventContext }) {
  const t = casePageMessages[context.lang];
  const flow = (run.flowId && flowTitles[run.flowId]) || t.flowUnknown;
  const from = run.handedOverFrom;
  const fromFlow = (from?.flowId && flowTitles[from.flowId]) || t.flowUnknown;
  const time = (iso: string) => <LocalTime iso={iso} lang={context.lang} variant="short" now={context.now} />;
  const slots = { flow, actor: personName(run.actor, context.names, t), start: time(run.start), end: time(run.end) };
  const shown = run.events.filter((event) => event.kind !== 'flow-run');
  return (
    <div data-testid="flow-run" data-run-id={run.runId}>
      <p className="font-medium">{fillSlots(run.ended ? t.flowRun : t.flowRunOpen, slots)}</p>
      {from ? (
        <p className="mt-1" data-handed-over-from={from.runId}>
          {fillSlots(t.handedOverFrom, {
            run: (
              <a href={`#${runAnchor(from.runId)}`} className={LINK}>
                {from.ending ? format(t.handedOverRun, { flow: fromFlow, ending: from.ending }) : fromFlow}
              </a>
            ),
          })}
        </p>
      ) : null}
      {run.flowId ? (
        <p className="mt-1">
          <Link href={`/${context.lang}/flows/${run.flowId}?case=${caseId}&run=${encodeURIComponent(run.runId)}`} className={LINK}>
            {t.reopenRun}
          </Link>
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ol className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          {shown.map((event) =>
            event.kind === 'flow-step' || event.kind === 'flow-end' ? (
              <li key={event.id} data-event-kind={event.kind} className="text-sm">
                <span className="mr-2 text-slate-600 tabular-nums dark:text-slate-400">{time(event.at)}</span>
                {stepName(event, context.lang) ?? t.stepUnnamed}
                {/* The runner's own words for an answer it gave from the values, shown as the runner shows them. */}
                {typeof event.payload.implied === 'string' ? <span data-implied className="block italic text-slate-600 first-letter:uppercase dark:text-slate-400">{event.payload.implied}</span> : null}
              </li>
            ) : (
              <li key={event.id}>
                <TimelineEntry event={event} context={context} />
              </li>
            ),
          )}
        </ol>
      ) : null}
    </div>
  );
}

/**
 * The case's timeline, oldest first or newest first (`?order=newest`, a link, so the choice is
 * kept in the URL): every event in words with its time, flow runs folded into one entry each.
 */
export function CaseTimeline({ caseId, events, order, flowTitles, context }: { caseId: string; events: TimelineEvent[]; order: 'oldest' | 'newest'; flowTitles: Record<string, string>; context: EventContext }) {
  const t = casePageMessages[context.lang];
  const items = groupTimeline(events);
  if (order === 'newest') items.reverse();
  const base = `/${context.lang}/cases/${caseId}`;
  const toggle = 'rounded px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=true]:bg-slate-200 aria-[current=true]:font-semibold dark:aria-[current=true]:bg-slate-700';
  return (
    <section aria-labelledby="timeline-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          {t.timeline}
        </h2>
        <nav aria-label={t.orderLabel} className="flex gap-1">
          <Link href={base} scroll={false} aria-current={order === 'oldest' ? 'true' : undefined} className={toggle}>
            {t.oldestFirst}
          </Link>
          <Link href={`${base}?order=newest`} scroll={false} aria-current={order === 'newest' ? 'true' : undefined} className={toggle}>
            {t.newestFirst}
          </Link>
        </nav>
      </div>
      <ol className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-4" data-testid="timeline">
        {items.map((item) => (
          <li
            key={item.type === 'run' ? runAnchor(item.runId) : item.event.id}
            // A run's entry is the target of "Handed over from …": focus moves there with the link (tabIndex -1), and the header does not cover it.
            {...(item.type === 'run' ? { id: runAnchor(item.runId), tabIndex: -1 } : {})}
            className="scroll-mt-20 rounded border border-slate-200 p-3 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-700"
          >
            {item.type === 'run' ? <FlowRun run={item} caseId={caseId} flowTitles={flowTitles} context={context} /> : <TimelineEntry event={item.event} context={context} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
