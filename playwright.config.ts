import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/find-browser';
import { adminStatePath } from './tests/e2e/helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Each run starts from nothing: a new data directory (so first-run setup is open) and a server
// log the tests read the setup code from. Named here (the workers inherit it), made by the web
// server command: tools that only read this config (knip) must not leave directories behind.
process.env.FIXPATH_E2E_DIR ??= path.join(tmpdir(), `fixpath-e2e-${process.pid}-${Date.now()}`);
const E2E_DIR = process.env.FIXPATH_E2E_DIR;
/** The test PKI (scripts/e2e-pki.ts): the server trusts its root, tests/fixtures/flows/loopback-servers.ts serves its certificates. */
const E2E_PKI = path.join(E2E_DIR, 'pki');

/** Debian's Chromium, kept off the network except for the server under test. */
const chromium = {
  ...devices['Desktop Chrome'],
  permissions: ['clipboard-read', 'clipboard-write'],
  launchOptions: chromiumLaunchOptions(),
};

/** End-to-end tests drive a real Chromium against the production build (`next start`). */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    // First-run setup, once per server: creates the administrator every other spec is signed in as.
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: chromium },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: {
        ...chromium,
        storageState: adminStatePath(),
      },
    },
  ],
  globalTeardown: './tests/e2e/global-teardown.ts',
  webServer: {
    // tee: the output still reaches Playwright, and tests/e2e/first-run.setup.ts reads the setup code from the file.
    command: `mkdir -p ${JSON.stringify(E2E_DIR)} && npx tsx scripts/e2e-pki.ts ${JSON.stringify(E2E_PKI)} && NODE_EXTRA_CA_CERTS=${JSON.stringify(path.join(E2E_PKI, 'root.pem'))} npx next start -p ${PORT} -H 127.0.0.1 2>&1 | tee ${JSON.stringify(path.join(E2E_DIR, 'server.log'))}`,
    url: `http://127.0.0.1:${PORT}/zh`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every spec signs in from 127.0.0.1, two workers at once: the production limit of 10 sign-ins a
    // minute per address would turn later specs away (auth-sign-in.test.ts tests the limit itself).
    env: { PROBE_ALLOW: '127.0.0.1/32', PROBE_RATE_LIMIT: 'off', FIXPATH_SIGN_IN_LIMIT: '1000', FIXPATH_DATA_DIR: path.join(E2E_DIR, 'data'), DATABASE_URL: '' },
  },
});
