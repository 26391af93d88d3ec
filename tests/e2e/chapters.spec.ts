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
      const widgets = page.locator('figure.widget');
      const count = await widgets.count();
      expect(count).toBeGreaterThan(0);
      await expect(page.locator('aside.exercise').first()).toBeAttached();
      for (let i = 0; i < count; i++) {
        const widget = widgets.nth(i);
        // The static diagram is there before any script runs.
        expect(await widget.locator('svg').count()).toBeGreaterThan(0);
        await widget.scrollIntoViewIfNeeded();
        // Hydrated: Astro drops the island's `ssr` attribute; a widget with a clock then
        // enables its Play button (the Image host has none: it draws whole runs).
        const island = widget.locator('xpath=ancestor::astro-island[1]');
        await expect(island).not.toHaveAttribute('ssr', { timeout: 15_000 });
        const play = widget.locator('button.primary');
        if ((await play.count()) > 0) await expect(play).toBeEnabled({ timeout: 15_000 });
      }
    });
  }
}
