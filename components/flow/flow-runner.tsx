'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef } from 'react';
import { useFlowInsights } from '@/components/insights/use-flow-insights';
import { articleFixHref, fixName, flowHref, stateIdOf, summarizeSteps, stateMetaOf, stepBody, stepHeading, type FixInfoMap, type FlowMapLayout } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { FlowDefinition, FlowId, FlowValues, StepMeta } from '@/machines';
import { CaseBanner } from './case-banner';
import { FlowEnding } from './flow-ending';
import { FlowMap } from './flow-map';
import { FlowPath } from './flow-path';
import { FlowToolbar } from './flow-toolbar';
import { FormStep } from './form-step';
import { HandoverNotice } from './handover-notice';
import { LinkNoticeView } from './link-notice';
import { ProbeStep } from './probe-step';
import { QuestionStep } from './question-step';
import { SaveToCase } from './save-to-case';
import { useFlowSession } from './use-flow-session';

/** What the flow page gives a runner, besides the flow itself (which the runner's own module imports). */
export interface FlowRunnerProps {
  lang: Locale;
  /** Titles and summaries of the fixes the flow points to, from the articles. */
  fixes: FixInfoMap;
  /** Every flow's title in the reader's language, for hand-offs to another flow. */
  flowTitles: Record<FlowId, string>;
  /** The flow map, laid out on the server. */
  map: FlowMapLayout;
}

/**
 * Runs before hydration, as the HTML is read: a link's path (or a run reopened from a case) is
 * restored only in the browser, so until then the server-rendered first step would show a step
 * the link is not at.
 */
const MARK_RESTORING = `if (/[?&](p|run)=/.test(location.search)) document.currentScript.parentElement.setAttribute('data-restoring', '')`;

/**
 * One generic runner for every flow: the path, the current step rendered from its meta, the
 * ending, the map. It renders on the server too (the first step), then restores a link.
 */
export function FlowRunner({ flow, lang, fixes, flowTitles, map }: FlowRunnerProps & { flow: FlowDefinition }) {
  const flowId = flow.info.id;
  const t = flowMessages[lang];
  const session = useFlowSession(flow, {
    lang,
    endingTitle: (stateId, values) => {
      const ending = stateMetaOf(flow.machine, stateId);
      return ending ? stepHeading(ending, lang, values, fixes) : stateId;
    },
  });
  useFlowInsights(flow, lang, session.restored, session.state.replay, session.caseView?.caseId);
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const { replay, running } = session.state;
  const snapshot = replay.snapshot;
  const stateId = stateIdOf(snapshot);
  const where = `${replay.steps.length}:${stateId}`;
  const shown = useRef(where);

  // Move focus to each new step so keyboard and screen-reader users carry on from there. After a
  // probe the heading still has focus from the probe step, and focusing it again would neither
  // scroll nor be announced: so it lets go first, and the step's box is scrolled to the top,
  // which shows the question with its options below the path that grew above it.
  useEffect(() => {
    if (shown.current !== where) {
      heading.current?.blur();
      section.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    }
    shown.current = where;
  }, [where]);

  // A flow that starts by asking for the server gets its field focused on load (not when a link
  // restores a path, which starts elsewhere), so nobody has to Tab through the header to type it.
  useEffect(() => {
    if (/[?&](p|run)=/.test(window.location.search)) return;
    const first = section.current?.querySelector<HTMLElement>('input, textarea, select');
    if (first?.getAttribute('name') === 'host') first.focus();
  }, []);

  useEffect(() => {
    if (session.restored) root.current?.removeAttribute('data-restoring');
  }, [session.restored]);

  const answer = useCallback((option: string) => session.answer(option), [session]);
  const submit = useCallback((action: string, values: FlowValues) => session.submit(action, values), [session]);

  const meta = stateMetaOf(flow.machine, stateId) as StepMeta;
  const { context } = snapshot;
  const done = snapshot.status === 'done';
  const flowUrl = typeof window === 'undefined' ? '' : `${window.location.origin}${flowHref(lang, flowId, session.query)}`;
  const canAttach = meta.kind === 'form' && snapshot.can({ type: 'submit.attach-tcp', values: {}, addresses: {} });
  const body = stepBody(meta, lang, context.values, fixes);
  // Attached probe runs are evidence for the step staff are on, not steps of their own.
  const stepNumber = summarizeSteps(flow.machine, replay, lang).filter((step) => !step.attached).length + 1;

  return (
    // `data-restoring` is set by the script below and removed once the link is restored.
    <div ref={root} className="group" suppressHydrationWarning>
      <script dangerouslySetInnerHTML={{ __html: MARK_RESTORING }} />
      <p className="text-sm">
        <Link href={`/${lang}/flows`} className="text-blue-800 underline dark:text-blue-300">{t.allFlows}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{flow.info.title[lang]}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{flow.info.description[lang]}</p>
      {session.caseView ? <CaseBanner view={session.caseView} lang={lang} onRecheck={session.recheck} /> : null}
      {session.notice ? <LinkNoticeView notice={session.notice} lang={lang} /> : null}
      {session.handover ? <HandoverNotice handover={session.handover.carried} lang={lang} flowTitles={flowTitles} onCase={Boolean(session.caseView)} /> : null}
      <p role="status" className="mt-6 hidden group-data-[restoring]:block">{t.loading}</p>
      {/* A printed 5 Whys report is the report alone. */}
      <div className={`group-data-[restoring]:hidden ${meta.kind === 'report' ? 'print:hidden' : ''}`}>
        <FlowPath machine={flow.machine} replay={replay} lang={lang} onReopen={session.reopen} stored={session.caseView ?? undefined} />
      </div>
      <section ref={section} aria-labelledby="current-heading" data-state={stateId} className="mt-6 scroll-mt-4 rounded-lg border-2 border-blue-700 p-4 group-data-[restoring]:hidden dark:border-blue-400">
        <p className="text-sm text-slate-600 dark:text-slate-400">{done ? t.conclusion : format(t.stepNumber, { n: stepNumber })}</p>
        <h2 id="current-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {stepHeading(meta, lang, context.values, fixes)}
        </h2>
        {/* The report's own intro ("copy the Markdown…") means nothing on paper. */}
        {body ? <p className={`mt-2 whitespace-pre-line ${meta.kind === 'report' ? 'print:hidden' : ''}`}>{body}</p> : null}
        {meta.kind === 'question' ? <QuestionStep meta={meta} context={context} lang={lang} onAnswer={answer} /> : null}
        {meta.kind === 'form' ? (
          // Keyed by the case too: the case's target arrives after the form first rendered.
          <FormStep
            key={`${where}:${session.caseView?.summary ? 'case' : ''}:${session.handover ? 'h' : ''}`}
            meta={meta}
            context={context}
            draft={session.drafts[stateId]}
            lang={lang}
            canAttach={canAttach}
            onSubmit={submit}
            carried={session.handover?.stateId === stateId ? { fields: session.handover.fields, note: format(t.carriedFrom, { flow: flowTitles[session.handover.carried.from] }) } : undefined}
          />
        ) : null}
        {meta.kind === 'probe' ? <ProbeStep running={running} lang={lang} onCancel={session.cancel} onStart={session.start} /> : null}
        {done ? <FlowEnding flowId={flowId} meta={meta} context={context} lang={lang} fixes={fixes} flowTitles={flowTitles} flowUrl={flowUrl} caseLink={session.caseView ?? undefined} /> : null}
        {meta.kind !== 'fix' && meta.ref ? (
          <p className="mt-4 text-sm">
            {t.readMore}{' '}
            <Link href={articleFixHref(lang, meta.ref)} className="text-blue-800 underline dark:text-blue-300">{fixName(meta.ref, fixes)}</Link>
          </p>
        ) : null}
      </section>
      {session.restored ? <SaveToCase replay={replay} lang={lang} flowTitle={flow.info.title[lang]} bound={Boolean(session.caseView)} onSave={session.saveToCase} /> : null}
      <FlowToolbar flow={flow} replay={replay} lang={lang} query={session.query} fixes={fixes} onRestart={session.restart} />
      <FlowMap layout={map} title={flow.info.title[lang]} visited={[...replay.steps.map((step) => step.state), stateId]} current={stateId} lang={lang} />
    </div>
  );
}
