/**
 * The replay page's worker time (issue 20: a 300-entry HAR over 20 origins replays all four
 * protocols in under 200 ms in the worker): the page gets a synthetic HAR of that shape
 * (`syntheticHar`, the bench's) and the worker reports the time it spent importing and replaying
 * it, on its own clock (`data-compute-ms`). Three files in a row: the first includes the worker's
 * start and compilation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { syntheticHar } from '../../src/sim/har/synthetic';

/** Entries and origins of the measured HAR. */
export const REPLAY_SHAPE = { entries: 300, origins: 20 } as const;

/** The worker's time for each of the three files, in order (ms). */
export async function measureReplayTime(browser: Browser, origin: string): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-budget-'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const runsMs: number[] = [];
  try {
    await page.goto(`${origin}/replay/?rtt=50`);
    const results = page.locator('[data-replay-results]');
    for (let i = 0; i < 3; i++) {
      // A different file each time (its name), so that each is read and replayed anew.
      const file = join(dir, `page-${i}.har`);
      writeFileSync(file, syntheticHar(REPLAY_SHAPE.entries, REPLAY_SHAPE.origins));
      await page.evaluate(() =>
        document.querySelector('[data-replay-results]')?.removeAttribute('data-compute-ms'),
      );
      await page.locator('#replay-file').setInputFiles(file);
      await results.and(page.locator('[data-compute-ms]')).waitFor({ timeout: 60_000 });
      runsMs.push(Number(await results.getAttribute('data-compute-ms')));
    }
  } finally {
    await page.close();
  }
  return runsMs;
}
