/**
 * Every chapter, in both languages, carries at least one live widget and one exercise; the
 * widgets render a complete diagram before hydration and become operable once scrolled into view.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';

/** Chapter slugs from the content folder (`01-why-connections-cost.mdx` → `why-connections-cost`). */
const slugs = readdirSync('src/content/chapters/en')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''));

for (const slug of slugs) {
  for (const prefix of ['', '/zh'] as const) {
    const path = `${prefix}/${slug}/`;
    test(`${path} has live widgets and an exercise`, async ({ page }) => {
      await page.goto(path);
      const islands = page.locator('[data-ka-widget]');
      const count = await islands.count();
      expect(count).toBeGreaterThan(0);
      await expect(page.locator('aside.exercise').first()).toBeAttached();
      for (let i = 0; i < count; i++) {
        const island = islands.nth(i);
        // The static figure is there before any script runs.
        expect(await island.locator('figure.widget svg').count()).toBeGreaterThan(0);
        await island.scrollIntoViewIfNeeded();
        // Live: the widget replaced the static figure once its runs were drawn; a widget with a
        // clock then enables its Play button (the Image host has none: it draws whole runs).
        await expect(island).not.toHaveAttribute('data-ka-pending', { timeout: 15_000 });
        await expect(island.locator('figure.widget')).toHaveCount(1);
        const widget = island.locator('figure.widget');
        const play = widget.locator('button.primary');
        if ((await play.count()) > 0) await expect(play).toBeEnabled({ timeout: 15_000 });
      }
    });
  }
}
