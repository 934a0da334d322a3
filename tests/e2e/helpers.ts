import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Response } from '@playwright/test';

/** Opens a page and waits until React has hydrated it, so clicks reach their handlers. */
export async function gotoReady(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  return response;
}

/** Fails with the rule ids and first elements of every serious or critical axe violation on the page. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

/** The administrator the `setup` project creates through first-run setup; every spec starts signed in as them. */
export const ADMIN = { name: 'Li Wei', email: 'li.wei@example.com', password: 'a long enough password' } as const;

/** Where the `setup` project saves the administrator's signed-in browser state, in this run's folder (playwright.config.ts names it). */
export const adminStatePath = (): string => path.join(process.env.FIXPATH_E2E_DIR ?? '', 'admin-state.json');

/** A browser state with no cookies: for tests that must start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** State-changing API calls ride on the session cookie, so they must say where they come from (the app checks Origin). */
export const sameOrigin = () => ({ origin: String(test.info().project.use.baseURL) });
