/**
 * Debian's Chromium driven by playwright-core (../shared/STACK.md: never `playwright install`). A missing
 * browser is an error that says how to install it, never a skipped test.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** The browser binary: HEALTHBSC_CHROMIUM, or Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.HEALTHBSC_CHROMIUM ?? '/usr/bin/chromium';

/** The flags that work on these machines (../shared/STACK.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}, and the web app's end-to-end tests and benchmark need it. ` +
        'Install it with `apt-get install -y chromium` (Debian/Ubuntu), or set HEALTHBSC_CHROMIUM to a Chromium ' +
        'or Chrome binary.',
    );
  }
  // A UTF-8 locale whatever the caller's environment (`env -i` has none): Chromium reads file names and
  // keyboard input through it.
  const env = { ...process.env, LANG: process.env.LANG || 'C.UTF-8' };
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env });
}
