import { test, type Page } from '@playwright/test';
import { startLoopbackTargets, type LoopbackTargets } from '../fixtures/flows/loopback-servers';

/**
 * Starts the loopback servers flows probe (a closed port, an expired
 * certificate) before the file's tests and stops them after. The returned
 * object is filled in by `beforeAll`, so read it inside tests only.
 */
export function useLoopbackTargets(): LoopbackTargets {
  const targets = {} as LoopbackTargets;
  test.beforeAll(async () => {
    Object.assign(targets, await startLoopbackTargets());
  });
  test.afterAll(async () => {
    await targets.close();
  });
  return targets;
}

/** The flow step on screen. */
export const currentStep = (page: Page) => page.locator('section[data-state]');
