/**
 * Present mode, embed layouts and events for the host page (issue 19), in both languages: every
 * embed's Present button fills the viewport with the widget alone, its text 1.5× larger (a
 * ladder's labels measured before and after), with zero axe violations, and Escape brings the page
 * back with focus on the button; `?present=1` opens it at once; the keys step the player from
 * anywhere in the presentation; a frame with `allow="fullscreen"` goes full screen and one without
 * gets the overlay; `layout=diagram` and `layout=compact` lay the embed out, a bad layout gets a
 * notice; and a host page on another origin receives the events only with `events=1`.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { requireChromium } from '../chromium';
import { widgetNames } from '../../src/components/widgets/registry';

const browser = requireChromium();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const langs = ['en', 'zh'] as const;
const PRESENT = { en: 'Present', zh: '演示' } as const;
const LEAVE = { en: 'Leave presentation', zh: '退出演示' } as const;
const VIEWPORT = { width: 1024, height: 768 };

// Host pages are answered by `page.route` under the site's other loopback name (another origin);
// Chromium's local-network checks would then block their frames of localhost: off here.
test.use({
  viewport: VIEWPORT,
  launchOptions: {
    ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
    args: [...browser.args, '--disable-features=LocalNetworkAccessChecks'],
  },
});

/** An embed's path. */
function embedPath(lang: string, name: string, query = ''): string {
  return `${lang === 'en' ? '' : `/${lang}`}/embed/${name}/${query}`;
}

/** Waits until the widget of an embed page or frame is live and its Present button enabled. */
async function live(root: Page | Frame): Promise<void> {
  await liveIsland(root.locator('[data-ka-widget]'));
}

/** Waits until one widget (its island) is live and its Present button enabled. */
async function liveIsland(root: Locator): Promise<void> {
  await expect(root).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
  // The Image host's sweep arrives run by run after the main run: wait for it.
  await expect(root.locator('progress')).toHaveCount(0, { timeout: 60_000 });
  await expect(root.locator('.ka-live .present-toggle')).toBeEnabled({ timeout: 10_000 });
}

/** Opens the widget gallery, scrolls to one widget and waits until it is live. */
async function galleryWidget(page: Page, name: string): Promise<Locator> {
  await page.goto('/widgets/');
  const island = page.locator(`[data-ka-widget="${name}"]`);
  await island.scrollIntoViewIfNeeded();
  await liveIsland(island);
  return island;
}

/** Rendered heights of the widget's text: its title, the first diagram text, a ladder label. */
async function textHeights(
  root: Page | Frame,
): Promise<{ title: number; svg: number; label: number }> {
  return root.evaluate(() => {
    const h = (el: Element | null): number => (el ? el.getBoundingClientRect().height : 0);
    const widget = document.querySelector('.ka-live .widget');
    return {
      title: h(widget?.querySelector('.widget-caption .title') ?? null),
      svg: h(widget?.querySelector('.views svg text') ?? null),
      label: h(widget?.querySelector('.views .ladder .labels text') ?? null),
    };
  });
}

/**
 * Expects the widget's text at least 1.5× as tall as `before` (polled: entering full screen
 * resizes the window for a moment).
 */
async function expectLarger(
  root: Page | Frame,
  before: { title: number; svg: number; label: number },
): Promise<void> {
  await expect
    .poll(async () => {
      const after = await textHeights(root);
      return [
        after.title / before.title,
        after.svg / before.svg,
        before.label > 0 ? after.label / before.label : 2,
      ].map((r) => (r >= 1.49 ? 'larger' : r.toFixed(2)));
    })
    .toEqual(['larger', 'larger', 'larger']);
}

/** The presented element's box and what the page says about it. */
async function presented(root: Page | Frame) {
  return root.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.ka-live');
    const r = el?.getBoundingClientRect();
    return {
      on: el?.hasAttribute('data-ka-present') ?? false,
      box: r ? [r.left, r.top, r.width, r.height].map(Math.round) : [],
      viewport: [innerWidth, innerHeight],
      fullscreen: document.fullscreenElement === el && el !== null,
      pageLocked: getComputedStyle(document.documentElement).overflow === 'hidden',
      focusInside: el?.contains(document.activeElement) ?? false,
      dialog: el?.getAttribute('role') === 'dialog' && el.getAttribute('aria-modal') === 'true',
    };
  });
}

/** Expects the presentation to cover the (page's or frame's) viewport. */
async function expectFills(root: Page | Frame): Promise<void> {
  await expect.poll(async () => (await presented(root)).on).toBe(true);
  await expect
    .poll(async () => {
      const p = await presented(root);
      const [w = 0, h = 0] = p.viewport;
      const [x = 9, y = 9, bw = 0, bh = 0] = p.box;
      return Math.abs(x) <= 1 && Math.abs(y) <= 1 && Math.abs(bw - w) <= 2 && Math.abs(bh - h) <= 2;
    })
    .toBe(true);
}

/** The player's clock as [t, duration] in whole ms. */
async function clock(root: Page | Frame | Locator): Promise<[number, number]> {
  const text = (await root.locator('.ka-live output.clock').textContent()) ?? '';
  const [t, d] = [...text.replace(/,/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
  return [t ?? NaN, d ?? NaN];
}

/** Waits until no widget on screen is still a static figure waiting for its live widget. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-ka-pending]')].every((island) => {
        const r = island.getBoundingClientRect();
        return r.bottom <= 0 || r.top >= innerHeight;
      }),
    undefined,
    { timeout: 30_000 },
  );
}

/** Axe violations on the page, one line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test.describe('the Present button of every embed', () => {
  for (const lang of langs) {
    for (const name of widgetNames) {
      test(`${lang} ${name}: fills the viewport, text 1.5× larger, no axe violation, Escape restores`, async ({
        page,
      }) => {
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(embedPath(lang, name));
        await live(page);
        const before = await textHeights(page);
        const toggle = page.locator('.ka-live .params legend button');
        const paramsOpen = await toggle.getAttribute('aria-expanded');
        const button = page.getByRole('button', { name: PRESENT[lang], exact: true });
        await button.click();
        await expectFills(page);
        const state = await presented(page);
        expect(state.pageLocked, 'the page does not scroll').toBe(true);
        expect(state.focusInside, 'focus is in the presentation').toBe(true);
        expect(state.dialog, 'a modal dialog').toBe(true);
        await expect(page.getByRole('button', { name: LEAVE[lang] })).toBeVisible();
        // Title, diagram text and (on a ladder) packet labels.
        await expectLarger(page, before);
        // The parameters collapsed to their line of values, the player on screen.
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        const player = page.locator('.ka-live .player');
        if ((await player.count()) > 0) await expect(player).toBeInViewport();
        expect(await violations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await expect.poll(async () => (await presented(page)).on).toBe(false);
        const back = await presented(page);
        expect(back.pageLocked).toBe(false);
        expect(back.fullscreen).toBe(false);
        await expect(button).toBeFocused();
        await expect(toggle).toHaveAttribute('aria-expanded', paramsOpen ?? '');
        await expect(page.getByRole('button', { name: LEAVE[lang] })).toHaveCount(0);
        await expect
          .poll(async () => Math.round((await textHeights(page)).title))
          .toBe(Math.round(before.title));
        expect(errors).toEqual([]);
      });
    }
  }
});

test.describe('present mode', () => {
  test('goes full screen on a top-level page, keeps focus inside and steps with every key', async ({
    page,
  }) => {
    await page.goto(embedPath('en', 'handshake'));
    await live(page);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expectFills(page);
    await expect.poll(async () => (await presented(page)).fullscreen).toBe(true);
    // Focus starts on the diagrams, whose keys are the player's.
    await expect(page.locator('.ka-live .views')).toBeFocused();
    await page.keyboard.press('Home');
    expect((await clock(page))[0]).toBe(0);
    await page.keyboard.press('ArrowRight');
    const first = (await clock(page))[0];
    expect(first).toBeGreaterThan(0);
    await page.keyboard.press('PageDown');
    const second = (await clock(page))[0];
    expect(second).toBeGreaterThan(first);
    await page.keyboard.press('PageUp');
    expect((await clock(page))[0]).toBe(first);
    // From the bar's Leave button, the arrows still step (Space would press the button).
    await page.getByRole('button', { name: 'Leave presentation' }).focus();
    await page.keyboard.press('ArrowRight');
    expect((await clock(page))[0]).toBe(second);
    await page.keyboard.press('End');
    const [t, d] = await clock(page);
    expect(t).toBe(d);
    // Tab never leaves the presentation.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect((await presented(page)).focusInside, `after ${i + 1} Tab`).toBe(true);
    }
    await page.locator('.ka-live .views').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('.ka-live .player button.primary')).toHaveText(/Pause/);
    await page.keyboard.press('Space');
    await expect(page.locator('.ka-live .player button.primary')).toHaveText(/Play/);
    await page.getByRole('button', { name: 'Leave presentation' }).click();
    await expect.poll(async () => (await presented(page)).fullscreen).toBe(false);
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();
  });

  for (const [lang, name] of [
    ['en', 'handshake'],
    ['zh', 'multiplexing'],
    ['en', 'image-host'],
  ] as const) {
    test(`${lang} ${name}: ?present=1 opens it at once, with Full screen and Leave`, async ({
      page,
    }) => {
      await page.goto(embedPath(lang, name, '?present=1'));
      await live(page);
      await expectFills(page);
      // No gesture, no full screen: the overlay, and a button to go full screen.
      expect((await presented(page)).fullscreen).toBe(false);
      await expect(page.locator('.ka-live .notices li')).toHaveCount(0);
      const full = page.getByRole('button', { name: lang === 'en' ? 'Full screen' : '全屏' });
      await expect(full).toBeVisible();
      await full.click();
      await expect.poll(async () => (await presented(page)).fullscreen).toBe(true);
      await expect(full).toBeHidden();
      await page.getByRole('button', { name: LEAVE[lang] }).click();
      await expect.poll(async () => (await presented(page)).on).toBe(false);
      await expect(page.getByRole('button', { name: PRESENT[lang], exact: true })).toBeFocused();
    });
  }

  for (const [lang, name] of [
    ['en', 'race'],
    ['zh', 'race'],
    ['en', 'multiplexing'],
    ['zh', 'multiplexing'],
  ] as const) {
    test(`${lang} ${name}: on a 1024 × 768 projector the panes' ladders start on screen, their metrics after them`, async ({
      page,
    }) => {
      await page.setViewportSize(VIEWPORT);
      await page.goto(embedPath(lang, name, '?present=1'));
      await live(page);
      const side = page.locator('.ka-live .side').first();
      const ladder = side.locator('.ka-view.ladder svg').first();
      const metrics = side.locator('.ka-metrics');
      // The first 100 px of the first pane's ladder are in the viewport (at most 768 - 100), once
      // present mode's styles, loaded when it starts, apply (a busy machine applies them late).
      await expect
        .poll(async () => (await ladder.boundingBox())?.y ?? Infinity, { timeout: 10_000 })
        .toBeLessThanOrEqual(VIEWPORT.height - 100);
      const top = (await ladder.boundingBox())?.y ?? Infinity;
      expect((await metrics.boundingBox())?.y ?? 0).toBeGreaterThan(top);
    });
  }

  test('on a chapter page: the rest of the page is inert, and the widget is back in place on Escape', async ({
    page,
  }) => {
    const island = await galleryWidget(page, 'pipelining');
    const top = async (): Promise<number> =>
      Math.round(await island.evaluate((el) => el.getBoundingClientRect().top));
    // Where the reader sees it (clicking scrolls the button into view first), once the widgets
    // around it are live (a static figure swapped for its widget moves what follows).
    for (let i = 0; i < 3; i++) {
      await island.locator('.present-toggle').scrollIntoViewIfNeeded();
      await settled(page);
    }
    const before = await top();
    await island.locator('.present-toggle').click();
    await expect
      .poll(() =>
        island.evaluate((el) => el.querySelector('.ka-live')?.hasAttribute('data-ka-present')),
      )
      .toBe(true);
    expect(
      await page
        .locator('header')
        .first()
        .evaluate((el) => (el as HTMLElement).inert || el.closest('[inert]') !== null),
    ).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(island.locator('.present-toggle')).toBeFocused();
    expect(await page.locator('[inert]').count()).toBe(0);
    // The widget is back where the reader saw it.
    await settled(page);
    await expect.poll(top).toBe(before);
  });

  test('with reduced motion it appears without animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(embedPath('zh', 'race', '?present=1'));
    await live(page);
    await expectFills(page);
    expect(
      await page.locator('.ka-live').evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('none');
  });
});

let hosts = 0;

/** A host page on the site's other loopback name (another origin) that records its messages. */
async function hostPage(page: Page, baseURL: string | undefined, frames: string): Promise<void> {
  const url = new URL(`/__present-host/${hosts++}`, baseURL);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  await page.route(url.href, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<script>window.received=[];addEventListener('message',(e)=>received.push({origin:e.origin,data:e.data}));</script>
</head><body style="margin:0">${frames}</body></html>`,
    }),
  );
  await page.goto(url.href);
}

/** A frame as the snippet writes it (optionally without `allow`). */
function frameTag(src: string, allow: boolean, id: string): string {
  return `<iframe id="${id}" src="${src.replace(/&/g, '&amp;')}" title="Embedded diagram" width="700" height="900" style="border:0;display:block" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"${allow ? ' allow="fullscreen"' : ''}></iframe>`;
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const frame = await (await page.locator(`#${id}`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}

/** The `keep-alive:event` messages the host page received, in order. */
async function events(page: Page): Promise<{ origin: string; data: Record<string, unknown> }[]> {
  const all = await page.evaluate(
    () =>
      (window as unknown as { received: { origin: string; data: Record<string, unknown> }[] })
        .received,
  );
  return all.filter((m) => m.data?.['type'] === 'keep-alive:event');
}

test.describe('in a frame on another origin', () => {
  test('with allow="fullscreen" it goes full screen; without, it fills the frame', async ({
    page,
    baseURL,
  }) => {
    const site = new URL(baseURL ?? '').origin;
    await hostPage(
      page,
      baseURL,
      frameTag(`${site}${embedPath('en', 'race')}`, true, 'a') +
        frameTag(`${site}${embedPath('zh', 'pipelining')}`, false, 'b'),
    );
    const a = await frameOf(page, 'a');
    await live(a);
    await a.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(async () => (await presented(a)).fullscreen).toBe(true);
    await expectFills(a);
    expect(await page.evaluate(() => document.fullscreenElement?.id)).toBe('a');
    await a.getByRole('button', { name: 'Leave presentation' }).click();
    await expect.poll(async () => (await presented(a)).on).toBe(false);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

    const b = await frameOf(page, 'b');
    await page.locator('#b').scrollIntoViewIfNeeded();
    await live(b);
    expect(await b.evaluate(() => document.fullscreenEnabled)).toBe(false);
    const before = await textHeights(b);
    await b.getByRole('button', { name: '演示', exact: true }).click();
    await expectFills(b);
    expect((await presented(b)).fullscreen).toBe(false);
    await expectLarger(b, before);
    // No full screen to offer in this frame.
    await expect(b.getByRole('button', { name: '全屏' })).toBeHidden();
    // The frame keeps its size while the widget is presented in it.
    expect(await page.locator('#b').evaluate((el) => el.getBoundingClientRect().height)).toBe(900);
    await b.locator('.ka-live .views').press('Escape');
    await expect.poll(async () => (await presented(b)).on).toBe(false);
    await expect(b.getByRole('button', { name: '演示', exact: true })).toBeFocused();
  });

  for (const lang of langs) {
    test(`${lang}: events=1 posts played, parameter-changed and exercise-answered; without it, nothing`, async ({
      page,
      baseURL,
    }) => {
      const site = new URL(baseURL ?? '').origin;
      await hostPage(
        page,
        baseURL,
        frameTag(
          `${site}${embedPath(lang, 'handshake', '?events=1&embedId=lesson-7')}`,
          true,
          'on',
        ) + frameTag(`${site}${embedPath(lang, 'handshake', '?embedId=quiet')}`, true, 'off'),
      );
      for (const id of ['on', 'off']) {
        const frame = await frameOf(page, id);
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await live(frame);
        await frame.locator('.ka-live .player button.primary').click();
        // The frame is a narrow column: its parameters start collapsed.
        await frame.locator('.ka-live .params legend button').click();
        // A slider dragged through three values reports once, with the last.
        const slider = frame.locator('.ka-live .params input[type="range"]').first();
        for (const v of ['150', '200', '300']) await slider.fill(v);
        await frame.waitForTimeout(900);
        // A question answered in the frame (none ships in an embed yet: dispatched as one would).
        await frame.evaluate(() => {
          const detail = { kind: 'exercise', id: 'reuse', correct: true };
          document.body.dispatchEvent(new CustomEvent('ka:answered', { bubbles: true, detail }));
          document.body.dispatchEvent(
            new CustomEvent('ka:answered', { bubbles: true, detail: { kind: 'nope' } }),
          );
        });
      }
      await page.waitForTimeout(300);
      const got = await events(page);
      expect(got.every((m) => m.origin === site)).toBe(true);
      expect(got.map((m) => m.data)).toEqual([
        {
          type: 'keep-alive:event',
          version: 1,
          id: 'lesson-7',
          widget: 'handshake',
          event: 'played',
          detail: { atMs: 0 },
        },
        {
          type: 'keep-alive:event',
          version: 1,
          id: 'lesson-7',
          widget: 'handshake',
          event: 'parameter-changed',
          detail: { name: 'rtt', value: 300 },
        },
        {
          type: 'keep-alive:event',
          version: 1,
          id: 'lesson-7',
          widget: 'handshake',
          event: 'exercise-answered',
          detail: { id: 'reuse', kind: 'exercise', correct: true },
        },
      ]);
    });
  }
});

test.describe('embed layouts', () => {
  for (const lang of langs) {
    test(`${lang}: diagram shows the diagrams and the player only`, async ({ page }) => {
      await page.goto(embedPath(lang, 'race', '?layout=diagram&rtt=200'));
      // Before the widget is live, the static figure is already laid out so.
      await expect(page.locator('html')).toHaveAttribute('data-ka-layout', 'diagram');
      await expect(page.locator('.params').first()).toBeHidden();
      await live(page);
      const widget = page.locator('.ka-live .widget');
      await expect(widget.locator('.params')).toBeHidden();
      await expect(widget.locator('.widget-caption .caption')).toBeHidden();
      await expect(widget.locator('.summary-line')).toBeHidden();
      await expect(page.locator('.back')).toBeHidden();
      await expect(widget.locator('.widget-caption .title')).toBeVisible();
      await expect(widget.locator('.player')).toBeVisible();
      await expect(widget.locator('.views svg').first()).toBeVisible();
      await expect(widget.locator('.notices li')).toHaveCount(0);
      expect(await violations(page)).toEqual([]);
    });

    test(`${lang}: compact puts the parameters in one row, shorter than in full`, async ({
      page,
    }) => {
      const heights: number[] = [];
      for (const layout of ['full', 'compact']) {
        await page.goto(embedPath(lang, 'page-load', `?layout=${layout}`));
        await live(page);
        const params = page.locator('.ka-live .params');
        await expect(params).toBeVisible();
        heights.push(await params.evaluate((el) => el.getBoundingClientRect().height));
        if (layout === 'full') continue;
        // One row: every parameter overlaps every other vertically.
        const boxes = await params.evaluate((el) =>
          [...el.querySelectorAll('.param')].map((p) => {
            const r = p.getBoundingClientRect();
            return [r.top, r.bottom] as const;
          }),
        );
        expect(boxes.length).toBeGreaterThan(2);
        const lowestTop = Math.max(...boxes.map(([top]) => top));
        const highestBottom = Math.min(...boxes.map(([, bottom]) => bottom));
        expect(lowestTop, 'one row').toBeLessThan(highestBottom);
        await expect(params.locator('.desc').first()).toBeHidden();
        // Every parameter is still reachable: the row scrolls sideways.
        const last = params.locator('.param').last().locator('input, select').first();
        await last.focus();
        await expect(last).toBeInViewport();
        expect(await violations(page)).toEqual([]);
      }
      expect(heights[1]).toBeLessThan((heights[0] ?? 0) * 0.7);
    });

    test(`${lang}: a bad layout falls back to full and says so`, async ({ page }) => {
      await page.goto(embedPath(lang, 'handshake', '?layout=%3Cb%3Eslides%3C%2Fb%3E&present=yes'));
      await live(page);
      expect(await page.locator('html').getAttribute('data-ka-layout')).toBeNull();
      const notices = page.locator('.ka-live .notices li');
      await expect(notices).toHaveCount(2);
      await expect(notices.nth(0)).toContainText('layout=<b>slides</b>');
      await expect(notices.nth(0)).toContainText('full, compact, diagram');
      await expect(notices.nth(1)).toContainText('present=yes');
      await expect(page.locator('.ka-live b')).toHaveCount(0);
      await expect(page.locator('.ka-live .params')).toBeVisible();
      expect((await presented(page)).on).toBe(false);
    });
  }

  test('the Embed panel offers the three layouts and writes allow="fullscreen"', async ({
    page,
  }) => {
    const island = await galleryWidget(page, 'handshake');
    await island.getByRole('button', { name: 'Embed', exact: true }).click();
    const code = island.getByLabel('Embed code');
    await expect(code).toHaveValue(/allow="fullscreen"/);
    await expect(code).not.toHaveValue(/layout=/);
    await island.getByRole('radio', { name: /^Compact/ }).check();
    await expect(code).toHaveValue(/\/embed\/handshake\/\?layout=compact"/);
    await island.getByRole('radio', { name: /^Diagram/ }).check();
    await expect(code).toHaveValue(/\/embed\/handshake\/\?layout=diagram"/);
  });
});
