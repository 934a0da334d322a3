import 'server-only';

/**
 * Insights, server-only: events storage, the six reports, their CSV, the charts drawn on the
 * server, the retention job, and the route handlers the app binds. The event contract and the
 * browser's recorder are in `@/lib/insights`.
 */
export { createInsightsApi } from './api';
export { barChartSvg } from './charts';
export { parseFilters } from './filters';
export { allReports, type InsightReports, type ReportName } from './reports';
export { maintainInsights, retentionDaysFromEnv } from './retention';
export { insightsForPage, insightsRoutes, startRetentionJobOrExit } from './runtime';
