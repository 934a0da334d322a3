import 'server-only';

/**
 * Webhooks, server-only: the outbox of case events (queued in the transaction that records
 * them), signing, and the worker every instance runs to deliver them (docs/cases.md#webhook).
 */
export { webhookEnabled } from './config';
export { enqueueDeliveries } from './outbox';
export { startWebhookWorkerOrExit } from './runtime';
