/**
 * The three widgets on the gallery page: play to the end, step, scrub, keyboard only, a
 * parameter change, state restored from the URL, the static diagram without JavaScript, and
 * the same page-load times and connection counts that `npm run sim` prints for the scenario
 * the widget builds.
 */
import { expect, test } from '@playwright/test';
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
import { simulate, type Trace } from '../../src/sim';
import {
  cliRunner,
  clock,
  galleryTests,
  ms,
  open,
  standardWidgetTests,
  stepTimes,
} from './widget-helpers';

interface CliMetrics {
  pageLoadMs: number;
  connectionsOpened: number;
}

/** What `npm run sim` prints for a scenario. */
const cli = cliRunner<CliMetrics>('ka-widgets-');

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

test.use({ reducedMotion: 'no-preference' });

for (const w of widgets) {
  standardWidgetTests(w, {
    scrub: true,
    sliderKeysAndScope: true,
    maxShiftTabs: 20,
    captionAfterRtt: '300',
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

galleryTests(widgets, 'widgets');

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

  test('handshake: a resumed TLS 1.2 session costs one TLS round trip', async ({ page }) => {
    const m = cli(
      handshakeScenario({ ...defaults(handshakeSchema), tls: 'tls1.2-resumed', rtt: 60 }),
    );
    const widget = await open(page, 'handshake', '?handshake.tls=tls1.2-resumed&handshake.rtt=60');
    // RFC 5246 §7.3: TCP 1 + abbreviated TLS 1.2 1 = 2 RTT before the request, 3 to the response
    // (180 ms at RTT 60, plus a few ms of serialization).
    expect(m.pageLoadMs).toBeGreaterThanOrEqual(180);
    expect(m.pageLoadMs).toBeLessThan(190);
    await expect(widget.locator('.summary')).toContainText(`${ms(m.pageLoadMs)} ms`);
    await expect(widget.locator('.summary')).toContainText(
      '2 round trips (TCP 1 + TLS 1.2 resumed 1)',
    );
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
