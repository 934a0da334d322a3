import { rmSync } from 'node:fs';

/** Removes this run's data directory and server log (playwright.config.ts made them). */
export default function globalTeardown(): void {
  const dir = process.env.FIXPATH_E2E_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
