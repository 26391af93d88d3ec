/**
 * The packet inspector (issue 15), keyboard only: Tab reaches a ladder, ↑ and ↓ select packets
 * (a live status names each), Enter opens "Packet details" with the packet's fields and, for
 * HTTP/1.x, the head as on the wire; "Drop this packet and run again" re-runs the widget with
 * that packet lost, and "Run again without them" restores it. Also: a click selects the packet
 * under the pointer, Escape closes the panel and returns focus, both languages, axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaults } from '../../src/components/controls/params';
import {
  multiplexingScenario,
  multiplexingSchema,
  MUX_RUNS,
} from '../../src/components/widgets/multiplexing-params';
import { simulate } from '../../src/sim';
import { ladderMargin } from '../../src/components/views/ladder/layout';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const REGION = { en: 'Packet details', zh: '数据包详情' } as const;

async function live(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const island = page.locator('[data-ka-widget]');
  await expect(island).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
  await expect(island).not.toHaveAttribute('data-ka-computing', { timeout: 30_000 });
  return page.locator('.ka-live');
}

/** Presses Tab until the focused element matches `target` (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('en: keyboard only on the Timeout race: select the click, read its head, drop it, restore', async ({
  page,
}) => {
  const widget = await live(page, '/embed/timeout-race/');
  const plot = widget.locator('.ladder .plot').first();
  await widget.getByRole('button', { name: /Play/ }).focus();
  await tabTo(page, plot);
  // The widget's 15 packets; the click's GET is the 6th sent (SYN, SYN-ACK, GET, 200 OK, ACK).
  const status = plot.locator('xpath=ancestor::figure[1]').getByRole('status').first();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText(/^6 of 15: GET \/next1 on connection 1, client → server/);
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: REGION.en });
  await expect(region).toBeFocused();
  await expect(region).toContainText('Packet #6');
  await expect(region.locator('pre')).toHaveText(
    /^GET \/next1 HTTP\/1\.1\nHost: example\.com\nConnection: keep-alive\n/,
  );
  await expect(region).toContainText('440 B (400 B of payload)');
  // Drop it: the re-run loses exactly that packet (its retransmission then meets the closed
  // socket, which answers with RST).
  await tabTo(page, region.getByRole('button', { name: 'Drop this packet and run again' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-computing', {
    timeout: 30_000,
  });
  await expect(region).toContainText('lost on purpose');
  await expect(widget.locator('.ka-metrics').first()).toContainText('1 dropped');
  await expect(widget.locator('.ladder .labels').first()).toContainText('RST');
  const restore = widget.getByRole('button', { name: 'Run again without them' });
  await expect(widget).toContainText('You dropped 1 packet in this run');
  await restore.click();
  await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-computing', {
    timeout: 30_000,
  });
  await expect(widget.locator('.ka-metrics').first()).toContainText('0 dropped');
  await expect(restore).toHaveCount(0);
  // Escape closes the panel and gives focus back to the diagram.
  await region.focus();
  await page.keyboard.press('Escape');
  await expect(region).toHaveCount(0);
  await expect(plot).toBeFocused();
});

test('zh: the Handshake inspector in Chinese, axe clean with it open', async ({ page }) => {
  const widget = await live(page, '/zh/embed/handshake/');
  const plot = widget.locator('.ladder .plot').first();
  await plot.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: REGION.zh });
  await expect(region).toContainText('数据包 #2');
  await expect(region).toContainText('SYN-ACK');
  await expect(region).toContainText('这个数据包不携带数据');
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a click on a packet line opens its details; ←/→ still step the player from the diagram', async ({
  page,
}) => {
  const widget = await live(page, '/embed/handshake/');
  const plot = widget.locator('.ladder .plot').first();
  // The first label sits on the SYN's line, halfway across.
  const label = plot.locator('.labels text').first();
  await expect(label).toHaveText('SYN');
  await label.click();
  const region = page.getByRole('region', { name: REGION.en });
  await expect(region).toContainText('Packet #1');
  await expect(region).toContainText(/TCP flags\s*SYN\s*Sequence/);
  const time = widget.getByRole('slider', { name: /Time/ });
  const before = await time.inputValue();
  await plot.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  expect(Number(await time.inputValue())).toBeGreaterThan(0);
  expect(before).not.toBe('0');
});

test('zoom: + and − on a focused ladder scale every pane of a comparison together; 0 resets', async ({
  page,
}) => {
  const widget = await live(page, '/embed/multiplexing/');
  const plots = widget.locator('.ladder .plot');
  await expect(plots).toHaveCount(3);
  /** Each pane's drawn height, window height, scroll position and label count. */
  const panes = (): Promise<number[][]> =>
    plots.evaluateAll((els) =>
      els.map((el) => [
        Math.round(el.querySelector('svg')?.getBoundingClientRect().height ?? 0),
        el.clientHeight,
        Math.round(el.scrollTop),
        el.querySelectorAll('.labels text').length,
      ]),
    );
  const before = await panes();
  await plots.nth(1).focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(widget.locator('.zoom .factor')).toHaveText(/^Time drawn 4× larger/);
  // Four times as tall, to a pixel or two (the SVG keeps its aspect ratio at the plot's width).
  await expect
    .poll(async () =>
      (await panes()).every((p, i) => Math.abs((p[0] ?? 0) - 4 * (before[i]?.[0] ?? 0)) <= 4),
    )
    .toBe(true);
  const zoomed = await panes();
  for (const [i, p] of zoomed.entries()) {
    // The window keeps the unzoomed height; the panes scroll together; bands open into packets.
    expect(Math.abs((p[1] ?? 0) - (before[i]?.[1] ?? 0))).toBeLessThanOrEqual(1);
    expect(p[2]).toBe(zoomed[0]?.[2]);
    expect(p[3]).toBeGreaterThan(before[i]?.[3] ?? 0);
  }
  await plots.nth(1).evaluate((el) => (el.scrollTop = 500));
  await expect.poll(async () => (await panes()).map((p) => p[2])).toEqual([500, 500, 500]);
  await page.keyboard.press('-');
  await expect(widget.locator('.zoom .factor')).toHaveText(/^Time drawn 2× larger/);
  await page.keyboard.press('0');
  await expect.poll(async () => (await panes()).map((p) => p[0])).toEqual(before.map((p) => p[0]));
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('in present mode, Escape closes the packet details and the presentation stays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/embed/timeout-race/?present=1');
  const leave = page.getByRole('button', { name: 'Leave presentation' });
  await expect(leave).toBeVisible({ timeout: 30_000 });
  const plot = page.locator('.ka-live .ladder .plot').first();
  await plot.focus();
  // The fourth packet, the first response: its panel is among the tallest (it shows the head).
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: REGION.en });
  await expect(region).toBeFocused();
  await expect(region.getByText('Response head, as on the wire')).toBeVisible();
  // The whole panel lies within the scrolling diagrams on a 1024 × 768 projector.
  const [panel, views] = await Promise.all([
    region.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    page
      .locator('.ka-live .views')
      .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  expect(panel.top).toBeGreaterThanOrEqual(views.top - 1);
  expect(panel.bottom).toBeLessThanOrEqual(views.bottom + 1);
  await page.keyboard.press('Escape');
  await expect(region).toHaveCount(0);
  await expect(plot).toBeFocused();
  await expect(leave).toBeVisible();
  // A second Escape, with no panel open, leaves the presentation as before.
  await page.keyboard.press('Escape');
  await expect(leave).toHaveCount(0);
});

test('filters: one connection shown and the rest dimmed in every ladder; bare ACKs hidden', async ({
  page,
}) => {
  const widget = await live(page, '/embed/race/');
  await widget.locator('.ladder .plot').first().focus();
  const show = widget.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'conn 2' });
  const opacity = (): Promise<string[][]> =>
    widget
      .locator('.ladder .packets > g')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-conn') ?? '', getComputedStyle(el).opacity]),
      );
  const dimmed = await opacity();
  // Both panes: HTTP/1.0's seven connections and keep-alive's one.
  expect(dimmed.length).toBeGreaterThanOrEqual(8);
  for (const [conn, o] of dimmed) expect(o, `conn ${conn}`).toBe(conn === '2' ? '1' : '0.15');
  await show.selectOption({ label: 'all packets' });
  for (const [, o] of await opacity()) expect(o).toBe('1');
  const acks = async (): Promise<number> =>
    (await widget.locator('.ladder .labels text').allTextContents()).filter((l) =>
      l.startsWith('ACK'),
    ).length;
  expect(await acks()).toBeGreaterThan(0);
  await widget.getByRole('checkbox', { name: 'Hide bare ACKs' }).check();
  await expect.poll(acks).toBe(0);
});

test('filters: one request shown over the rest dimmed, in all three Multiplexing panes (its stream over HTTP/2 and HTTP/3)', async ({
  page,
}) => {
  const widget = await live(page, '/embed/multiplexing/');
  const pane = widget.locator('.ladder').nth(1);
  await pane.locator('.plot').focus();
  const show = pane.getByRole('combobox', { name: 'Show' });
  // The HTTP/2 pane names each request's stream: the HTML is stream 1, the third image stream 7.
  await show.selectOption({ label: '/img3.png (stream 7)' });
  const overlays = widget.locator('.ladder svg .ka-inspect-req');
  await expect(overlays).toHaveCount(3, { timeout: 15_000 });
  // Each pane draws one line per packet that carries /img3.png's bytes, as the simulation says.
  const carrying = MUX_RUNS.map((run) => {
    const trace = simulate(multiplexingScenario(defaults(multiplexingSchema), run)).trace;
    const ids = new Set(
      trace.flatMap((e) => (e.type === 'request' && e.path === '/img3.png' ? [e.requestId] : [])),
    );
    return trace.filter((e) => e.type === 'packet' && e.requestIds.some((r) => ids.has(r))).length;
  });
  const drawn = await overlays.evaluateAll((els) =>
    els.map((el) => (el.getAttribute('d')?.match(/M/g) ?? []).length),
  );
  expect(drawn).toEqual(carrying);
  expect(Math.min(...carrying)).toBeGreaterThan(0);
  for (const o of await widget
    .locator('.ladder .packets > g')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).opacity)))
    expect(o).toBe('0.15');
  // Every pane's inspector has loaded to draw its overlay, and its filter says the same.
  await expect(widget.getByRole('combobox', { name: 'Show' })).toHaveCount(3);
  await expect(widget.getByRole('combobox', { name: 'Show' }).last()).toHaveValue('r/img3.png');
  await show.selectOption({ label: 'all packets' });
  await expect(overlays).toHaveCount(0);
});

test('the table follows the zoomed window: only the moments the diagrams show, and all of them again at zoom 1', async ({
  page,
}) => {
  const widget = await live(page, '/embed/timeout-race/');
  await widget.getByRole('button', { name: 'Show as table' }).click();
  const table = widget.locator('.ka-table table');
  await expect(table).toBeVisible();
  const times = async (): Promise<number[]> =>
    (await table.locator('tbody th').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
  const all = await times();
  const plot = widget.locator('.ladder .plot').first();
  await plot.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const note = table.locator('caption .note');
  await expect(note).toHaveText(/^Following the zoomed sequence diagrams: the events from /);
  // The window at the top of the zoomed ladder, read off its axis as the note states it.
  const bounds = async (): Promise<number[]> =>
    ((await note.textContent())?.match(/[\d,.]+(?= ms)/g) ?? []).map((s) =>
      Number(s.replace(/,/g, '')),
    );
  await plot.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  // The caption's window and the rows follow the scroll within a few frames (polled): the rows
  // are then every moment of the trace in that window (the note rounds to 0.1 ms or better).
  const within = (xs: number[], from: number, to: number): number[] =>
    xs.filter((x) => x >= from - 0.1 && x <= to + 0.1);
  await expect
    .poll(async () => {
      const [from = 0, to = 0] = await bounds();
      const shown = await times();
      return from > 0 && shown.length > 0 && shown.join() === within(all, from, to).join();
    })
    .toBe(true);
  expect((await times()).length).toBeLessThan(all.length);
  await page.keyboard.press('0');
  await expect(note).toHaveCount(0);
  await expect.poll(times).toEqual(all);
});

test('the overview strip: keys move the window of every pane, a drag across it zooms to that span', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await live(page, '/embed/multiplexing/');
  const plots = widget.locator('.ladder .plot');
  await plots.first().focus();
  const strip = widget.getByRole('slider', { name: /^Overview of the whole time axis/ }).first();
  await expect(strip).toBeVisible();
  const tops = (): Promise<number[]> =>
    plots.evaluateAll((els) => els.map((el) => Math.round(el.scrollTop)));
  // A drag across the second quarter of the strip, at zoom 1 (the whole axis in the window):
  // that quarter of the plot fills the window, so the zoom is 4× and the window starts there.
  await strip.scrollIntoViewIfNeeded();
  const before = await plots.first().evaluate((el) => el.scrollHeight);
  const box = await strip.boundingBox();
  if (!box) throw new Error('no strip');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.25, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 3 });
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 3 });
  await page.mouse.up();
  await expect(widget.locator('.zoom .factor').first()).toHaveText(
    /^Time drawn (3\.9\d|4|4\.0\d)× larger/,
  );
  const [height, top] = await plots
    .first()
    .evaluate((el) => [el.scrollHeight, el.scrollTop] as const);
  // The brushed start, a quarter down the unzoomed plot, at the same point of the stretched axis
  // (the margins above and below it keep their size); one strip pixel is 1/200 of the plot.
  const { top: m0, bottom: m1 } = ladderMargin;
  const expected = m0 + ((0.25 * before - m0) * (height - m0 - m1)) / (before - m0 - m1);
  expect(Math.abs(top - expected)).toBeLessThanOrEqual((2 * height) / 200);
  await expect.poll(tops).toEqual([top, top, top].map(Math.round));
  // Keys on the strip: End shows the end of every pane, Home their start; the player ignores them.
  const time = await widget.locator('.player input[type=range]').inputValue();
  await strip.focus();
  await page.keyboard.press('End');
  const end = await plots.first().evaluate((el) => Math.round(el.scrollHeight - el.clientHeight));
  await expect.poll(tops).toEqual([end, end, end]);
  await page.keyboard.press('Home');
  await expect.poll(tops).toEqual([0, 0, 0]);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await tops())[0]).toBeGreaterThan(0);
  expect(await widget.locator('.player input[type=range]').inputValue()).toBe(time);
  await expect(strip).toHaveAttribute(
    'aria-valuetext',
    /^showing [\d,.]+ ms to [\d,.]+ ms, of [\d,.]+ ms$/,
  );
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
