/** Every table of Fixpath's one schema; drizzle-kit generates the migrations from it. */
export { probeLeases, probeRateBuckets } from './access';
export { accounts, apiTokens, rateLimits, sessions, users, verifications } from './auth';
export { caseEvents, cases, caseSearchText } from './cases';
export { caseLinks, webhookDeliveries } from './hooks';
export { verifySchedules } from './schedule';
export { auditEvents, settings } from './system';
export { insightCaseFacts, insightDaily, insightEvents, insightLinkFacts, insightSearchDaily } from './insights';
