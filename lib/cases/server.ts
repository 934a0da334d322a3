import 'server-only';

/**
 * Cases, server-only: storage of cases and their timelines, customer links, and the case
 * API's route handlers. Statuses and shapes are in `@/lib/cases`.
 */
export { createCasesApi } from './api';
export { listLinks, resolveCustomerLink } from './links';
export { createLinksApi } from './links-api';
export { customerLinkStatus, customerStatusPage, loadCustomerPage, type CustomerView } from './customer-page';
export { customerRoutes } from './customer-runtime';
export { casesRoutes, startVerifyWorkerOnce } from './runtime';
export { pendingVerifications } from './schedule';
export { getCase, listCases, userNames } from './store';
