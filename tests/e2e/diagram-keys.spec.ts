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

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: with 61 connections the ladder's legend lists 8 and groups the rest`, async ({
    page,
  }) => {
    // The Race at 60 images: HTTP/1.0 opens one connection per object, 61 in all.
    await page.goto(`${lang === 'en' ? '' : '/zh'}/embed/race/?objects=60&layout=diagram`);
    await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
      timeout: 30_000,
    });
    const legend = page.locator('.side').first().locator('.ka-view.ladder .legend li');
    const texts = await legend.allTextContents();
    const conn = lang === 'en' ? 'conn' : '连接';
    expect(texts.slice(0, 9)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `${conn} ${i + 1}`),
      lang === 'en' ? 'conn 9–61 (colours repeat)' : '连接 9–61（颜色循环使用）',
    ]);
    expect(texts.filter((x) => x.startsWith(conn))).toHaveLength(9);
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the trace table pages through every event, 200 at a time, and follows playback`, async ({
    page,
  }) => {
    await page.goto(`${lang === 'en' ? '' : '/zh'}/embed/race/?objects=60`);
    await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
      timeout: 30_000,
    });
    const widget = page.locator('figure.widget');
    await widget.getByRole('button', { name: lang === 'en' ? 'Show as table' : /以表格/ }).click();
    const table = widget.locator('.ka-table').first();
    const status = table.locator('.pages [role="status"]');
    const re =
      lang === 'en'
        ? /Events ([\d,]+)–([\d,]+) of ([\d,]+)/
        : /第 ([\d,]+)–([\d,]+) 个事件，共 ([\d,]+) 个/;
    const range = async (): Promise<[number, number, number]> => {
      const m = re.exec((await status.textContent()) ?? '') ?? [];
      const n = (i: number): number => Number((m[i] ?? 'NaN').replace(/,/g, ''));
      return [n(1), n(2), n(3)];
    };
    const rows = table.locator('tbody tr');
    // At the end of playback: the latest page, ending at the last event (no cut at 500).
    const [from, to, total] = await range();
    expect(total).toBeGreaterThan(1000);
    expect(to).toBe(total);
    expect(from).toBe(Math.floor((total - 1) / 200) * 200 + 1);
    await expect(rows).toHaveCount(to - from + 1);
    const buttons = table.locator('.pages button');
    await buttons.nth(0).click();
    expect(await range()).toEqual([1, 200, total]);
    await expect(rows).toHaveCount(200);
    await buttons.nth(2).click();
    expect(await range()).toEqual([201, 400, total]);
    await buttons.nth(3).click();
    expect(await range()).toEqual([from, total, total]);
  });
}

for (const [lang, width] of [
  ['en', 1280],
  ['zh', 390],
] as const) {
  test(`${lang} at ${width} px: the player stays at the top of the window while its widget is on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(lang === 'en' ? '/http-2/' : '/zh/http-2/');
    const mount = page.locator('[data-ka-widget="multiplexing"]').first();
    await mount.scrollIntoViewIfNeeded();
    await expect(mount).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
    const figure = mount.locator('figure.widget');
    const player = figure.locator('.player');
    const top = async (): Promise<number> => (await player.boundingBox())?.y ?? NaN;
    // Scrolled 600 px past where the bar sits (above the diagrams): it is at the window's top.
    await player.evaluate((el) =>
      window.scrollBy({ top: el.getBoundingClientRect().top + 600, behavior: 'instant' }),
    );
    await expect.poll(top).toBeLessThanOrEqual(0.5);
    expect(await top()).toBeGreaterThanOrEqual(-0.5);
    await expect(player.locator('button.primary')).toBeInViewport();
    // Past the widget: the bar has left with it.
    await figure.evaluate((el) =>
      window.scrollBy({ top: el.getBoundingClientRect().bottom + 100, behavior: 'instant' }),
    );
    await expect(player.locator('button.primary')).not.toBeInViewport();
  });
}

for (const [lang, width, row] of [
  ['en', 1280, true],
  ['zh', 1920, true],
  ['en', 1024, false],
] as const) {
  test(`${lang} at ${width} px: chapter 8's three protocols ${row ? 'sit in one row' : 'wrap to a second row'}, with no sideways scroll`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(lang === 'en' ? '/http-2/' : '/zh/http-2/');
    const mount = page.locator('[data-ka-widget="multiplexing"]').first();
    await mount.scrollIntoViewIfNeeded();
    await expect(mount).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
    const tops = await mount
      .locator('.ka-live .side')
      .evaluateAll((sides) => sides.map((s) => Math.round(s.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    if (row) expect(new Set(tops).size).toBe(1);
    else expect(tops[2]).toBeGreaterThan(tops[0] ?? 0);
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    // Wider than the 42rem prose column, into the room on its right, 1rem short of the edge.
    const figure = await mount.boundingBox();
    expect(figure?.width ?? 0).toBeGreaterThan(42 * 16);
    expect((figure?.x ?? 0) + (figure?.width ?? 0)).toBeLessThanOrEqual(client - 16);
  });
}
