/*
 * The flows feature, browser-safe: the runtime that drives a machine from `@/machines`
 * (forms, probes, the recorded path), flow links, what a flow says in words (case notes,
 * reports) and its map. It never imports all five machines: the page passes in the one it
 * runs. Server-only parts (the registry of all flows, fix info from the articles, the fix
 * reference check) are in `@/lib/flows/server`.
 *
 *   runtime/  session (drives one flow), form (reads and checks a form), probe-request,
 *             events (recorded step -> machine event), replay (pure transitions), path,
 *             case-run (a run recorded on a case: probes through the case, steps, reopen, save)
 *   link/     codec (the `?v=&p=` query), slim (short links), restore (link -> replay)
 *   reports/  text, fix titles, evidence, step summaries, case notes, 5 Whys report, status update
 *   map, hrefs, suggest
 *   registry/ (server door only) the five flows, fix info from the articles, the fix reference check
 */
export { FlowSession, type RunProbe, type SessionState, type SubmitOutcome } from './runtime/session';
export { requestProbe } from './runtime/probe-client';
export { fillFromHost, readForm, type FieldError } from './runtime/form';
export { validateServerAddress } from './runtime/address';
export { replayPath, startReplay, type Replay } from './runtime/replay';
export { stateIdOf, stateMetaOf, type FlowSnapshot } from './runtime/state';
export { eventFor, stepOf } from './runtime/events';
export type { PathStep } from './runtime/path';

export { encodeFlowLink } from './link/codec';
export { restoreFlowLink, type LinkNotice } from './link/restore';

export { flowText, targetOf } from './reports/text';
export { evidenceFacts, FACT_LABELS, failureText } from './reports/evidence';
export { fixName, isCustomerFix, stepBody, stepHeading, type FixInfoMap } from './reports/fixes';
export { summarizeSteps } from './reports/step-summary';
export { buildCaseNotes } from './reports/transcript';
export { buildFiveWhysReport } from './reports/five-whys-report';
export { buildStatusUpdate } from './reports/status-update';

export { buildFlowMap } from './map';
export { articleFixHref, customerFixHref, flowHref } from './hrefs';
export { rankSuggestions } from './suggest';
export { CaseRun, pathOfRun, type CaseSummary, type Recheck, type SaveStatus } from './runtime/case-run';
export type { StoredEvidence } from './runtime/probe-client';
