/**
 * The page-load, connection-pool and timeout-race widgets on the gallery page: play to the end,
 * step, keyboard only, a parameter change, state restored from the URL (with a clamp notice),
 * the static diagram without JavaScript, and the same numbers `npm run sim` prints for the
 * scenario each widget builds (page-load time, connections, and the follow-up click's outcome).
 */
import { expect, test } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import { poolScenario, poolSchema } from '../../src/components/widgets/connection-pool-params';
import { pageLoadScenario, pageLoadSchema } from '../../src/components/widgets/page-load-params';
import { timeoutRaceSchema } from '../../src/components/widgets/timeout-race-params';
import { timeoutRaceScenario } from '../../src/components/widgets/timeout-race-scenarios';
import { poolCloses } from '../../src/components/widgets/pool-facts';
import { formatMs } from '../../src/components/views/axis';
import { simulate, type Trace } from '../../src/sim';
import { cliRunner, clock, galleryTests, ms, open, standardWidgetTests } from './widget-helpers';

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

/** What `npm run sim` prints for a scenario. */
const cli = cliRunner<CliMetrics>('ka-widgets-more-');

/** The follow-up request of a CLI result. */
function followUp(m: CliMetrics): CliRequest {
  const r = m.requests.find((q) => q.followUp);
  if (!r) throw new Error('no follow-up request in the CLI output');
  return r;
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

test.use({ reducedMotion: 'no-preference' });

for (const w of widgets) {
  standardWidgetTests(w, {
    maxShiftTabs: 40,
    captionAfterRtt: '300 ms',
    clampNoticeNamesParam: true,
  });
}

test('the Chinese gallery shows the new widgets in Chinese', async ({ page }) => {
  for (const w of widgets) {
    const widget = await open(page, w.id, '', '/zh/widgets/');
    await expect(widget.getByRole('button', { name: '播放' })).toBeEnabled();
    await expect(widget.locator('.summary')).toHaveText(/[\u4e00-\u9fff].* ms/); // Chinese prose, times in ms (as on the axes)
  }
});

galleryTests(widgets, 'new widgets');

test.describe('numbers match `npm run sim`', () => {
  test('page load over TLS 1.2: at the clock’s end the strip says so far, and the sentence adds the later packets', async ({
    page,
  }) => {
    // The two connections that carried no request close at the browser's 60 s timeout for
    // unused sockets, so the clock stops after the page and the last packets come after it.
    const values = { ...defaults(pageLoadSchema), tls: 'tls1.2' } as const;
    const { trace, metrics } = simulate(pageLoadScenario(values));
    const widget = await open(page, 'page-load', '?page-load.tls=tls1.2');
    const [t, end] = await clock(widget);
    expect(t).toBe(end);
    const packets = trace.filter((e) => e.type === 'packet');
    const later = packets.filter((e) => e.t > end);
    expect(later.length).toBeGreaterThan(0);
    const strip = widget.locator('.ka-metrics');
    await expect(strip).toContainText(`${ms(packets.length - later.length)} (0 dropped)`);
    await expect(strip.locator('.status')).toHaveText('so far');
    await expect(widget.locator('.summary')).toContainText(`${ms(metrics.packets.total)} packets`);
    await expect(widget.locator('.epilogue')).toHaveText(
      `After the diagrams end at ${ms(end)} ms, ${later.length} more packets are sent as connections close, the last at ${ms(Math.max(...later.map((e) => e.t)))} ms.`,
    );
    // Without TLS the clock runs on to the idle closes: final figures, nothing to add.
    const plain = await open(page, 'page-load');
    await expect(plain.locator('.ka-metrics .status')).toHaveText('final');
    await expect(plain.locator('.epilogue')).toHaveCount(0);
  });

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
    test(`timeout race: a ${method} at the server's timeout, browser retry rule`, async ({
      page,
    }) => {
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
      // Browsers resend any method once when a reused connection fails before the response.
      expect(f.retries).toBe(1);
      expect(f.error).toBeNull();
      expect(m.connectionsOpened).toBe(2);
      await expect(summary).toContainText('retries it on a new connection');
      await expect(summary).toContainText(
        `complete ${ms((f.doneMs ?? NaN) - f.queuedMs)} ms after the click`,
      );
      // The first copy reached a closed socket: the server ran the request once.
      await expect(summary).toContainText(`the ${method} was processed once`);
      await expect(widget.locator('figcaption.widget-caption')).toContainText(
        'at the very moment the server’s idle timeout fires',
      );
    });
  }

  test('timeout race: a POST under the idempotent-only rule fails', async ({ page }) => {
    const values = {
      ...defaults(timeoutRaceSchema),
      method: 'POST',
      retryPolicy: 'idempotent-only',
    } as const;
    const f = followUp(cli(timeoutRaceScenario(values)));
    expect(f.retries).toBe(0);
    expect(f.error).toBe('connection-closed');
    const widget = await open(
      page,
      'timeout-race',
      '?timeout-race.method=POST&timeout-race.retryPolicy=idempotent-only',
    );
    const summary = widget.locator('.summary');
    await expect(summary).toContainText('is not retried automatically');
    await expect(summary).toContainText('(connection closed)');
    await expect(summary).toContainText('the POST was never processed');
  });

  test('timeout race: a server reset after processing runs a resent POST twice', async ({
    page,
  }) => {
    const values = { ...defaults(timeoutRaceSchema), method: 'POST', cause: 'reset' } as const;
    const f = followUp(cli(timeoutRaceScenario(values)));
    expect(f.retries).toBe(1);
    expect(f.error).toBeNull();
    const widget = await open(
      page,
      'timeout-race',
      '?timeout-race.method=POST&timeout-race.cause=reset',
    );
    const summary = widget.locator('.summary');
    await expect(summary).toContainText(
      'then resets the connection before any byte of the response',
    );
    await expect(summary).toContainText(
      `complete ${ms((f.doneMs ?? NaN) - f.queuedMs)} ms after the click`,
    );
    await expect(summary).toContainText('the POST was processed twice');
    await expect(widget.locator('figcaption.widget-caption')).toContainText(
      'the server runs the request, then resets the connection',
    );
  });

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
