/**
 * Content Security Policy: every built page carries a <meta> policy whose script-src has no
 * 'unsafe-inline', and nothing on the page breaks it — not the theme scripts, not the island
 * loader while widgets hydrate and recompute, not Pagefind on the search page. Embeds also run
 * inside a sandboxed iframe (`allow-scripts allow-same-origin`) on another origin.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { requireChromium } from '../chromium';
import { builtPages } from '../site-pages';

const pages = builtPages();
const browser = requireChromium();

// The sandbox test's host page is answered by `page.route` (it has no network address), and
// Chromium's local-network checks would then block its frame of localhost: turn them off here.
test.use({
  launchOptions: {
    ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
    args: [...browser.args, '--disable-features=LocalNetworkAccessChecks'],
  },
});

/** One `securitypolicyviolation` event, as the test reports it. */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

declare global {
  interface Window {
    __kaCsp?: Violation[];
  }
}

/** Records every CSP violation of the document (installed before any page script runs). */
function recordViolations(): void {
  window.__kaCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__kaCsp?.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      sample: e.sample,
    });
  });
}

/** The violations a document has recorded so far. */
async function violationsOf(target: Page | Frame): Promise<Violation[]> {
  return target.evaluate(() => window.__kaCsp ?? []);
}

/** The `script-src` directive of a page's meta policy. */
async function scriptSrc(page: Page): Promise<string> {
  const policy = await page
    .locator('meta[http-equiv="content-security-policy" i]')
    .getAttribute('content');
  expect(policy, 'meta Content-Security-Policy').toBeTruthy();
  const directive = (policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src '));
  expect(directive, 'script-src directive').toBeTruthy();
  return directive ?? '';
}

/**
 * Scrolls every widget into view, waits until it is live (its static figure replaced), then
 * changes its first control.
 */
async function hydrateAndTouch(target: Page | Frame): Promise<number> {
  const islands = target.locator('[data-ka-widget]');
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    const island = islands.nth(i);
    await island.scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('data-ka-pending', /.*/, { timeout: 30_000 });
    const select = island.locator('select:enabled').first();
    const range = island.locator('input[type="range"]:enabled').first();
    const box = island.locator('input[type="checkbox"]:enabled').first();
    if ((await range.count()) > 0) {
      await range.focus();
      await range.press('ArrowRight');
    } else if ((await select.count()) > 0) {
      const values = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const other = values.find((v) => v !== values[0]);
      if (other !== undefined) await select.selectOption(other);
    } else if ((await box.count()) > 0) {
      await box.click();
    }
  }
  return count;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(recordViolations);
});

for (const path of pages) {
  test(`${path} has a meta CSP without 'unsafe-inline' scripts and no violations`, async ({
    page,
  }) => {
    // Every widget of the page goes live and recomputes once (nine on the gallery).
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(await scriptSrc(page)).not.toContain("'unsafe-inline'");
    await hydrateAndTouch(page);
    if (/^\/(zh\/)?search\/$/.test(path)) {
      await page.locator('input[type="search"]').fill('handshake');
      await page.locator('input[type="search"]').press('Enter');
      await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    }
    // The replay page: its sample replayed in its worker, then drawn by the widgets' views.
    if (/^\/(zh\/)?replay\/$/.test(path)) {
      await page.locator('[data-replay-sample-button]').click();
      await expect(page.locator('[data-ka-widget="replay"][data-ka-ready]')).toBeAttached({
        timeout: 60_000,
      });
    }
    // The guide's live examples: lazy iframes load once scrolled to, then hydrate like a page.
    const iframes = page.locator('iframe');
    for (let i = 0; i < (await iframes.count()); i++) {
      const iframe = iframes.nth(i);
      await iframe.scrollIntoViewIfNeeded();
      const frame = await (await iframe.elementHandle())?.contentFrame();
      expect(frame, `frame ${i}`).toBeTruthy();
      if (!frame) continue;
      await frame.waitForLoadState('load');
      await hydrateAndTouch(frame);
      expect(await violationsOf(frame), `violations in ${frame.url()}`).toEqual([]);
      // The host script (/embed.js, allowed as 'self') sized the frame from the embed's message.
      if ((await iframe.getAttribute('data-keep-alive-embed')) !== null) {
        await expect
          .poll(() => iframe.evaluate((el) => (el as HTMLElement).style.height))
          .toMatch(/px$/);
      }
    }
    expect(await violationsOf(page)).toEqual([]);
    // Also no console errors at all, from the page or from its frames (the guide's examples).
    expect(errors).toEqual([]);
  });
}

const embeds = pages.filter((p) => /^\/(zh\/)?embed\/[^/]+\/$/.test(p));

/** A host page on another origin: the same server under its other loopback name. */
function hostUrl(baseURL: string | undefined): string {
  const url = new URL('/__csp-host/', baseURL);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

for (const path of embeds) {
  test(`${path} works in a sandboxed iframe on another origin`, async ({ page, baseURL }) => {
    const src = new URL(`${path}?theme=dark`, baseURL).href;
    const host = hostUrl(baseURL);
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>host</title><iframe title="embed" src="${src}" sandbox="allow-scripts allow-same-origin" width="600" height="600"></iframe></html>`,
      }),
    );
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(host, { waitUntil: 'networkidle' });
    const frame = page.frames().find((f) => f.url().startsWith(src.split('?')[0] ?? src));
    expect(frame, 'the embed frame').toBeTruthy();
    if (!frame) return;
    // The pre-paint theme script ran (under the CSP, inside the sandbox).
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await hydrateAndTouch(frame)).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await violationsOf(frame)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
