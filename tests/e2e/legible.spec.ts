/**
 * Figures that fit (issue 15): every widget's embed, at its default parameters and with every
 * numeric parameter at its largest value, at 1280, 700 and 390 px: the page never scrolls
 * sideways, and no two text labels of a sequence diagram overlap (their rendered boxes, as the
 * browser lays out the glyphs, not the boxes the layout estimated).
 */
import { expect, test, type Page } from '@playwright/test';
import { widgetParams, type WidgetName } from '../../src/components/widgets/schemas';

/** The query that sets every numeric parameter of a widget to its largest value. */
function largest(name: WidgetName): string {
  const q = new URLSearchParams();
  for (const p of widgetParams[name].schema) if (p.type === 'number') q.set(p.key, String(p.max));
  return `?${q.toString()}`;
}

/** Waits until the widget has its runs and is not computing new ones. */
async function settled(page: Page): Promise<void> {
  const root = page.locator('[data-ka-widget]').first();
  await expect(root).not.toHaveAttribute('data-ka-pending', { timeout: 60_000 });
  await expect(root).not.toHaveAttribute('data-ka-computing', { timeout: 60_000 });
}

/** Sideways overflow of the page (px) and, per ladder, its labels and overlapping pairs. */
function measure(page: Page) {
  return page.evaluate(() => {
    const ladders = [...document.querySelectorAll('.ladder svg[viewBox]')].map((svg) => {
      const boxes = [...svg.querySelectorAll('.labels text')].map((t) => t.getBoundingClientRect());
      const pairs: string[] = [];
      boxes.forEach((a, i) => {
        for (const b of boxes.slice(i + 1)) {
          // Half a pixel of anti-aliasing either way is not an overlap.
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 0.5 && y > 0.5) pairs.push(`${a.left},${a.top} / ${b.left},${b.top}`);
        }
      });
      return { labels: boxes.length, pairs };
    });
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ladders,
    };
  });
}

for (const name of Object.keys(widgetParams) as WidgetName[]) {
  for (const [setting, query] of [
    ['default', ''],
    ['largest', largest(name)],
  ] as const) {
    test(`${name} at its ${setting} parameters fits 1280, 700 and 390 px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/embed/${name}/${query}`);
      for (const width of [1280, 700, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await settled(page);
        // Resizing lays the diagrams out again on the next frames.
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
        const m = await measure(page);
        expect(m.sideways, `${width} px: sideways scroll`).toBe(0);
        for (const [i, l] of m.ladders.entries()) {
          expect(l.labels, `${width} px, diagram ${i + 1}: labels drawn`).toBeGreaterThan(0);
          expect(l.pairs, `${width} px, diagram ${i + 1}: overlapping labels`).toEqual([]);
        }
      }
    });
  }
}

test('the parameters collapse to their legend and come back', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto('/zh/embed/race/');
  await settled(page);
  const height = (): Promise<number> => page.evaluate(() => document.documentElement.scrollHeight);
  const before = await height();
  const rtt = page.getByRole('slider', { name: '往返时延（RTT）' });
  await expect(rtt).toBeVisible();
  const hide = page.getByRole('button', { name: '隐藏参数' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.click();
  await expect(rtt).toBeHidden();
  const show = page.getByRole('button', { name: '显示参数' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  // The parameters took at least 200 px of a 700 px column.
  expect(before - (await height())).toBeGreaterThan(200);
  await show.click();
  await expect(rtt).toBeVisible();
  expect(await height()).toBe(before);
});
