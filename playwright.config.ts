import { defineConfig } from '@playwright/test';
import { requireChromium } from './tests/chromium';

const browser = requireChromium();
/** The built site is served by `astro preview` on this port (PREVIEW_PORT, default 4321). */
const port = Number(process.env['PREVIEW_PORT'] ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      args: browser.args,
    },
  },
  webServer: {
    command: `astro preview --port ${port} --host localhost`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
