/**
 * Runs once when the Next server starts: opens the database, runs migrations and, while no
 * user exists, prints the one-time setup code (lib/auth startServerOrExit); then starts this
 * instance's webhook worker (when FIXPATH_WEBHOOK_URL is set), the worker that runs scheduled
 * verifications ("Verify in N minutes") and the insights retention job (FIXPATH_RETENTION_DAYS).
 * Node only.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerOrExit } = await import('@/lib/auth/server');
    await startServerOrExit();
    const { startWebhookWorkerOrExit } = await import('@/lib/webhooks/server');
    startWebhookWorkerOrExit();
    const { startVerifyWorkerOnce } = await import('@/lib/cases/server');
    startVerifyWorkerOnce();
    const { startRetentionJobOrExit } = await import('@/lib/insights/server');
    startRetentionJobOrExit();
  }
}
