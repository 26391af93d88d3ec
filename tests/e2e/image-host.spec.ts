/**
 * The Image-host widget: its numbers are the CLI's for the same workload, presets and the URL
 * drive it, the sweep computes off the main thread with a progress bar, the views open their
 * tables, axe passes once hydrated, and without JavaScript it shows the build's runs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import {
  imageHostScenario,
  imageHostSchema,
  type ImageHostValues,
} from '../../src/components/widgets/image-host-params';
import type { WorkloadMetrics } from '../../src/sim/workload-metrics';
import { cliRunner } from './widget-helpers';

const cli = cliRunner<{ workload: WorkloadMetrics }>('ka-image-host-');
const base = defaults(imageHostSchema);

/** One decimal, grouped, as the widget prints means ("219.7"). */
const one = (x: number): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
/** Whole ms as the widget prints them ("3,269"). */
const ms = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Opens the gallery's Image host and waits until it has hydrated. */
async function openHost(page: Page, query = '', path = '/widgets/'): Promise<Locator> {
  await page.goto(`${path}${query}`);
  const widget = page.locator('#ka-image-host');
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator('[data-ka-widget="image-host"]')).not.toHaveAttribute(
    'data-ka-pending',
  );
  return widget;
}

/** What the summary must say for `values`, from the CLI. */
async function expectSummaryOf(widget: Locator, values: ImageHostValues): Promise<void> {
  const w = cli(imageHostScenario(values)).workload;
  const summary = widget.locator('.summary');
  await expect(summary).toContainText(
    `Server slots held by connections, on average: ${one(w.meanWorkersBusy + w.meanWorkersIdle)} (${one(w.meanWorkersBusy)} serving, ${one(w.meanWorkersIdle)} idle in keep-alive)`,
  );
  await expect(summary).toContainText(`95% at most ${ms(w.latencyMs.p95)} ms`);
}

test('the starting run is the CLI’s, and Little’s law is stated for it', async ({ page }) => {
  const widget = await openHost(page);
  await expectSummaryOf(widget, base);
  // 60/s x (5 s + 0.1 s) = 306 workers in the steady state, against 256.
  await expect(widget.locator('.summary')).toContainText('≈ 60/s × 5.1 s ≈ 306');
  await expect(widget.locator('.summary')).toContainText('against 256 available');
});

test('a preset changes the URL, recomputes in the worker and finishes the sweep', async ({
  page,
}) => {
  const widget = await openHost(page);
  await widget.getByRole('button', { name: 'Off', exact: true }).click();
  await expect(page).toHaveURL(/image-host\.timeout=0/);
  await expect(widget.getByRole('button', { name: 'Off', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(widget.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  await expectSummaryOf(widget, { ...base, timeout: 0 });
  // Keep-alive off: nothing is idle in keep-alive.
  await expect(widget.locator('.summary')).toContainText('0 idle in keep-alive');
});

test('values from the URL are used, and bad ones are corrected with a notice', async ({ page }) => {
  const widget = await openHost(page, '?image-host.rate=20&image-host.workers=99999');
  await expect(widget.locator('.notices')).toContainText('image-host.workers=99999');
  await expect(widget.getByLabel('Workers (threaded)', { exact: true }).first()).toHaveValue(
    '2000',
  );
  await expect(widget.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  await expectSummaryOf(widget, { ...base, rate: 20, workers: 2000 });
});

test('the event model counts connections, not workers', async ({ page }) => {
  const widget = await openHost(page, '?image-host.model=event');
  await expect(widget.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(
    widget.locator('figcaption').getByText('Server connections over time', { exact: true }),
  ).toBeVisible();
  await expectSummaryOf(widget, { ...base, model: 'event' });
});

test('a narrow widget computes the sweep when its chart is first shown', async ({ page }) => {
  // At 390 px the widget shows one chart at a time and starts on the server's: its sweep (14
  // runs in the worker) waits for its tab, so the page's load computes the main run only.
  await page.setViewportSize({ width: 390, height: 850 });
  await page.goto('/embed/image-host/');
  const widget = page.locator('[data-ka-widget="image-host"]');
  await expect(widget).not.toHaveAttribute('data-ka-pending');
  await expect(widget).not.toHaveAttribute('data-ka-computing', { timeout: 20_000 });
  await expect(page.getByText('Visitors', { exact: true }).first()).toBeVisible();
  // Before, the sweep's progress bar was there from the first request to the sweep's end (over
  // a second after the main run here): counted at once, and again a second later.
  expect(await page.locator('progress').count()).toBe(0);
  await page.waitForTimeout(1000);
  expect(await page.locator('progress').count()).toBe(0);
  await page.getByRole('button', { name: 'Against the timeout', exact: true }).click();
  await expect(page.getByText(/Computing the sweep: \d+ of 14 runs/)).toBeVisible();
  await expect(page.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('.sweep svg').first()).toBeVisible();
});

test('on a phone a data table scrolls sideways in its region and no number breaks', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 850 });
  await page.goto('/embed/image-host/');
  const widget = page.locator('[data-ka-widget="image-host"]');
  await expect(widget).not.toHaveAttribute('data-ka-pending');
  await expect(widget).not.toHaveAttribute('data-ka-computing', { timeout: 20_000 });
  await widget.locator('details.ka-data > summary').first().click();
  const region = widget.getByRole('region', { name: 'Server state per interval of 0.5 s' });
  await expect(region).toHaveAttribute('tabindex', '0');
  // Six columns are wider than the phone's widget: the region scrolls, the page does not.
  expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every body cell is on one line ("1,167" was "1,16" over "7" before).
  const broken = await region.locator('tbody td, tbody th').evaluateAll(
    (cells) =>
      cells.filter((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return range.getClientRects().length > 1;
      }).length,
  );
  expect(broken).toBe(0);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
});

test('the views open their tables and axe finds nothing once hydrated', async ({ page }) => {
  const widget = await openHost(page);
  for (const summary of await widget.locator('details > summary').all()) await summary.click();
  // A view's table is made when its disclosure first opens.
  await expect.poll(() => widget.locator('table').count()).toBeGreaterThanOrEqual(3);
  const results = await new AxeBuilder({ page })
    .include('#ka-image-host')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations).toEqual([]);
});

test('the Chinese widget speaks Chinese', async ({ page }) => {
  const widget = await openHost(page, '', '/zh/widgets/');
  await expect(widget.locator('.summary')).toHaveText(/[\u4e00-\u9fff].* ms/); // Chinese prose, times in ms (as on the axes)
  await expect(widget.getByRole('button', { name: '关闭', exact: true })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the build’s runs are drawn: charts, figures and summary', async ({ page }) => {
    await page.goto('/server-costs/');
    const widget = page.locator('#ka-image-host');
    expect(await widget.locator('svg').count()).toBeGreaterThanOrEqual(3);
    await expect(widget.locator('.summary')).toContainText('Server slots held by connections');
  });
});
