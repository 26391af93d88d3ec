/**
 * The Playground widget: a protocol change redraws the page load (the simulation's numbers for
 * the new scenario), the URL restores every knob, many visitors draw the slot chart from the
 * worker, settings that do not combine are listed, the groups follow the mode, Copy link and
 * Reset work, no console errors, and axe passes once hydrated in both modes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import {
  playgroundPageScenario,
  playgroundWorkloadScenario,
} from '../../src/components/widgets/playground-scenario';
import {
  playgroundSchema,
  type PlaygroundValues,
} from '../../src/components/widgets/playground-schema';
import { simulate } from '../../src/sim';
import { ms } from './widget-helpers';

const base = defaults(playgroundSchema);
/** One decimal, grouped, as the widget prints means ("219.7"). */
const one = (x: number): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** Console errors and page errors seen while a test runs. */
function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** Opens the gallery's Playground (with a query) and waits until it has hydrated. */
async function openPlayground(page: Page, query = '', path = '/widgets/'): Promise<Locator> {
  await page.goto(`${path}${query}`);
  const widget = page.locator('#ka-playground');
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator('[data-ka-widget="playground"]')).not.toHaveAttribute(
    'data-ka-pending',
  );
  await expect(widget.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  return widget;
}

/** What the summary says for a page load of `values`, from the simulation. */
function pageSummary(values: PlaygroundValues): string {
  const m = simulate(playgroundPageScenario(values)).metrics;
  const conns = m.connectionsOpened === 1 ? '1 connection' : `${m.connectionsOpened} connections`;
  return `The page loads in ${ms(m.pageLoadMs)} ms over ${conns}, with ${ms(m.packets.total)} packets.`;
}

test('HTTP/2 redraws the page load: one connection, the simulation’s time and packets', async ({
  page,
}) => {
  const problems = watchErrors(page);
  const widget = await openPlayground(page);
  await expect(widget.locator('.summary')).toHaveText(pageSummary(base));
  const before = await widget.getAttribute('data-packets');
  await widget.getByLabel('HTTP version').selectOption('2');
  await expect(page).toHaveURL(/playground\.version=2/);
  const h2 = { ...base, version: '2' as const };
  await expect(widget.locator('.summary')).toHaveText(pageSummary(h2));
  await expect(widget).toHaveAttribute(
    'data-packets',
    String(simulate(playgroundPageScenario(h2)).metrics.packets.total),
  );
  expect(await widget.getAttribute('data-packets')).not.toBe(before);
  await expect(widget.locator('.summary')).toContainText('over 1 connection');
  expect(problems).toEqual([]);
});

test('the URL restores every knob, and the run is the simulation’s for them', async ({ page }) => {
  const problems = watchErrors(page);
  const values: PlaygroundValues = {
    ...base,
    version: '1.0',
    keepAlive: true,
    tls: 'tls1.3',
    rtt: 250,
    objects: 4,
    perHost: 2,
    model: 'threaded',
    workers: 3,
  };
  const query =
    '?playground.version=1.0&playground.tls=tls1.3&playground.rtt=250&playground.objects=4' +
    '&playground.perHost=2&playground.model=threaded&playground.workers=3';
  const widget = await openPlayground(page, query);
  await expect(widget.getByLabel('HTTP version')).toHaveValue('1.0');
  await expect(widget.getByLabel('Encryption')).toHaveValue('tls1.3');
  await expect(widget.getByRole('spinbutton', { name: /^Round-trip time/ })).toHaveValue('250');
  await expect(widget.getByRole('spinbutton', { name: /^Workers/ })).toHaveValue('3');
  await expect(widget.locator('.summary')).toHaveText(pageSummary(values));
  await expect(widget.locator('.notices li')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('settings that do not combine are listed with what runs instead', async ({ page }) => {
  const widget = await openPlayground(page, '?playground.version=3&playground.pipelining=1');
  const list = widget.locator('.adjustments li');
  await expect(list).toHaveText([
    'HTTP/2 and HTTP/3 send requests as concurrent streams instead: pipelining does not apply.',
    'HTTP/3 runs over QUIC, which always uses TLS 1.3: the simulation uses TLS 1.3.',
    'HTTP/3: the two idle timeouts set QUIC’s idle timeout (max_idle_timeout), and the limit of requests per connection does not apply.',
  ]);
  const h3 = { ...base, version: '3' as const, pipelining: true };
  await expect(widget.locator('.summary')).toHaveText(pageSummary(h3));
  await widget.getByLabel('HTTP version').selectOption('1.1');
  await expect(list).toHaveCount(0);
});

test('many visitors: the slot chart and figures from the worker, the Page group hidden', async ({
  page,
}) => {
  const problems = watchErrors(page);
  const widget = await openPlayground(page);
  await expect(widget.locator('fieldset[data-group="visitors"]')).toHaveCount(0);
  await widget.getByLabel('What to simulate').selectOption('visitors');
  await expect(page).toHaveURL(/playground\.mode=visitors/);
  await widget.getByLabel('Server model').selectOption('threaded');
  await widget.getByRole('spinbutton', { name: /^Workers/ }).fill('5');
  await widget.getByRole('spinbutton', { name: /^Workers/ }).press('Enter');
  await widget.getByRole('spinbutton', { name: /^Clients arriving/ }).fill('20');
  await widget.getByRole('spinbutton', { name: /^Clients arriving/ }).press('Enter');
  await expect(widget.getByRole('heading', { name: 'Server workers over time' })).toBeVisible();
  await expect(widget.locator('fieldset[data-group="page"]')).toHaveCount(0);
  await expect(widget.locator('fieldset[data-group="visitors"]')).toBeVisible();
  // No player with many visitors.
  await expect(widget.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await expect(widget.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  const values = { ...base, mode: 'visitors' as const, model: 'threaded' as const, workers: 5 };
  const w = simulate(playgroundWorkloadScenario({ ...values, rate: 20 }), {
    trace: 'summary',
  }).workload;
  if (!w) throw new Error('no workload metrics');
  await expect(widget.locator('.summary')).toContainText(
    `Server slots held by connections, on average: ${one(w.meanWorkersBusy + w.meanWorkersIdle)} (${one(w.meanWorkersBusy)} serving, ${one(w.meanWorkersIdle)} idle in keep-alive) out of 5.`,
  );
  await expect(widget.locator('.summary')).toContainText(`95% at most ${ms(w.latencyMs.p95)} ms`);
  expect(await widget.locator('.runs svg').count()).toBeGreaterThanOrEqual(2);
  expect(problems).toEqual([]);
});

test('a link in many-visitors mode opens there; switching to one page load plays', async ({
  page,
}) => {
  const problems = watchErrors(page);
  const widget = await openPlayground(page, '?playground.mode=visitors&playground.objects=3');
  await expect(widget.getByRole('heading', { name: 'Server workers over time' })).toBeVisible();
  // The Page group holds a changed value: it stays, with a note that it is not used now.
  const pageGroup = widget.locator('fieldset[data-group="page"]');
  await expect(pageGroup).toContainText('Not used in this mode');
  await widget.getByLabel('What to simulate').selectOption('page');
  await expect(pageGroup).not.toContainText('Not used in this mode');
  await expect(widget.locator('fieldset[data-group="visitors"]')).toHaveCount(0);
  const play = widget.getByRole('button', { name: 'Play' });
  await expect(play).toBeEnabled();
  await expect(widget.getByLabel('HTTP version')).toBeEnabled();
  await widget.getByRole('button', { name: 'Reset', exact: true }).click();
  await widget.getByRole('button', { name: 'Next event' }).click();
  await expect(widget.locator('output.clock')).not.toHaveText(/^0 ms/);
  await expect(widget.locator('.summary')).toHaveText(pageSummary({ ...base, objects: 3 }));
  expect(problems).toEqual([]);
});

test('Copy link copies the address; Reset to defaults clears it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openPlayground(page, '?playground.rtt=300&playground.version=2');
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await expect(widget.locator('.tool-status')).toHaveText(
    'Link copied: it opens the playground with these settings.',
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('playground.rtt=300');
  await widget.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(widget.locator('.tool-status')).toHaveText('Every setting is back to its default.');
  await expect(page).not.toHaveURL(/playground\./);
  await expect(widget.getByLabel('HTTP version')).toHaveValue('1.1');
  await expect(widget.locator('.summary')).toHaveText(pageSummary(base));
});

test('axe finds nothing once live, in both modes', async ({ page }) => {
  // Two axe runs over the whole Playground, with a workload run between them.
  test.setTimeout(120_000);
  const widget = await openPlayground(page, '?playground.version=3');
  const check = async (): Promise<void> => {
    const results = await new AxeBuilder({ page })
      .include('#ka-playground')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations).toEqual([]);
  };
  await check();
  await widget.getByLabel('What to simulate').selectOption('visitors');
  // Settled: no sweep in progress and the main run done (HTTP/3 has no sweep, so no <progress>
  // ever shows; the charts are faded while `aria-busy`).
  await expect(widget.locator('progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(widget.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await check();
});

test('the Chinese embed speaks Chinese', async ({ page }) => {
  const problems = watchErrors(page);
  await page.goto('/zh/embed/playground/?version=3&tls=none');
  const widget = page.locator('.widget');
  await expect(widget.getByRole('button', { name: '复制链接' })).toBeEnabled();
  await expect(widget.locator('.adjustments')).toContainText('QUIC 总是使用 TLS 1.3');
  await expect(widget.locator('.summary')).toHaveText(/[\u4e00-\u9fff].* ms/); // Chinese prose, times in ms (as on the axes)
  await expect(widget.locator('fieldset[data-group="protocol"] legend')).toHaveText('协议');
  expect(problems).toEqual([]);
});

test('without clipboard access the link is shown selected, with how to copy it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  const widget = await openPlayground(page, '?playground.objects=2');
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await expect(widget.locator('.tool-status')).toContainText('Could not copy automatically');
  const link = widget.getByRole('textbox', { name: 'Link to these settings' });
  await expect(link).toHaveValue(page.url());
  await expect(link).toBeFocused();
  expect(await link.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(
    page.url().length,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the default page load is drawn, with its summary; the controls wait', async ({ page }) => {
    await page.goto('/widgets/');
    const widget = page.locator('#ka-playground');
    // The static figure: the waterfall and the metrics of the default page load.
    expect(await widget.locator('svg').count()).toBeGreaterThanOrEqual(1);
    await expect(widget.locator('.ka-metrics')).toBeVisible();
    await expect(widget.locator('.summary')).toHaveText(pageSummary(base));
    await expect(widget.getByRole('button', { name: 'Copy link' })).toBeDisabled();
    await expect(widget.getByLabel('What to simulate')).toBeDisabled();
  });
});
