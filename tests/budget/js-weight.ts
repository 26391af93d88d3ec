/**
 * Measures what a page loads up front in a mobile-sized viewport without scrolling: JavaScript
 * run on the main thread (script files plus inline scripts, raw and gzip bytes), JavaScript run
 * in workers (the simulation worker, counted apart: it never blocks paint or input), total
 * transfer, and whether it has widgets or another interactive feature.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** Bytes a page loads before the reader scrolls. */
export interface PageWeight {
  path: string;
  jsFiles: number;
  jsRaw: number;
  jsGzip: number;
  /** gzip bytes of the scripts that workers loaded (not in `jsGzip`). */
  workerGzip: number;
  /** Inline script bytes (raw), also counted, gzipped, in `jsGzip`. */
  inlineJs: number;
  transfer: number;
  islands: number;
  /** Live embeds on the page (`iframe[data-keep-alive-embed]`, the guide's examples). */
  embeds: number;
  /** The page runs a feature of its own beyond the theme toggle (search): `data-interactive`. */
  interactive: boolean;
}

/** Loads one page and adds up its responses. */
export async function measurePage(
  browser: Browser,
  origin: string,
  path: string,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  let transfer = 0;
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  const workers = new Set<string>();
  page.on('worker', (worker) => workers.add(worker.url()));
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
          scripts.push({ url: response.url(), raw: body.length, gzip: gzipSync(body).length });
        }
      })(),
    );
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const main = scripts.filter((s) => !workers.has(s.url));
  const jsFiles = main.length;
  const jsRaw = main.reduce((sum, s) => sum + s.raw, 0);
  const jsGzip = main.reduce((sum, s) => sum + s.gzip, 0);
  const workerGzip = scripts.filter((s) => workers.has(s.url)).reduce((sum, s) => sum + s.gzip, 0);
  const { inlineScripts, islands, embeds, interactive } = await page.evaluate(() => ({
    inlineScripts: [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !s.getAttribute('type') || s.getAttribute('type') === 'module')
      .map((s) => s.textContent ?? ''),
    // Widgets on the page (`WidgetMount.astro`), embed pages' included.
    islands: document.querySelectorAll('[data-ka-widget]').length,
    embeds: document.querySelectorAll('iframe[data-keep-alive-embed]').length,
    interactive: document.querySelector('[data-interactive]') !== null,
  }));
  await context.close();
  const inline = Buffer.from(inlineScripts.join('\n'));
  return {
    path,
    jsFiles,
    jsRaw: jsRaw + inline.length,
    jsGzip: jsGzip + (inline.length > 0 ? gzipSync(inline).length : 0),
    workerGzip,
    inlineJs: inline.length,
    transfer,
    islands,
    embeds,
    interactive,
  };
}
