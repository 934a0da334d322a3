/**
 * Cases, the browser-safe half: statuses, the shapes the API returns, and the pure helpers the
 * case pages use (relative and local times, flow runs folded out of the timeline). Storage and
 * the API's handlers are in `@/lib/cases/server`; the zod schemas stay in contract.ts.
 */
export { CASE_STATUSES, type CaseRecord, type CaseStatus, type ListQuery, type TimelineEvent } from './contract';
export { fullTime, relativeTime, shortTime } from './time';
export { groupTimeline, type FlowRunGroup } from './timeline';
export { isSilentDrop, readVantage, vantageOf, type BrowserCheck, type VantageReading } from './vantage';
export { FEEDBACK_OUTCOMES, MAX_COMMENT_CHARS, MAX_EVIDENCE_CHARS, type CheckKind, type CheckPlan, type FeedbackOutcome, type SkipReason } from './customer-contract';
