/**
 * The "Scenarios" menu beside a widget's title (`ScenarioMenu.astro`, `scenario-menu.ts`): opened
 * from the keyboard on a chapter page and on an embed page, in both languages, a scenario sets the
 * widget's controls, address and diagram; Escape closes it and returns focus; without JavaScript
 * the links are there and lead to the widget's address for that state; axe finds nothing with the
 * menu open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const langs = ['en', 'zh'] as const;
const SUMMARY = { en: 'Scenarios', zh: '场景' } as const;
const TLS_LABEL = { en: 'Encryption', zh: '加密' } as const;
/** The chosen value as the collapsed parameters' line of values names it. */
const TLS_NONE = { en: 'Encryption None (plain HTTP)', zh: '加密 不加密（纯 HTTP）' } as const;
const SHOW_PARAMS = { en: 'Show parameters', zh: '显示参数' } as const;

/** Chapter 1's Handshake (instance `handshake`, starting at TLS 1.2) and its embed page. */
const pages = {
  chapter: (lang: string) => `${lang === 'en' ? '' : '/zh'}/why-connections-cost/`,
  embed: (lang: string) => `${lang === 'en' ? '' : '/zh'}/embed/handshake/`,
};
/** The scenario chosen, the query key it writes on each page, and its value. */
const CHOICE = { id: 'tcp-only', key: { chapter: 'handshake.tls', embed: 'tls' }, value: 'none' };

/** The live Handshake widget of the page, once its first runs are drawn. */
async function liveWidget(page: Page): Promise<Locator> {
  const island = page.locator('[data-ka-widget="handshake"]').first();
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
  await expect(island.locator('.ka-live .present-toggle')).toBeEnabled({ timeout: 10_000 });
  return island.locator('.ka-live figure.widget');
}

/** Opens the menu with the keyboard and waits until its behaviour has loaded. */
async function openMenu(widget: Locator, lang: (typeof langs)[number]): Promise<Locator> {
  const menu = widget.locator('details.ka-scenarios');
  const summary = menu.locator('summary');
  await expect(summary).toHaveText(SUMMARY[lang]);
  await summary.focus();
  await summary.press('Enter');
  await expect(menu).toHaveAttribute('open', '');
  await expect(menu).toHaveAttribute('data-ka-menu-ready', '');
  return menu;
}

for (const lang of langs) {
  for (const where of ['chapter', 'embed'] as const) {
    test(`${lang} ${where}: a scenario chosen from the keyboard sets the controls and the diagram`, async ({
      page,
    }) => {
      await page.goto(pages[where](lang));
      const widget = await liveWidget(page);
      const packetsBefore = await widget.getAttribute('data-packets');
      const menu = await openMenu(widget, lang);
      // Tab from the summary to the first link (the scenario without TLS), then Enter.
      await page.keyboard.press('Tab');
      const link = menu.locator(`a[data-scenario="${CHOICE.id}"]`);
      await expect(link).toBeFocused();
      await page.keyboard.press('Enter');
      // Applied in place: the menu closes, focus is back on its button, the page did not reload.
      await expect(menu).not.toHaveAttribute('open', '');
      await expect(menu.locator('summary')).toBeFocused();
      // In the chapter's 672 px column the parameters start collapsed: their line of values names
      // the choice, and opened, the select holds it.
      if (where === 'chapter') {
        await expect(widget.locator('.params .values')).toContainText(TLS_NONE[lang]);
        await widget.getByRole('button', { name: SHOW_PARAMS[lang] }).click();
      }
      await expect(widget.getByLabel(TLS_LABEL[lang], { exact: true })).toHaveValue(CHOICE.value);
      expect(new URL(page.url()).searchParams.get(CHOICE.key[where])).toBe(CHOICE.value);
      // The diagram follows: no TLS means fewer packets.
      await expect(widget).not.toHaveAttribute('data-packets', packetsBefore ?? '');
      await expect(widget.locator('.summary')).not.toContainText('TLS 1.2');
      if (where === 'chapter') {
        // "Open in new tab" (and so Embed and Copy link) carry the scenario's values.
        await expect(widget.locator('.embed-tools a.open')).toHaveAttribute(
          'href',
          new RegExp(`[?&]tls=${CHOICE.value}`),
        );
      }
    });

    test(`${lang} ${where}: Escape closes the menu and returns focus to its button`, async ({
      page,
    }) => {
      await page.goto(pages[where](lang));
      const widget = await liveWidget(page);
      const menu = await openMenu(widget, lang);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(menu).not.toHaveAttribute('open', '');
      await expect(menu.locator('summary')).toBeFocused();
      // A click outside closes it too.
      await menu.locator('summary').press('Enter');
      await expect(menu).toHaveAttribute('open', '');
      await page.mouse.click(2, 2);
      await expect(menu).not.toHaveAttribute('open', '');
    });

    test(`${lang} ${where}: axe finds no violations with the menu open`, async ({ page }) => {
      await page.goto(pages[where](lang));
      const widget = await liveWidget(page);
      await openMenu(widget, lang);
      const results = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .include('[data-ka-widget="handshake"]')
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }

  test.describe(`${lang} without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });
    for (const where of ['chapter', 'embed'] as const) {
      test(`${where}: the menu's links lead to the widget's address in that state`, async ({
        page,
      }) => {
        await page.goto(pages[where](lang));
        const island = page.locator('[data-ka-widget="handshake"]').first();
        const menu = island.locator('details.ka-scenarios');
        await menu.locator('summary').click();
        await expect(menu).toHaveAttribute('open', '');
        const links = menu.locator('a[href]');
        expect(await links.count()).toBeGreaterThanOrEqual(3);
        await menu.locator(`a[data-scenario="${CHOICE.id}"]`).click();
        await page.waitForURL((url) => url.searchParams.get(CHOICE.key[where]) === CHOICE.value);
        expect(new URL(page.url()).pathname).toBe(pages[where](lang));
        if (where === 'chapter') expect(new URL(page.url()).hash).toBe('#ka-handshake');
      });
    }
  });
}
