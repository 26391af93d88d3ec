/**
 * Runs Lighthouse (mobile, simulated throttling: its defaults) against pages in the project's
 * Chromium. One Chrome serves the audits of one page (`run.ts` launches one per page, warmed up
 * on that page first): Lighthouse opens a fresh tab for each run over the same debugging
 * port.
 */
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { ChromiumChoice } from '../chromium';

/** Category scores, 0 to 100. */
export type Scores = Partial<
  Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>
>;

/** Audits of no weight in any score that cost time (a screenshot or a second navigation each). */
const UNWEIGHTED_SLOW_AUDITS = ['bf-cache', 'screenshot-thumbnails', 'final-screenshot'];

/** A Chrome that Lighthouse drives through its debugging port. */
export interface LighthouseBrowser {
  audit(
    url: string,
    categories: (keyof Scores)[],
  ): Promise<{ scores: Scores; failing: string[]; fcpMs?: number; metrics: string }>;
  close(): Promise<void>;
}

type Audits = Record<string, { numericValue?: number; score: number | null } | undefined>;

/**
 * The five metrics that make the performance score, each with its own score, as
 * "FCP 1.2 s (0.99), LCP …, SI …, TBT 80 ms (1), CLS 0.000 (1)": what the budget prints for a
 * run under 100, so a failure says which metric cost the points.
 */
function metricsOf(audits: Audits): string {
  const metric = (id: string, label: string, show: (v: number) => string): string => {
    const audit = audits[id];
    if (audit?.numericValue === undefined) return `${label} –`;
    return `${label} ${show(audit.numericValue)} (${audit.score ?? '–'})`;
  };
  const s = (v: number): string => `${(v / 1000).toFixed(2)} s`;
  return [
    metric('first-contentful-paint', 'FCP', s),
    metric('largest-contentful-paint', 'LCP', s),
    metric('speed-index', 'SI', s),
    metric('total-blocking-time', 'TBT', (v) => `${Math.round(v)} ms`),
    metric('cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)),
  ].join(', ');
}

/**
 * Launches Chromium for Lighthouse (Playwright's own build is used through its path) and loads
 * `warmUrl` once in a tab of its own, untimed: the browser's own start-up work (its first
 * renderer, fonts, the script engine's first compile) is then done before the audits, as it was
 * for every page but the first when one Chrome served them all (a fresh Chrome's first audit put
 * the embed pages' first paint at 1.45 s instead of 1.15 s). Lighthouse still empties the cache
 * and the origin's storage before each audit.
 */
export async function launchForLighthouse(
  choice: ChromiumChoice,
  ownPath: string,
  warmUrl: string,
): Promise<LighthouseBrowser> {
  const chrome = await chromeLauncher.launch({
    chromePath: choice.executablePath ?? ownPath,
    chromeFlags: [...new Set([...choice.args, '--headless=new', '--no-sandbox', '--disable-gpu'])],
  });
  const connected = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  try {
    const context = connected.contexts()[0] ?? (await connected.newContext());
    const page = await context.newPage();
    await page.goto(warmUrl, { waitUntil: 'load' });
    await page.close();
  } catch (error) {
    chrome.kill();
    throw error;
  } finally {
    // Disconnects; the Chrome stays up for Lighthouse.
    await connected.close();
  }
  return {
    async audit(url, categories) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: categories,
        // Figures the budget does not read; none has weight in a category's score.
        skipAudits: UNWEIGHTED_SLOW_AUDITS,
        disableFullPageScreenshot: true,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) {
        throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.message}`);
      }
      const scores: Scores = {};
      const failing: string[] = [];
      for (const key of categories) {
        const category = result.lhr.categories[key];
        scores[key] = Math.round((category?.score ?? 0) * 100);
        for (const ref of category?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            failing.push(`${key}/${ref.id}: ${audit.displayValue ?? audit.title}`);
          }
        }
      }
      const fcp = result.lhr.audits['first-contentful-paint']?.numericValue;
      return {
        scores,
        failing,
        ...(fcp === undefined ? {} : { fcpMs: fcp }),
        metrics: metricsOf(result.lhr.audits),
      };
    },
    async close() {
      chrome.kill();
    },
  };
}
