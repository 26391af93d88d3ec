/**
 * The replay page's worker time (issue 20: a 300-entry HAR over 20 origins replays all four
 * protocols in under 200 ms in the worker): the page gets a synthetic HAR of that shape
 * (`syntheticHar`, the bench's) and its two workers report the time each spent importing and
 * replaying it under its two protocols, on its own clock (`data-compute-ms`: the slower one's);
 * the page also gives the reader's whole wait (`data-wait-ms`).
 *
 * Two ways, each on a fresh page:
 * - `reader`: as a reader does it: the pointer goes over the form (the worker starts and warms up,
 *   `data-replay-warm`), then three files in a row. The first is the reader's first replay.
 * - `cold`: a file given to a page nobody pointed at, so the worker starts with the file and runs
 *   it before V8 has compiled the simulation (a script setting the file input; printed, for
 *   reference).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { syntheticHar } from '../../src/sim/har/synthetic';

/** Entries and origins of the measured HAR. */
export const REPLAY_SHAPE = { entries: 300, origins: 20 } as const;

/** The reader's wait of each file replayed, in order (ms: posting, both workers, the reply). */
let waits: number[] = [];

export interface ReplayTimes {
  /** The worker's warm-up (ms, its own clock), before the reader's files. */
  warmUpMs: number;
  /** The worker's time for each of the reader's three files, in order (ms). */
  runsMs: number[];
  /** The workers' time for a file given before any warm-up (ms). */
  coldMs: number;
  /** The reader's wait for each of the four files (the three, then the cold one; ms). */
  waitsMs: number[];
}

/** Replays one file on `page` and returns the workers' time for it (ms; the reader's wait too). */
async function replayFile(page: Page, file: string): Promise<number> {
  const results = page.locator('[data-replay-results]');
  await page.evaluate(() =>
    document.querySelector('[data-replay-results]')?.removeAttribute('data-compute-ms'),
  );
  await page.locator('#replay-file').setInputFiles(file);
  await results.and(page.locator('[data-compute-ms]')).waitFor({ timeout: 60_000 });
  waits.push(Number(await results.getAttribute('data-wait-ms')));
  return Number(await results.getAttribute('data-compute-ms'));
}

export async function measureReplayTime(browser: Browser, origin: string): Promise<ReplayTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-budget-'));
  // A different file each time (its name), so that each is read and replayed anew.
  const files = [0, 1, 2, 3].map((i) => {
    const file = join(dir, `page-${i}.har`);
    writeFileSync(file, syntheticHar(REPLAY_SHAPE.entries, REPLAY_SHAPE.origins));
    return file;
  });
  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/replay/?rtt=50`);
    return page;
  };
  waits = [];
  const reader = await open();
  const runsMs: number[] = [];
  let warmUpMs: number;
  try {
    await reader.locator('[data-replay-drop]').hover();
    const root = reader.locator('[data-replay-warm]');
    await root.waitFor({ state: 'attached', timeout: 60_000 });
    warmUpMs = Number(await root.getAttribute('data-replay-warm'));
    for (const file of files.slice(0, 3)) runsMs.push(await replayFile(reader, file));
  } finally {
    await reader.close();
  }
  const cold = await open();
  try {
    const coldMs = await replayFile(cold, files[3] as string);
    return { warmUpMs, runsMs, coldMs, waitsMs: waits };
  } finally {
    await cold.close();
  }
}
