/**
 * The diagrams take keyboard focus: the region holding a widget's views is in the tab order,
 * named with the keys that work there, and those keys drive the player from it.
 */
import { expect, test } from '@playwright/test';
import { clock } from './widget-helpers';

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the Race's diagrams are focusable and the playback keys work from them`, async ({
    page,
  }) => {
    await page.goto(lang === 'en' ? '/embed/race/' : '/zh/embed/race/');
    await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
      timeout: 30_000,
    });
    const widget = page.locator('figure.widget');
    await expect(widget.locator('button.primary')).toBeEnabled();
    const diagrams = widget.locator('.views');
    await expect(diagrams).toHaveAttribute('tabindex', '0');
    await expect(diagrams).toHaveAttribute('role', 'group');
    await expect(diagrams).toHaveAttribute('aria-label', lang === 'en' ? /Space or K/ : /空格或 K/);
    await diagrams.focus();
    await expect(diagrams).toBeFocused();
    const [, duration] = await clock(widget);
    await page.keyboard.press('Home');
    expect((await clock(widget))[0]).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect((await clock(widget))[0]).toBeGreaterThan(0);
    await page.keyboard.press('End');
    expect((await clock(widget))[0]).toBe(duration);
    // The summary is announced as the end result until playback gets there.
    await page.keyboard.press('Home');
    await expect(widget.locator('.summary-line .when')).toBeVisible();
    await page.keyboard.press('End');
    await expect(widget.locator('.summary-line .when')).toHaveCount(0);
  });
}
