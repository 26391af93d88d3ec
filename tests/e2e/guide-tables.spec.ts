/**
 * The guide's parameter tables (issue 19): each sits in a focusable, named scroll region with a
 * shadow on an edge that has more to show; the page itself never scrolls sideways. At 1280 px
 * every table fits its column but the two widest (the Image host's and the Playground's, in
 * English), which scroll inside their regions.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const lang of ['en', 'zh'] as const) {
  for (const width of [360, 700, 1280]) {
    test(`${lang} guide at ${width} px: tables in named scroll regions, no sideways page scroll`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(lang === 'en' ? '/guide/' : '/zh/guide/');
      const regions = page.locator('.ka-table-scroll');
      expect(await regions.count()).toBe(10);
      expect(await page.locator('table.ka-params').count()).toBe(10);
      for (const region of await regions.all()) {
        await expect(region).toHaveAttribute('role', 'region');
        await expect(region).toHaveAttribute('tabindex', '0');
        await expect(region).toHaveAttribute('aria-label', /\S/);
        await expect(region.locator('table.ka-params')).toHaveCount(1);
      }
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scroll).toBeLessThanOrEqual(client);
      // A region is laid out once near the viewport (content-visibility): each is measured
      // where the reader sees it.
      const overflowing: string[] = [];
      for (const region of await regions.all()) {
        await region.scrollIntoViewIfNeeded();
        // Once the browser has laid it out (no longer skipped as far from the viewport): a
        // skipped region has no overflow to measure, which would pass the 1280 px case falsely.
        await expect
          .poll(() =>
            region
              .locator('table')
              .evaluate((t) => t.checkVisibility({ contentVisibilityAuto: true })),
          )
          .toBe(true);
        const [label, over] = await region.evaluate(
          (r) => [r.getAttribute('aria-label') ?? '', r.scrollWidth > r.clientWidth + 1] as const,
        );
        if (over) overflowing.push(String(label));
      }
      if (width === 360) expect(overflowing).toHaveLength(10);
      if (width === 1280 && lang === 'zh') expect(overflowing).toEqual([]);
      if (width === 1280 && lang === 'en') {
        expect(overflowing).toHaveLength(2);
        expect(overflowing.join(' ')).toMatch(/image host.*Playground/);
      }
      // The keyboard scrolls a region that overflows.
      if (overflowing.length > 0) {
        const region = regions.filter({ has: page.locator('table') }).first();
        if (width === 360) {
          await region.focus();
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
        }
      }
    });
  }

  test(`${lang} guide has no axe violations`, async ({ page }) => {
    await page.goto(lang === 'en' ? '/guide/' : '/zh/guide/');
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .exclude('iframe')
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
}
