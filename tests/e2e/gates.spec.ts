/**
 * Quality gates over every built page: no console or page errors, zero axe violations
 * (WCAG 2.2 A/AA) in light and dark themes, no horizontal scrolling at 360 px, and every
 * internal link, anchor and asset resolves.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, distFileFor, hasId } from '../site-pages';

const pages = builtPages();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Loads a page and collects console errors and uncaught exceptions while it settles. */
async function visit(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  const expected = path === '/404.html' ? [200, 404] : [200];
  expect(expected, `HTTP status of ${path}`).toContain(response?.status());
  return problems;
}

/**
 * Waits until every widget on screen is live. Until then its static figure's controls are
 * disabled (dimmed, and exempt from contrast rules); axe must not run while they switch on,
 * or it can read a control as enabled with the dimmed colours.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-ka-pending]')].every((island) => {
        const r = island.getBoundingClientRect();
        return r.bottom <= 0 || r.top >= innerHeight || r.width === 0 || r.height === 0;
      }),
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * Renders what the browser skips until the reader nears it (`content-visibility: auto`: the
 * gallery's diagrams, the guide's parameter tables). Skipped content keeps the styles it had when
 * it was skipped, so after the colour scheme switches axe would read the other scheme's colours
 * in it (the reader never sees them: it is restyled when it comes near the screen). Rendered, it
 * is checked as the reader sees it, in both schemes.
 */
async function renderSkipped(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    }
  });
}

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    // One visit, both themes: the colours follow `prefers-color-scheme` (light-dark()), so
    // switching the emulated scheme re-themes the loaded page without a second load.
    test('has no console errors and no axe violations in the light and dark themes', async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      const problems = await visit(page, path);
      await settled(page);
      await renderSkipped(page);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const violations = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(violations, `axe violations (${scheme})`).toEqual([]);
      }
      expect(problems, 'console and page errors').toEqual([]);
    });

    // One visit at phone width for the page's static checks (three visits before: same checks).
    test('fits 360 px without sideways scrolling, has a title, description, lang and h1, and links only to what exists', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await visit(page, path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);

      await expect(page).toHaveTitle(/\S/);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description?.trim().length ?? 0).toBeGreaterThan(20);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^(en|zh-Hans)$/);
      await expect(page.locator('h1')).toHaveCount(1);

      const base = new URL(page.url());
      const refs = await page.evaluate(() =>
        [...document.querySelectorAll('[href], [src]')].map(
          (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
        ),
      );
      const broken: string[] = [];
      for (const ref of refs) {
        const url = new URL(ref, base);
        if (url.origin !== base.origin) continue;
        const file = distFileFor(url.pathname);
        if (!file) {
          broken.push(`${ref} (no file)`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && file.endsWith('.html') && !hasId(file, id)) broken.push(`${ref} (no #${id})`);
      }
      expect(broken, 'broken internal links').toEqual([]);
    });
  });
}
