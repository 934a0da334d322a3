import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian (and CI) puts Chromium. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The browser the end-to-end tests drive: Playwright's own when it has been
 * installed (`npx playwright install chromium`), else the system's Chromium.
 * `PLAYWRIGHT_CHROMIUM_PATH` overrides both.
 */
export function findBrowser(): { executablePath?: string; found: boolean } {
  const override = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (override) return { executablePath: override, found: existsSync(override) };
  try {
    if (existsSync(chromium.executablePath())) return { found: true };
  } catch {
    // Playwright throws when its browsers are not installed; fall through.
  }
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  return system ? { executablePath: system, found: true } : { found: false };
}

/**
 * How every Playwright config launches the browser: the one findBrowser picks, kept off the
 * network. Without these flags Chromium reaches out to Google's services at start, which the
 * test network refuses.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return {
    executablePath: findBrowser().executablePath,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  };
}
