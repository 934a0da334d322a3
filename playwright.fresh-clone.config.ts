import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/find-browser';


/**
 * The fresh-clone story (issue 10's "done when"): one long test that copies the working tree
 * as a clone would have it, runs `npm start` there with the embedded database, and drives
 * first-run setup, a case and a flow run in a real Chromium, then restarts the server.
 * Separate from tests/e2e because it starts (and builds) its own server.
 */
export default defineConfig({
  testDir: 'tests/fresh-clone',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // The clone builds itself (`npm start` runs `next build`) before it serves.
  timeout: 600_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
