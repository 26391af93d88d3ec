/**
 * Measures what a page loads up front in a mobile-sized viewport without scrolling: JavaScript
 * files (raw and gzip bytes), inline script bytes, total transfer, and whether it has widgets.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** Bytes a page loads before the reader scrolls. */
export interface PageWeight {
  path: string;
  jsFiles: number;
  jsRaw: number;
  jsGzip: number;
  inlineJs: number;
  transfer: number;
  islands: number;
}

/** Loads one page and adds up its responses. */
export async function measurePage(
  browser: Browser,
  origin: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  let jsFiles = 0;
  let jsRaw = 0;
  let jsGzip = 0;
  let transfer = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        let body: Buffer;
        try {
          body = await response.body();
        } catch {
          return;
        }
        transfer += body.length;
        if (response.request().resourceType() === 'script') {
          jsFiles += 1;
          jsRaw += body.length;
          jsGzip += gzipSync(body).length;
        }
      })(),
    );
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const { inlineJs, islands } = await page.evaluate(() => ({
    inlineJs: [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !s.getAttribute('type') || s.getAttribute('type') === 'module')
      .reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
    islands: document.querySelectorAll('astro-island').length,
  }));
  await context.close();
  return { path, jsFiles, jsRaw, jsGzip, inlineJs, transfer, islands };
}
