/**
 * Runs before the end-to-end tests: makes sure a Chromium is there. As root
 * with apt it installs Debian's `chromium`; otherwise it says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser';

if (!findBrowser().found) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      'No Chromium for the end-to-end tests. Install one of:\n' +
        '  npx playwright install chromium        (Playwright\'s own browser)\n' +
        '  sudo apt-get install -y chromium       (Debian/Ubuntu)\n' +
        'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s chromium with apt-get…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!findBrowser().found) {
    console.error('apt-get finished but no Chromium was found at /usr/bin/chromium.');
    process.exit(1);
  }
}
