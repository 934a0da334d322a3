import 'server-only';
import { getDatabase } from '@/lib/db/server';
import { webhookConfigFromEnv, type WebhookConfig } from './config';
import { startWorker } from './worker';

/** One worker per process even if Next loads instrumentation in more than one bundle. */
const STARTED = Symbol.for('fixpath.webhookWorker');

/**
 * Starts this instance's webhook worker when FIXPATH_WEBHOOK_URL is set (instrumentation.ts).
 * Every instance runs one; the claim in the database makes each delivery go out once. A URL
 * without a usable FIXPATH_WEBHOOK_SECRET stops the start with a message naming it.
 */
export function startWebhookWorkerOrExit(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  let config: WebhookConfig | null;
  try {
    config = webhookConfigFromEnv(process.env);
  } catch (error) {
    console.error(`Fixpath cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (!config) return;
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  startWorker({ ...config, db: async () => (await getDatabase()).db, log: (line) => console.error(line) });
  console.log(`Fixpath: delivering case events to ${new URL(config.url).origin}`);
}
