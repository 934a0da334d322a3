/**
 * Runs once when the Next server starts: opens the database, runs migrations and, while no
 * user exists, prints the one-time setup code. Not during `next build`, which opens nothing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServer } = await import('@/lib/auth/server');
  const { isUnavailable } = await import('@/lib/db/server');
  try {
    await startServer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isUnavailable(error)) {
      // Pages still serve; API calls answer 503 until the server answers, and the next start prints a setup code if one is needed.
      console.error(`Fixpath: the database is unavailable at start (${message}); API calls answer 503 until it is back.`);
      return;
    }
    console.error(`Fixpath cannot start: ${message}`);
    process.exit(1);
  }
}
