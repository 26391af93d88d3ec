/**
 * Figures that fit (issue 15): every widget's embed, at its default parameters and with every
 * numeric parameter at its largest value, at 1280, 700 and 390 px, and in a narrow widget with
 * each of its view tabs pressed: the page never scrolls sideways, and no two text labels of a
 * sequence diagram overlap (their rendered boxes, as the browser lays out the glyphs, not the
 * boxes the layout estimated). In a 700 px column a narrow widget shows one view at a time and
 * its parameters start collapsed to a line of values.
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

/** Waits two frames: a resize or a tab lays the diagrams out again on the next frames. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
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
        await frames(page);
        // A wide widget shows every view; a narrow one each in turn, as its tabs are pressed.
        const tabs = page.locator('.view-tabs button');
        const views = width === 1280 ? 1 : Math.max(1, await tabs.count());
        if (width === 1280) await expect(tabs).toHaveCount(0);
        for (let v = 0; v < views; v++) {
          const where = `${width} px${views > 1 ? `, view ${v + 1}` : ''}`;
          if (views > 1) {
            await tabs.nth(v).click();
            await expect(tabs.nth(v)).toHaveAttribute('aria-pressed', 'true');
            await frames(page);
          }
          const m = await measure(page);
          expect(m.sideways, `${where}: sideways scroll`).toBe(0);
          for (const [i, l] of m.ladders.entries()) {
            expect(l.labels, `${where}, diagram ${i + 1}: labels drawn`).toBeGreaterThan(0);
            expect(l.pairs, `${where}, diagram ${i + 1}: overlapping labels`).toEqual([]);
          }
        }
        if (views > 1) await tabs.first().click();
      }
    });
  }
}

test('in a 700 px column the parameters start collapsed to their values, and open and close', async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto('/zh/embed/race/');
  await settled(page);
  const height = (): Promise<number> => page.evaluate(() => document.documentElement.scrollHeight);
  const before = await height();
  const rtt = page.getByRole('slider', { name: '往返时延（RTT）' });
  await expect(rtt).toBeHidden();
  // The line of values names each parameter with its value (the Race's defaults).
  const values = page.locator('.params .values');
  await expect(values).toContainText('往返时延（RTT） 100 ms');
  await expect(values).toContainText('服务器的 keep-alive 超时 5,000 ms');
  const show = page.getByRole('button', { name: '显示参数' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(rtt).toBeVisible();
  await expect(values).toHaveCount(0);
  // The parameters take at least 200 px of a 700 px column.
  expect((await height()) - before).toBeGreaterThan(200);
  // A changed value is in the line once they collapse again.
  await rtt.fill('500');
  await settled(page);
  const hide = page.getByRole('button', { name: '隐藏参数' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.click();
  await expect(rtt).toBeHidden();
  await expect(values).toContainText('往返时延（RTT） 500 ms');
});

test('in a wide widget the parameters and every view show, with no tabs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/embed/page-load/');
  await settled(page);
  await expect(page.getByRole('slider', { name: 'Round-trip time' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide parameters' })).toBeVisible();
  await expect(page.locator('.view-tabs')).toHaveCount(0);
  for (const kind of ['ladder', 'waterfall', 'lanes'])
    await expect(page.locator(`figure.ka-view.${kind}`)).toBeVisible();
});

test('a narrow comparison shows one view in every pane, switched by its tabs, on one clock', async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto('/embed/multiplexing/');
  await settled(page);
  const group = page.getByRole('group', { name: 'Diagram' });
  const packets = group.getByRole('button', { name: 'Packets' });
  const requests = group.getByRole('button', { name: 'Requests' });
  await expect(packets).toHaveAttribute('aria-pressed', 'true');
  await expect(requests).toHaveAttribute('aria-pressed', 'false');
  const sides = page.locator('.side');
  await expect(sides).toHaveCount(3);
  await expect(page.locator('.side figure.ka-view.ladder')).toHaveCount(3);
  await expect(page.locator('figure.ka-view.waterfall')).toHaveCount(0);
  // At most 440 px of time axis at zoom 1, the same in every pane.
  const heights = await page
    .locator('.side .ladder svg[viewBox]')
    .evaluateAll((svgs) => svgs.map((s) => s.getAttribute('viewBox')?.split(' ')[3]));
  expect(new Set(heights).size).toBe(1);
  expect(Number(heights[0])).toBeLessThanOrEqual(440);
  await requests.click();
  await expect(requests).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.side figure.ka-view.waterfall')).toHaveCount(3);
  await expect(page.locator('figure.ka-view.ladder')).toHaveCount(0);
  // The metrics stay above whichever view is shown.
  await expect(page.locator('.side .ka-metrics')).toHaveCount(3);
  // Keyboard: the tabs are buttons in the tab order, Enter presses one.
  await packets.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.side figure.ka-view.ladder')).toHaveCount(3);
});
