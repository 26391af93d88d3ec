/**
 * The "Replay your page" page (issue 20): a HAR chosen by the reader, recorded here by Chromium
 * from a local page of two origins, replays with the same numbers as the command line; the bundled
 * sample too; a file that is not a HAR gets its message and nothing else breaks; hostile address
 * values are replaced and said; the keyboard reaches everything; axe finds nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { format } from 'd3-format';
import { LATE_BEACON, startHarSite } from '../tooling/har-site';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'keepalive-replay-'));

interface CliResult {
  protocol: '1.0' | '1.1' | '2' | '3';
  pageLoadMs: number;
  connectionsOpened: number;
  handshakeRoundTrips: number;
}

/** The CLI's replay of `file` at `rttMs` (and `dnsMs` per new hostname, when given). */
function cli(
  file: string,
  rttMs: number,
  dnsMs?: number,
): { measuredLoadMs: number; lateReplayed: number; results: CliResult[] } {
  const r = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    [
      'src/sim/cli.ts',
      '--har',
      file,
      '--rtt',
      String(rttMs),
      ...(dnsMs === undefined ? [] : ['--dns', String(dnsMs)]),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as {
    page: { measuredLoadMs: number; lateReplayed: number };
    results: CliResult[];
  };
  return {
    measuredLoadMs: out.page.measuredLoadMs,
    lateReplayed: out.page.lateReplayed,
    results: out.results,
  };
}

/** The table's figures: per protocol, the page load (ms) and the two counts. */
async function table(page: Page): Promise<Record<string, number[]>> {
  await expect(page.locator('[data-replay-results]')).toBeVisible({ timeout: 30_000 });
  const out: Record<string, number[]> = {};
  for (const row of await page.locator('[data-replay-rows] tr[data-protocol]').all()) {
    const protocol = (await row.getAttribute('data-protocol')) ?? '';
    const cells = row.locator('td');
    const ms = Number(await cells.nth(0).getAttribute('data-ms'));
    const counts = (await cells.allTextContents())
      .slice(1)
      .map((c) => Number(c.replace(/[^\d]/g, '')));
    out[protocol] = [ms, ...counts];
  }
  return out;
}

const expected = (results: CliResult[]): Record<string, number[]> =>
  Object.fromEntries(
    results.map((r) => [r.protocol, [r.pageLoadMs, r.connectionsOpened, r.handshakeRoundTrips]]),
  );

test('a HAR Chromium recorded from a page of two origins, with a late request, replays with the CLI’s numbers', async ({
  page,
  browser,
}) => {
  const site = await startHarSite();
  const har = join(dir, 'recorded.har');
  try {
    const context = await browser.newContext({ recordHar: { path: har, content: 'omit' } });
    const p = await context.newPage();
    // The page fetches a beacon 1.2 s after its load event: a request made once it had gone quiet.
    const beacon = p.waitForResponse((r) => r.url().endsWith(LATE_BEACON.path));
    await p.goto(`${site.a}/late/`, { waitUntil: 'networkidle' });
    await beacon;
    await context.close();
  } finally {
    await site.close();
  }
  await page.goto('/replay/?rtt=80&dns=25');
  await page.getByLabel('HAR file').setInputFiles(har);
  const want = cli(har, 80, 25);
  expect(await table(page)).toEqual(expected(want.results));
  await expect(page.locator('tr.measured td').first()).toHaveAttribute(
    'data-ms',
    String(want.measuredLoadMs),
  );
  await expect(page.locator('[data-replay-read]')).toContainText(
    '7 of 7 requests replayed, from 2 origins',
  );
  await expect(page.locator('[data-replay-read]')).toContainText(
    'Requests made after the page had gone quiet, replayed at the times the file gives (counted from the document’s start) and not part of the page load: 1.',
  );
  // The beacon is a follow-up: it is not in the page load, and it went out on its own time.
  expect(want.lateReplayed).toBe(1);
  // The diagrams run the same scenarios: their sentence gives the same page loads.
  const f = format(',.1~f'); // the site's number format (d3's, as its views are held to)
  const [h10, h11, h2, h3] = want.results.map((x) => f(x.pageLoadMs));
  await expect(page.locator('[data-ka-widget="replay"] .summary')).toHaveText(
    `Page load: HTTP/1.0 ${h10} ms, HTTP/1.1 ${h11} ms, HTTP/2 ${h2} ms, HTTP/3 ${h3} ms.`,
    { timeout: 30_000 },
  );
  for (const [i, x] of want.results.entries())
    await expect(page.locator('[data-ka-widget="replay"] .side').nth(i)).toContainText(
      `${f(x.pageLoadMs)} ms`,
    );
  await expect(page.locator('[data-replay-caption]')).toContainText('80 ms round trips (yours)');
  await expect(page.locator('[data-replay-caption]')).toContainText(
    'a 25 ms DNS lookup per new hostname (yours)',
  );
});

test('the bundled sample, with the keyboard, in Chinese; axe finds nothing', async ({ page }) => {
  await page.goto('/zh/replay/');
  await page.getByRole('button', { name: '重放示例' }).focus();
  await page.keyboard.press('Enter');
  const want = cli(join(root, 'public/har-samples/two-origins.har'), 100);
  expect(await table(page)).toEqual(expected(want.results));
  // The sample replays at 100 ms round trips, and the address says so.
  await expect(page).toHaveURL(/[?&]rtt=100\b/);
  await expect(page.locator('[data-replay-status]')).toContainText('已重放');
  // axe over the diagrams too, once they are drawn.
  await expect(page.locator('[data-ka-widget="replay"][data-ka-ready]')).toBeAttached({
    timeout: 30_000,
  });
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('the worker warms up while the reader points at the form, and then replays the same numbers', async ({
  page,
}) => {
  await page.goto('/replay/?rtt=100');
  const main = page.locator('main[data-replay]');
  await expect(main).not.toHaveAttribute('data-replay-warm');
  await page.locator('[data-replay-drop]').hover();
  // The warm-up (a made-up page replayed four times) says its time when it is over.
  await expect(main).toHaveAttribute('data-replay-warm', /^\d+$/, { timeout: 30_000 });
  const file = join(root, 'public/har-samples/gallery.har');
  await page.getByLabel('HAR file').setInputFiles(file);
  expect(await table(page)).toEqual(expected(cli(file, 100).results));
});

test('the gallery sample: three origins, with the CLI’s numbers and a lane per connection', async ({
  page,
}) => {
  await page.goto('/replay/');
  await page.getByLabel('Or replay a sample').selectOption('gallery');
  await page.getByRole('button', { name: 'Replay the sample' }).click();
  const want = cli(join(root, 'public/har-samples/gallery.har'), 100);
  expect(await table(page)).toEqual(expected(want.results));
  const widget = page.locator('[data-ka-widget="replay"][data-ka-ready]');
  await expect(widget).toBeAttached({ timeout: 30_000 });
  await widget.getByRole('button', { name: 'Connections' }).click();
  // Each pane's lanes: one per connection the run opened, each naming its host (three of them).
  const panes = widget.locator('section.side');
  await expect(panes).toHaveCount(4);
  for (const [i, r] of want.results.entries()) {
    const tags = panes.nth(i).locator('figure.ka-view svg text.tag');
    await expect(tags).toHaveCount(r.connectionsOpened);
    const hosts = new Set((await tags.allTextContents()).map((t) => t.split(' · ')[0]));
    expect([...hosts].sort()).toEqual(['cdn.example.test', 'img.example.test', 'www.example.test']);
  }
});

test('a file that is not a HAR gets its message, and a good one replays after it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/replay/');
  const input = page.getByLabel('HAR file');
  const alert = page.getByRole('alert');
  const cases = [
    ['notes.txt', 'hello', 'The file is not valid JSON'],
    ['empty.har', '{"log":{"entries":[]}}', 'The HAR file contains no requests'],
    ['other.json', '{"log":{"pages":[]}}', 'The file is JSON but not a HAR file'],
  ] as const;
  for (const [name, text, message] of cases) {
    const file = join(dir, name);
    writeFileSync(file, text);
    await input.setInputFiles(file);
    await expect(alert).toContainText(message);
    await expect(page.locator('[data-replay-results]')).toBeHidden();
  }
  await input.setInputFiles(join(root, 'public/har-samples/two-origins.har'));
  await expect(page.locator('[data-replay-results]')).toBeVisible({ timeout: 30_000 });
  await expect(alert).toBeHidden();
  expect(errors).toEqual([]);
});

test('address values out of range are replaced, and the page says so', async ({ page }) => {
  await page.goto('/replay/?rtt=-5&bandwidth=abc&loss=90&dns=20000');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Round-trip time (ms) must be between 0.1 and 10,000; -5 was ignored, so the HAR’s own round trip is used.',
  );
  await expect(alert).toContainText(
    'Bandwidth (Mbit/s) must be between 0.01 and 100,000; abc was replaced by 100.',
  );
  await expect(alert).toContainText(
    'Packet loss (%) must be between 0 and 50; 90 was replaced by 0.',
  );
  await expect(alert).toContainText(
    'DNS lookup (ms) must be between 0 and 10,000; 20000 was ignored, so the HAR’s own DNS lookup time is used.',
  );
  await expect(page.getByLabel('DNS lookup (ms)')).toHaveValue('');
  await expect(page.getByLabel('Bandwidth (Mbit/s)')).toHaveValue('100');
  await expect(page.getByLabel('Packet loss (%)')).toHaveValue('0');
});
