/**
 * One clock in every comparison: the panes of the Race, Pipelining and Multiplexing widgets draw
 * their ladders and waterfalls on the same time axis (the same ticks at the same positions, the
 * same collapsed quiet stretches, the same ladder size), stacked at 390 px and side by side at
 * 700 and 1280 px, at the widgets' defaults and at heavy settings. At 390 and 700 px the widget
 * is narrow and shows one view at a time: the waterfalls are read with the Requests tab pressed.
 * Panes in one row start their ladders at the same height.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const cases = [
  { widget: 'race', query: '' },
  // The case: 60 images of 100 kB, RTT 500, 1 Mbit/s, 6 connections (keep-alive ~2× faster
  // than HTTP/1.0 must look ~2× faster: one scale, no pane-specific compression).
  { widget: 'race', query: '?rtt=500&objects=60&objectBytes=100000&bandwidth=1&connections=6' },
  { widget: 'race', query: '?rtt=250&objects=12' },
  { widget: 'pipelining', query: '?slowMs=2000&objects=20' },
  { widget: 'multiplexing', query: '?loss=10' },
] as const;

const widths = [390, 700, 1280] as const;

interface AxisShape {
  ladderViewBox: string | null;
  ladderTicks: string[];
  waterfallTicks: string[];
}

/** Tick labels with their positions, rounded to 0.1 px. */
async function ticks(figure: Locator, attr: 'x' | 'y'): Promise<string[]> {
  return figure
    .locator('g.axis text')
    .evaluateAll(
      (els, a) =>
        els.map((el) => `${el.textContent ?? ''}@${Number(el.getAttribute(a)).toFixed(1)}`),
      attr,
    );
}

async function shapes(page: Page): Promise<AxisShape[]> {
  const sides = page.locator('.side');
  const n = await sides.count();
  const tabs = page.locator('.view-tabs');
  const narrow = (await tabs.count()) > 0;
  const read = async (kind: 'ladder' | 'waterfall', i: number): Promise<Locator> =>
    sides.nth(i).locator(`figure.ka-view.${kind}`).first();
  const ladders: Omit<AxisShape, 'waterfallTicks'>[] = [];
  for (let i = 0; i < n; i++) {
    const ladder = await read('ladder', i);
    ladders.push({
      ladderViewBox: await ladder.locator('svg').first().getAttribute('viewBox'),
      ladderTicks: await ticks(ladder, 'y'),
    });
  }
  if (narrow) {
    await tabs.getByRole('button').nth(1).click();
    await expect(page.locator('.side figure.ka-view.waterfall')).toHaveCount(n);
  }
  const out: AxisShape[] = [];
  for (let i = 0; i < n; i++) {
    const waterfall = await read('waterfall', i);
    out.push({ ...(ladders[i] as AxisShape), waterfallTicks: await ticks(waterfall, 'x') });
  }
  if (narrow) await tabs.getByRole('button').first().click();
  return out;
}

for (const c of cases) {
  for (const width of widths) {
    test(`${c.widget}${c.query} at ${width} px: every pane on one clock`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/embed/${c.widget}/${c.query}`);
      // Live: the static figure has gone and the runs of the URL's values are drawn.
      await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
        timeout: 60_000,
      });
      await expect(page.locator('button.primary')).toBeEnabled({ timeout: 60_000 });
      await expect(page.locator('.side')).not.toHaveCount(0);
      const all = await shapes(page);
      expect(all.length).toBeGreaterThanOrEqual(2);
      const [first, ...rest] = all as [AxisShape, ...AxisShape[]];
      expect(first.ladderTicks.length).toBeGreaterThan(1);
      expect(first.waterfallTicks.length).toBeGreaterThan(1);
      for (const other of rest) expect(other).toEqual(first);
      // Panes side by side share their rows: their ladders start at the same height, so a time
      // is at the same y across the row, whatever the length of their titles and metrics.
      const tops = await page
        .locator('.side')
        .evaluateAll((els) =>
          els.map((el) => [
            Math.round(el.getBoundingClientRect().top),
            el.querySelector('.ladder svg')?.getBoundingClientRect().top ?? NaN,
          ]),
        );
      const rows = new Map<number, number[]>();
      for (const [row = 0, ladder = NaN] of tops) rows.set(row, [...(rows.get(row) ?? []), ladder]);
      for (const ladders of rows.values())
        for (const y of ladders) expect(Math.abs(y - (ladders[0] ?? NaN))).toBeLessThanOrEqual(0.5);
    });
  }
}

/** One run, two horizontal views: the waterfall and the connection lanes share one time axis. */
for (const path of ['/embed/page-load/?tls=tls1.2', '/embed/connection-pool/?rtt=500']) {
  for (const width of widths) {
    test(`${path} at ${width} px: waterfall and lanes on one axis`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      // Live: the static figure has gone and the runs of the URL's values are drawn.
      await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
        timeout: 60_000,
      });
      await expect(page.locator('button.primary')).toBeEnabled({ timeout: 60_000 });
      // A narrow widget shows one view at a time: each is read with its tab pressed.
      const tabs = page.locator('.view-tabs');
      const narrow = (await tabs.count()) > 0;
      const view = async (kind: 'waterfall' | 'lanes', tab: string): Promise<string[]> => {
        if (narrow) await tabs.getByRole('button', { name: tab }).click();
        // A view not shown before loads when its tab is pressed (`lazy-views.ts`).
        const figure = page.locator(`figure.ka-view.${kind}`).first();
        await expect(figure.locator('g.axis text').first()).toBeAttached();
        return ticks(figure, 'x');
      };
      const waterfall = await view('waterfall', 'Requests');
      const lanes = await view('lanes', 'Connections');
      const times = (xs: string[]): string[] => xs.filter((s) => /^[\d,.]+@/.test(s));
      expect(times(waterfall).length).toBeGreaterThan(1);
      expect(times(lanes)).toEqual(times(waterfall));
    });
  }
}
