/**
 * The three widgets on the gallery page: play to the end, step, scrub, keyboard only, a
 * parameter change, state restored from the URL, the static diagram without JavaScript, and
 * the same page-load times and connection counts that `npm run sim` prints for the scenario
 * the widget builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import { handshakeScenario, handshakeSchema } from '../../src/components/widgets/handshake-params';
import {
  pipelinedScenario,
  pipeliningSchema,
  sequentialScenario,
} from '../../src/components/widgets/pipelining-params';
import {
  raceHttp10Scenario,
  raceKeepAliveScenario,
  raceSchema,
} from '../../src/components/widgets/race-params';
import { simulate, type ScenarioInput, type Trace } from '../../src/sim';

interface CliMetrics {
  pageLoadMs: number;
  connectionsOpened: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'ka-widgets-'));
let files = 0;

/** Whole milliseconds as the widgets print them ("1,458"). */
const ms = (x: number): string => Math.round(x).toLocaleString('en-US');

/** What `npm run sim` prints for a scenario (spawns the CLI with a JSON file). */
function cli(scenario: ScenarioInput): CliMetrics {
  const file = join(tmp, `scenario-${files++}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const out = execFileSync('node_modules/.bin/tsx', ['src/sim/cli.ts', file], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as CliMetrics;
}

/** Times the player steps through: event times and packet arrivals, up to `end`. */
function stepTimes(traces: readonly Trace[]): number[] {
  const set = new Set<number>();
  for (const trace of traces) {
    for (const e of trace) {
      set.add(e.t);
      if (e.type === 'packet' && e.arriveMs !== undefined) set.add(e.arriveMs);
    }
  }
  return [...set].sort((a, b) => a - b);
}

const widgets = [
  {
    id: 'handshake',
    traces: (): Trace[] => [simulate(handshakeScenario(defaults(handshakeSchema))).trace],
  },
  {
    id: 'race',
    traces: (): Trace[] => [
      simulate(raceHttp10Scenario(defaults(raceSchema))).trace,
      simulate(raceKeepAliveScenario(defaults(raceSchema))).trace,
    ],
  },
  {
    id: 'pipelining',
    traces: (): Trace[] => [
      simulate(sequentialScenario(defaults(pipeliningSchema))).trace,
      simulate(pipelinedScenario(defaults(pipeliningSchema))).trace,
    ],
  },
] as const;

/** Opens the gallery (with a query) and waits until the widget has hydrated. */
async function open(page: Page, id: string, query = ''): Promise<Locator> {
  await page.goto(`/widgets/${query}`);
  const widget = page.locator(`#ka-${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('button.primary')).toBeEnabled();
  return widget;
}

/** The player's clock as [t, duration] in whole ms. */
async function clock(widget: Locator): Promise<[number, number]> {
  const text = (await widget.locator('output.clock').textContent()) ?? '';
  const [t, d] = [...text.replace(/,/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
  return [t ?? NaN, d ?? NaN];
}

test.use({ reducedMotion: 'no-preference' });

for (const w of widgets) {
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

    test('scrubs with the timeline slider', async ({ page }) => {
      const widget = await open(page, w.id);
      const [, d] = await clock(widget);
      const half = Math.round(d / 2);
      await widget.getByRole('slider', { name: 'Time', exact: true }).fill(String(half));
      expect((await clock(widget))[0]).toBe(half);
    });

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
      // On the timeline slider, letters step while arrows keep scrubbing natively.
      await widget.getByRole('slider', { name: 'Time', exact: true }).focus();
      await page.keyboard.press('l');
      expect((await clock(widget))[0]).toBeGreaterThan(t1);
      // Shortcuts are scoped: outside the widget the same keys do nothing to it.
      await page.locator('h1').click();
      const before = await clock(widget);
      await page.keyboard.press('Home');
      expect(await clock(widget)).toEqual(before);
      // Tab reaches the parameters; arrow keys change the round-trip time.
      await play.focus();
      for (let i = 0; i < 20; i++) {
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
      await expect(widget.locator('figcaption.widget-caption')).toContainText('300');
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
      await expect(clamped.locator('.notices')).toContainText('500');
    });
  });
}

test.describe('playback policy', () => {
  test('does not autoplay and starts at the final frame', async ({ page }) => {
    const widget = await open(page, 'race');
    await page.waitForTimeout(400);
    const [t, d] = await clock(widget);
    expect(t).toBe(d);
    await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('stops animating while the widget is off screen', async ({ page }) => {
    const widget = await open(page, 'pipelining');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await widget.getByLabel('Speed').selectOption('0.25');
    await widget.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(300);
    await page.locator('h1').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const [parked] = await clock(widget);
    await page.waitForTimeout(600);
    expect((await clock(widget))[0]).toBe(parked);
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await clock(widget))[0]).toBeGreaterThan(parked);
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('play moves from event to event without tweening', async ({ page }) => {
      const times = stepTimes(widgets[0].traces()).map((x) => Math.round(x));
      const widget = await open(page, 'handshake');
      await expect(widget).toContainText('Reduced motion is on');
      await widget.getByRole('button', { name: 'Reset' }).click();
      await widget.getByRole('button', { name: 'Play' }).click();
      for (let i = 0; i < 3; i++) {
        await page.waitForTimeout(350);
        expect(times).toContain((await clock(widget))[0]);
      }
    });
  });
});

test('the Chinese gallery shows the widgets in Chinese', async ({ page }) => {
  await page.goto('/zh/widgets/');
  const widget = page.locator('#ka-race');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.getByRole('button', { name: '播放' })).toBeEnabled();
  await expect(widget.locator('.summary')).toContainText('持久连接');
});

test.describe('accessibility once hydrated', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`widgets with notices and open tables have no axe violations (${scheme})`, async ({
      page,
    }) => {
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

  test('each widget shows its final frame, caption and numbers', async ({ page }) => {
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

test.describe('numbers match `npm run sim`', () => {
  test('keep-alive race: page-load times and connection counts', async ({ page }) => {
    const values = { ...defaults(raceSchema), rtt: 80, objects: 5, connections: 2 };
    const h10 = cli(raceHttp10Scenario(values));
    const ka = cli(raceKeepAliveScenario(values));
    const widget = await open(page, 'race', '?race.rtt=80&race.objects=5&race.connections=2');
    const summary = widget.locator('.summary');
    await expect(summary).toContainText(`${ms(ka.pageLoadMs)} ms`);
    await expect(summary).toContainText(`${ms(h10.pageLoadMs)} ms`);
    await expect(summary).toContainText(
      `${ka.connectionsOpened} connection${ka.connectionsOpened === 1 ? '' : 's'} instead of ${h10.connectionsOpened} connections`,
    );
  });

  test('handshake: response time for TLS 1.2', async ({ page }) => {
    const m = cli(handshakeScenario({ ...defaults(handshakeSchema), tls: 'tls1.2', rtt: 60 }));
    const widget = await open(page, 'handshake', '?handshake.tls=tls1.2&handshake.rtt=60');
    await expect(widget.locator('.summary')).toContainText(`${ms(m.pageLoadMs)} ms`);
    await expect(widget.locator('.summary')).toContainText('3 round trips (TCP 1 + TLS 1.2 2)');
    expect(m.connectionsOpened).toBe(1);
  });

  test('pipelining: both page-load times', async ({ page }) => {
    const values = { ...defaults(pipeliningSchema), slowMs: 800 };
    const seq = cli(sequentialScenario(values));
    const pipe = cli(pipelinedScenario(values));
    const widget = await open(page, 'pipelining', '?pipelining.slowMs=800');
    await expect(widget.locator('.summary')).toContainText(`${ms(pipe.pageLoadMs)} ms`);
    await expect(widget.locator('.summary')).toContainText(`${ms(seq.pageLoadMs)} ms`);
  });
});
