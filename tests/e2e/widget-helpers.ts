/**
 * Shared helpers for the widget specs: the `npm run sim` CLI, the player's clock and step
 * times, opening a widget on the gallery page, and the standard checks every widget gets
 * (play to the end, steps, keyboard, parameter change, URL restore with notices, axe once
 * hydrated, the static diagram without JavaScript).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ScenarioInput, Trace } from '../../src/sim';

/** A widget on the gallery page and the traces its default parameters simulate. */
export interface WidgetCase {
  readonly id: string;
  readonly traces: () => Trace[];
}

/** Which of the optional standard checks a widget case also gets. */
export interface StandardOptions {
  /** Scrubbing with the timeline slider. */
  scrub?: boolean;
  /** On the keyboard test: letters on the slider step, and shortcuts are scoped to the widget. */
  sliderKeysAndScope?: boolean;
  /** Shift+Tab presses allowed to reach the round-trip time slider. */
  maxShiftTabs?: number;
  /** What the caption shows after the round-trip time is set to 300. */
  captionAfterRtt: string;
  /** On the URL restore test: the clamp notice also names the raw `id.rtt=99999`. */
  clampNoticeNamesParam?: boolean;
}

/** Whole milliseconds as the widgets print them ("1,458"). */
export const ms = (x: number): string => Math.round(x).toLocaleString('en-US');

/** A runner of `npm run sim` writing its scenario files to a fresh temp directory. */
export function cliRunner<M>(prefix: string): (scenario: ScenarioInput) => M {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  let files = 0;
  /** What `npm run sim` prints for a scenario (spawns the CLI with a JSON file). */
  return (scenario) => {
    const file = join(tmp, `scenario-${files++}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    const out = execFileSync('node_modules/.bin/tsx', ['src/sim/cli.ts', file], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as M;
  };
}

/** Times the player steps through: event times and packet arrivals. */
export function stepTimes(traces: readonly Trace[]): number[] {
  const set = new Set<number>();
  for (const trace of traces) {
    for (const e of trace) {
      set.add(e.t);
      if (e.type === 'packet' && e.arriveMs !== undefined) set.add(e.arriveMs);
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Opens the gallery (with a query) and waits until the widget is live (its runs drawn). */
export async function open(
  page: Page,
  id: string,
  query = '',
  path = '/widgets/',
): Promise<Locator> {
  await page.goto(`${path}${query}`);
  const widget = page.locator(`#ka-${id}`);
  await widget.scrollIntoViewIfNeeded();
  // Its runs compute in the worker first (seconds on a loaded machine at heavy settings).
  await expect(page.locator(`[data-ka-widget]:has(#ka-${id})`)).not.toHaveAttribute(
    'data-ka-pending',
    { timeout: 30_000 },
  );
  await expect(widget.locator('button.primary')).toBeEnabled();
  return widget;
}

/** The player's clock as [t, duration] in whole ms. */
export async function clock(widget: Locator): Promise<[number, number]> {
  const text = (await widget.locator('output.clock').textContent()) ?? '';
  const [t, d] = [...text.replace(/,/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
  return [t ?? NaN, d ?? NaN];
}

/** Registers the standard per-widget tests in a `widget <id>` describe block. */
export function standardWidgetTests(w: WidgetCase, o: StandardOptions): void {
  test.describe(`widget ${w.id}`, () => {
    test('plays to the end at 8×', async ({ page }) => {
      const widget = await open(page, w.id);
      const [t0, d] = await clock(widget);
      expect(t0).toBe(d);
      await widget.getByRole('button', { name: 'Reset' }).click();
      expect((await clock(widget))[0]).toBe(0);
      await widget.getByLabel('Speed').selectOption('8');
      await widget.getByRole('button', { name: 'Play' }).click();
      await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
      await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 5000 });
      const [t1, d1] = await clock(widget);
      expect(t1).toBe(d1);
    });

    test('steps to the next and previous event time', async ({ page }) => {
      const times = stepTimes(w.traces()).filter((x) => x > 1e-6);
      const widget = await open(page, w.id);
      await widget.getByRole('button', { name: 'Reset' }).click();
      await widget.getByRole('button', { name: 'Next event' }).click();
      expect((await clock(widget))[0]).toBe(Math.round(times[0] ?? NaN));
      await widget.getByRole('button', { name: 'Next event' }).click();
      expect((await clock(widget))[0]).toBe(Math.round(times[1] ?? NaN));
      await widget.getByRole('button', { name: 'Previous event' }).click();
      expect((await clock(widget))[0]).toBe(Math.round(times[0] ?? NaN));
      // The live region says what happened, in words, with the time.
      await expect(widget.locator('[aria-live="polite"]')).toContainText(
        `${Math.round(times[0] ?? NaN)}`,
      );
    });

    if (o.scrub) {
      test('scrubs with the timeline slider', async ({ page }) => {
        const widget = await open(page, w.id);
        const [, d] = await clock(widget);
        const half = Math.round(d / 2);
        await widget.getByRole('slider', { name: 'Time', exact: true }).fill(String(half));
        expect((await clock(widget))[0]).toBe(half);
      });
    }

    test('is operable with the keyboard alone', async ({ page }) => {
      const widget = await open(page, w.id);
      const play = widget.getByRole('button', { name: 'Play' });
      await play.focus();
      await page.keyboard.press('Home');
      expect((await clock(widget))[0]).toBe(0);
      await page.keyboard.press('l');
      const [t1] = await clock(widget);
      expect(t1).toBeGreaterThan(0);
      await page.keyboard.press('ArrowRight');
      expect((await clock(widget))[0]).toBeGreaterThan(t1);
      await page.keyboard.press('j');
      expect((await clock(widget))[0]).toBe(t1);
      await page.keyboard.press('k');
      await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
      await page.keyboard.press('k');
      await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
      if (o.sliderKeysAndScope) {
        // On the timeline slider, letters step while arrows keep scrubbing natively.
        await widget.getByRole('slider', { name: 'Time', exact: true }).focus();
        await page.keyboard.press('l');
        expect((await clock(widget))[0]).toBeGreaterThan(t1);
        // Shortcuts are scoped: outside the widget the same keys do nothing to it.
        await page.locator('h1').click();
        const before = await clock(widget);
        await page.keyboard.press('Home');
        expect(await clock(widget)).toEqual(before);
      }
      // Tab reaches the parameters; arrow keys change the round-trip time.
      await play.focus();
      for (let i = 0; i < (o.maxShiftTabs ?? 20); i++) {
        await page.keyboard.press('Shift+Tab');
        const label = await page.evaluate(() =>
          document.activeElement instanceof HTMLInputElement &&
          document.activeElement.type === 'range'
            ? (document.activeElement.labels?.[0]?.textContent ?? '')
            : '',
        );
        if (label.startsWith('Round-trip time')) break;
      }
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(new RegExp(`${w.id}\\.rtt=110`));
      // The table toggle opens with Enter.
      const toggle = widget.getByRole('button', { name: 'Show as table' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(widget.getByRole('button', { name: 'Hide table' })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      await expect(widget.locator('table').first()).toBeVisible();
    });

    test('runs again when a parameter changes and keeps it in the URL', async ({ page }) => {
      const widget = await open(page, w.id);
      const summary = widget.locator('.summary');
      const before = await summary.textContent();
      const [, d0] = await clock(widget);
      await widget.getByRole('slider', { name: 'Time', exact: true }).fill(String(d0 / 2));
      const box = widget.getByRole('spinbutton', { name: /Round-trip time/ });
      await box.fill('300');
      await box.press('Enter');
      await expect(summary).not.toHaveText(before ?? '');
      await expect(widget.locator('figcaption.widget-caption')).toContainText(o.captionAfterRtt);
      await expect(page).toHaveURL(new RegExp(`${w.id}\\.rtt=300`));
      // The playback keeps its place as a fraction of the (new) duration.
      const [t1, d1] = await clock(widget);
      expect(d1).not.toBe(d0);
      expect(Math.abs(t1 / d1 - 0.5)).toBeLessThan(0.01);
    });

    test('restores its parameters from the URL and reports corrections as text', async ({
      page,
    }) => {
      const evil = encodeURIComponent('<b id="x">1</b>');
      const widget = await open(page, w.id, `?${w.id}.rtt=250&${w.id}.bogus=${evil}`);
      await expect(widget.getByRole('slider', { name: /Round-trip time/ })).toHaveValue('250');
      await expect(widget.locator('figcaption.widget-caption')).toContainText('250');
      await expect(widget.locator('.notices')).toContainText(`${w.id}.bogus`);
      await expect(widget.locator('.notices')).toContainText('<b id="x">1</b>');
      await expect(page.locator('#x')).toHaveCount(0);
      const clamped = await open(page, w.id, `?${w.id}.rtt=99999`);
      await expect(clamped.getByRole('slider', { name: /Round-trip time/ })).toHaveValue('500');
      if (o.clampNoticeNamesParam) {
        await expect(clamped.locator('.notices')).toContainText(`${w.id}.rtt=99999`);
      }
      await expect(clamped.locator('.notices')).toContainText('500');
    });
  });
}

/**
 * Registers the gallery-wide checks for a set of widgets: no axe violations once hydrated (with
 * notices and open tables, light and dark), and the static final frame without JavaScript.
 * `what` names the set in the test titles ("widgets", "new widgets").
 */
export function galleryTests(widgets: readonly WidgetCase[], what: string): void {
  const each = what.replace(/s$/, '');
  test.describe('accessibility once live', () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${what} with notices and open tables have no axe violations (${scheme})`, async ({
        page,
      }) => {
        // One page load and one axe run over the gallery per widget.
        test.setTimeout(180_000);
        await page.emulateMedia({ colorScheme: scheme });
        const query = widgets.map((w) => `${w.id}.rtt=9999`).join('&');
        for (const w of widgets) {
          const widget = await open(page, w.id, `?${query}`);
          await widget.getByRole('button', { name: 'Reset' }).click();
          await widget.getByRole('button', { name: 'Next event' }).click();
          await widget.getByRole('button', { name: 'Show as table' }).click();
          await expect(widget.locator('.notices li')).toHaveCount(1);
          const results = await new AxeBuilder({ page })
            .include(`#ka-${w.id}`)
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
        }
      });
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test(`each ${each} shows its final frame, caption and numbers`, async ({ page }) => {
      await page.goto('/widgets/');
      for (const w of widgets) {
        const widget = page.locator(`#ka-${w.id}`);
        await expect(widget.locator('figcaption.widget-caption')).toContainText(/\S/);
        expect(await widget.locator('svg').count()).toBeGreaterThan(0);
        await expect(widget.locator('.summary')).toContainText(/\d+ ms/);
        const [t, d] = await clock(widget);
        expect(t).toBe(d);
        expect(d).toBeGreaterThan(0);
        await expect(widget.locator('button.primary')).toBeDisabled();
      }
    });
  });
}
