/**
 * Frame budget: opens the widget gallery with the keep-alive race configured (through its URL
 * parameters) so that about 1,000 packets are on screen, plays it, and reports the scripting
 * time of each animation frame. The Playback measures each requestAnimationFrame callback,
 * including Svelte's synchronous flush of the views, into `window.__kaFrameProbe` when that
 * array exists (set before any page script runs).
 */
import type { Browser } from '@playwright/test';

declare global {
  interface Window {
    __kaFrameProbe?: number[];
  }
}

/** The page measured: keep-alive race with 60 images of 3 kB (≈ 1,000 packets in both runs). */
export const FRAME_PAGE = '/widgets/?race.objects=60&race.objectBytes=3000&race.rtt=100';

/** Frame timings of one played widget. */
export interface FrameReport {
  page: string;
  /** The ladders' zoom factor while playing (1: not zoomed). */
  zoom: number;
  /** Packets in the traces on screen (both runs). */
  packets: number;
  /** Animation frames measured. */
  frames: number;
  /** 95th percentile of scripting time per frame (ms). */
  p95Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

/**
 * Plays the race for about 3 s at 1× and returns p95 and max scripting time per frame; with
 * `zoom` (a power of 2), the ladders are zoomed that much first (their window follows playback).
 */
export async function measureFrames(
  browser: Browser,
  origin: string,
  zoom = 1,
): Promise<FrameReport> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'no-preference',
  });
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      window.__kaFrameProbe = [];
    });
    await page.goto(origin + FRAME_PAGE, { waitUntil: 'networkidle' });
    const widget = page.locator('#ka-race');
    await widget.scrollIntoViewIfNeeded();
    const play = widget.getByRole('button', { name: /^(Play|Pause)$/ });
    await play.waitFor();
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('#ka-race button.primary')?.disabled,
    );
    const packets = await widget.getAttribute('data-packets');
    if (zoom > 1) {
      await widget.locator('.ladder .plot').first().focus();
      await widget.locator('.zoom').first().waitFor();
      for (let z = 1; z < zoom; z *= 2) await page.keyboard.press('+');
      await widget
        .locator('.zoom .factor')
        .first()
        .filter({ hasText: `${zoom}×` })
        .waitFor();
    }
    // Warm up once (first frames compile code paths), then measure from the start.
    await widget.getByRole('button', { name: 'Reset', exact: true }).click();
    await play.click();
    await page.waitForTimeout(500);
    await widget.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.evaluate(() => {
      window.__kaFrameProbe = [];
    });
    await play.click();
    await page.waitForTimeout(3000);
    await widget.getByRole('button', { name: 'Pause' }).click();
    const samples = await page.evaluate(() => window.__kaFrameProbe ?? []);
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      page: FRAME_PAGE,
      zoom,
      packets: Number(packets ?? 0),
      frames: sorted.length,
      p95Ms: Number(percentile(sorted, 95).toFixed(2)),
      maxMs: Number((sorted[sorted.length - 1] ?? 0).toFixed(2)),
    };
  } finally {
    await context.close();
  }
}
