import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser journeys run in Debian's headless Chromium. When it is missing on a developer's machine the suite says
 * so loudly and skips; under CI=true that is a failure (.ci/run installs it).
 */
export function describeBrowser(title: string, fn: () => void) {
  if (!existsSync(CHROMIUM)) {
    const msg = `Chromium not found at ${CHROMIUM}: browser tests "${title}" are SKIPPED. Install it with: apt-get install chromium`;
    if (process.env.CI === 'true') throw new Error(msg);
    console.warn(`\n\x1b[41m\x1b[97m WARNING \x1b[0m ${msg}\n`);
    describe.skip(title, fn);
    return;
  }
  describe(title, fn);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
