/**
 * Insights, the browser-safe half: the event contract (one zod schema) and the batching
 * recorder the search palette, the flow runner and article pages use. Storage, reports, CSV,
 * retention and the route handlers are in `@/lib/insights/server`.
 */
export { MAX_QUERY, MAX_SHOWN, type InsightEvent } from './contract';
export { createRecorder, recordInsight } from './recorder';
