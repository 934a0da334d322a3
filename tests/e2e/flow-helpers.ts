import { test, type Page } from '@playwright/test';
import { decodeFlowLink } from '../../lib/flows/link/codec';
import type { FlowId } from '../../machines';
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

/**
 * The steps (`kind:state`) the flow link in the page's address holds, read with the app's own
 * decoder. The runner writes the address after it shows a step (encoding is asynchronous), so
 * a test waits for the link it needs with `expect.poll(() => linkSteps(…))` before using it.
 */
export async function linkSteps(page: Page, flowId: FlowId): Promise<string[]> {
  const link = await decodeFlowLink(flowId, new URL(page.url()).search);
  return link.status === 'ok' ? link.steps.map((step) => `${step.kind}:${step.state}`) : [];
}
