/**
 * Finds the Chromium that the end-to-end tests and the budget script drive: Playwright's own
 * download where present, else the system one (Debian's `chromium`), else a one-line failure.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's `chromium` package installs the browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for the system browser on these machines (root, no GPU, closed network). */
export const SYSTEM_CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The line printed when no browser can be found. */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install one with `apt-get update && apt-get install -y chromium` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH.';

/** A browser to launch: `executablePath` undefined means Playwright's own build. */
export interface ChromiumChoice {
  executablePath: string | undefined;
  args: string[];
  source: 'playwright' | 'system' | 'env';
}

/** What findChromium looks at; injectable so the choice can be tested. */
export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  playwrightPath: () => string | undefined;
}

const realProbe: ChromiumProbe = {
  env: process.env,
  exists: existsSync,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
};

/** Picks the browser (CHROMIUM_PATH, then Playwright's own, then the system one), or undefined. */
export function findChromium(probe: ChromiumProbe = realProbe): ChromiumChoice | undefined {
  const fromEnv = probe.env['CHROMIUM_PATH'];
  if (fromEnv && probe.exists(fromEnv)) {
    return { executablePath: fromEnv, args: SYSTEM_CHROMIUM_FLAGS, source: 'env' };
  }
  const own = probe.playwrightPath();
  if (own && probe.exists(own))
    return { executablePath: undefined, args: [], source: 'playwright' };
  if (probe.exists(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_FLAGS, source: 'system' };
  }
  return undefined;
}

/** Like findChromium, but prints one clear line and exits when there is no browser. */
export function requireChromium(): ChromiumChoice {
  const found = findChromium();
  if (!found) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  return found;
}
