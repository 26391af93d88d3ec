/**
 * The page-load, connection-pool and timeout-race widgets on the gallery page: play to the end,
 * step, keyboard only, a parameter change, state restored from the URL (with a clamp notice),
 * the static diagram without JavaScript, and the same numbers `npm run sim` prints for the
 * scenario each widget builds (page-load time, connections, and the follow-up click's outcome).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import { poolScenario, poolSchema } from '../../src/components/widgets/connection-pool-params';
import { pageLoadScenario, pageLoadSchema } from '../../src/components/widgets/page-load-params';
import {
  timeoutRaceScenario,
  timeoutRaceSchema,
} from '../../src/components/widgets/timeout-race-params';
import { poolCloses } from '../../src/components/widgets/trace-facts';
import { formatMs } from '../../src/components/views/axis';
import { simulate, type ScenarioInput, type Trace } from '../../src/sim';

interface CliRequest {
  followUp: boolean;
  connectionId: number | null;
  reused: boolean;
  queuedMs: number;
  doneMs: number | null;
  errorMs?: number | null;
  retries: number;
  error: string | null;
}

interface CliMetrics {
  pageLoadMs: number;
  connectionsOpened: number;
  packets: { total: number };
  requests: CliRequest[];
}

const tmp = mkdtempSync(join(tmpdir(), 'ka-widgets-more-'));
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

/** The follow-up request of a CLI result. */
function followUp(m: CliMetrics): CliRequest {
  const r = m.requests.find((q) => q.followUp);
  if (!r) throw new Error('no follow-up request in the CLI output');
  return r;
}

/** Times the player steps through: event times and packet arrivals. */
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
    id: 'page-load',
    traces: (): Trace[] => [simulate(pageLoadScenario(defaults(pageLoadSchema))).trace],
  },
  {
    id: 'pool',
    traces: (): Trace[] => [simulate(poolScenario(defaults(poolSchema))).trace],
  },
  {
    id: 'timeout-race',
    traces: (): Trace[] => [simulate(timeoutRaceScenario(defaults(timeoutRaceSchema))).trace],
  },
] as const;

/** Opens the gallery (with a query) and waits until the widget has hydrated. */
async function open(page: Page, id: string, query = '', path = '/widgets/'): Promise<Locator> {
  await page.goto(`${path}${query}`);
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
      await expect(widget.locator('[aria-live="polite"]')).toContainText(
        `${Math.round(times[0] ?? NaN)}`,
      );
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
      // Tab reaches the parameters; arrow keys change the round-trip time.
      await play.focus();
      for (let i = 0; i < 40; i++) {
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
      await expect(widget.locator('figcaption.widget-caption')).toContainText('300 ms');
      await expect(page).toHaveURL(new RegExp(`${w.id}\\.rtt=300`));
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
      await expect(clamped.locator('.notices')).toContainText(`${w.id}.rtt=99999`);
      await expect(clamped.locator('.notices')).toContainText('500');
    });
  });
}

test('the Chinese gallery shows the new widgets in Chinese', async ({ page }) => {
  for (const w of widgets) {
    const widget = await open(page, w.id, '', '/zh/widgets/');
    await expect(widget.getByRole('button', { name: '播放' })).toBeEnabled();
    await expect(widget.locator('.summary')).toContainText('毫秒');
  }
});

test.describe('accessibility once hydrated', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`new widgets with notices and open tables have no axe violations (${scheme})`, async ({
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

  test('each new widget shows its final frame, caption and numbers', async ({ page }) => {
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
  test('page load: load time, connections and a follow-up on a new connection', async ({
    page,
  }) => {
    const values = { ...defaults(pageLoadSchema), rtt: 80, followUpAt: 8000 };
    const m = cli(pageLoadScenario(values));
    const f = followUp(m);
    expect(f.reused).toBe(false);
    const widget = await open(page, 'page-load', '?page-load.rtt=80&page-load.followUpAt=8000');
    const summary = widget.locator('.summary');
    await expect(summary).toContainText(`loads in ${ms(m.pageLoadMs)} ms`);
    await expect(summary).toContainText(`over ${m.connectionsOpened} connections`);
    await expect(summary).toContainText(`${ms(m.packets.total)} packets`);
    await expect(summary).toContainText(`opens a new connection (${f.connectionId})`);
    await expect(summary).toContainText(`${ms((f.doneMs ?? NaN) - f.queuedMs)} ms later`);
    // The clock runs past the click.
    expect((await clock(widget))[1]).toBeGreaterThan(f.doneMs ?? NaN);
  });

  test('page load: a follow-up that reuses a connection (HTTP/1.0 + Keep-Alive, TLS 1.3)', async ({
    page,
  }) => {
    const values = {
      ...defaults(pageLoadSchema),
      version: '1.0',
      tls: 'tls1.3',
      followUpAt: 2000,
    } as const;
    const m = cli(pageLoadScenario(values));
    const f = followUp(m);
    expect(f.reused).toBe(true);
    const widget = await open(
      page,
      'page-load',
      '?page-load.version=1.0&page-load.tls=tls1.3&page-load.followUpAt=2000',
    );
    const summary = widget.locator('.summary');
    await expect(summary).toContainText(`loads in ${ms(m.pageLoadMs)} ms`);
    await expect(summary).toContainText(`over ${m.connectionsOpened} connections`);
    await expect(summary).toContainText(`reuses connection ${f.connectionId}`);
  });

  test('connection pool: load time, connections and evictions', async ({ page }) => {
    const values = { ...defaults(poolSchema), shards: 3, totalCap: 3, objects: 18 };
    const m = cli(poolScenario(values));
    const closes = poolCloses(simulate(poolScenario(values)).trace);
    expect(closes.evicted).toBeGreaterThan(0);
    const widget = await open(page, 'pool', '?pool.shards=3&pool.totalCap=3&pool.objects=18');
    const summary = widget.locator('.summary');
    await expect(summary).toContainText(`loads in ${ms(m.pageLoadMs)} ms`);
    await expect(summary).toContainText(`opens ${m.connectionsOpened} connections`);
    await expect(summary).toContainText(`least recently used first): ${closes.evicted};`);
    await expect(summary).toContainText(`idle: ${closes.idle}.`);
    await expect(summary).toContainText('s3.example.com');
  });

  for (const method of ['GET', 'POST'] as const) {
    test(`timeout race: a ${method} at the server's timeout`, async ({ page }) => {
      const values = { ...defaults(timeoutRaceSchema), method, rtt: 120 };
      const m = cli(timeoutRaceScenario(values));
      const f = followUp(m);
      const widget = await open(
        page,
        'timeout-race',
        `?timeout-race.rtt=120${method === 'POST' ? '&timeout-race.method=POST' : ''}`,
      );
      const summary = widget.locator('.summary');
      const strip = widget.locator('.ka-metrics');
      // The strip prints times with one decimal (formatMs).
      await expect(strip).toContainText(`Page load ${formatMs(m.pageLoadMs)} ms`);
      await expect(strip).toContainText(`Connections opened ${m.connectionsOpened}`);
      if (method === 'GET') {
        expect(f.retries).toBe(1);
        expect(f.error).toBeNull();
        expect(m.connectionsOpened).toBe(2);
        await expect(summary).toContainText('retries it on a new connection');
        await expect(summary).toContainText(
          `complete ${ms((f.doneMs ?? NaN) - f.queuedMs)} ms after the click`,
        );
      } else {
        expect(f.retries).toBe(0);
        expect(f.error).toBe('connection-closed');
        expect(m.connectionsOpened).toBe(1);
        await expect(summary).toContainText('is not retried automatically');
        await expect(summary).toContainText('(connection closed)');
      }
      await expect(widget.locator('figcaption.widget-caption')).toContainText(
        'at the very moment the server’s idle timeout fires',
      );
    });
  }

  test('timeout race: a click 300 ms early reuses the connection', async ({ page }) => {
    const values = { ...defaults(timeoutRaceSchema), clickOffset: -300 };
    const f = followUp(cli(timeoutRaceScenario(values)));
    expect(f.reused).toBe(true);
    expect(f.retries).toBe(0);
    const widget = await open(page, 'timeout-race', '?timeout-race.clickOffset=-300');
    await expect(widget.locator('.summary')).toContainText(
      `the connection is reused, and the response is complete ${ms((f.doneMs ?? NaN) - f.queuedMs)} ms after the click`,
    );
    await expect(widget.locator('figcaption.widget-caption')).toContainText(
      '300 ms before the server’s idle timeout fires',
    );
  });
});
