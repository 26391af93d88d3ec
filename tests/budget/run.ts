/**
 * `npm run budget`: measures every built page (both languages, embeds included) against the
 * budgets of DESIGN.md and issue 14 and prints a Markdown table: HTML bytes (at most 50 KB gzip),
 * the largest inline script or JSON (at most 20 KB), main-thread JavaScript loaded up front (files
 * and gzip bytes, at most 45 KB on every page), the simulation worker's JavaScript (at most 32 KB),
 * total transfer, and Lighthouse (mobile): accessibility,
 * best practices and SEO (100 required) and performance with first contentful paint, in one run
 * per page; a page under 98 is run four more times and judged by the median of its 5 runs (pages
 * under 100, issue 14's goal, are listed). The
 * gallery's first contentful paint must stay under 2 s, and the replay page's worker must import
 * and replay a reader's first HAR of 300 requests over 20 origins in under 200 ms. Pages listed in `KNOWN_SLOW` are
 * measured and printed but their performance is not gated, and input-latency rows listed in
 * `KNOWN_SLOW_INPUT` likewise: see there. Exits 1 when any other figure is over budget.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { requireChromium } from '../chromium';
import { builtPages } from '../site-pages';
import { measureFrames, type FrameReport } from './frames';
import { htmlWeight, type HtmlWeight } from './html-weight';
import {
  INPUT_TASK_BUDGET_MS,
  measureInputLatency,
  measureLatency,
  type LatencyRow,
} from './input-latency';
import { launchForLighthouse, type Scores } from './lighthouse';
import { measurePage, type PageWeight } from './js-weight';
import { measureReplayTime, REPLAY_SHAPE, type ReplayTimes } from './replay-time';
import { startPreview } from './serve';

const BUDGET = {
  /**
   * gzip bytes of JavaScript loaded up front on any page, embed pages included: there the widget
   * is the whole page and hydrates at once, so its code counts in full.
   */
  jsGzip: 45 * 1024,
  /**
   * The Chinese Playground's embed, the one exception left: 49.3 KB measured on 2026-12-06 after
   * the preload lists lost their own chunks' names (49.7 before; 55.1 KB on 2026-12-04). The
   * English embed meets 45 KB (43.7) since the visitors' mode loads when chosen, the ladder when
   * its place is on the screen and the parameters' inputs when opened; the Chinese caption and
   * hint are shorter, so at 412 × 823 px the top of the ladder is on the first screen and its
   * 6.6 KB load up front. Lowered from 52 KB the same day. 50.4 KB (51,589 bytes) by 2026-12-07,
   * over it; 49.7 KB (50,901 bytes) once the facts and parameters only some widgets use left the
   * code every widget loads (`follow-up-facts.ts`, `queue-facts.ts`, `common-params.ts`).
   * Issue 14 wants no exception.
   */
  playgroundEmbedJsGzip: 50 * 1024,
  /**
   * gzip bytes of the scripts the simulation worker loads. Counted apart from the budgets above,
   * which are the main thread's: the worker never blocks paint or input, but its bytes still cross
   * the reader's network. 30 KB until 2026-12-06 (27.5 KB measured on 2026-12-04, 29.8 on
   * 2026-12-06); 31.2 KB since that day's two additions to the simulation: pages of several
   * origins with discovery parents and coalescing (issue 20, +0.7 KB) and metrics counted as the
   * trace is recorded (issue 14's bench, +0.8 KB, a third of the run time gone). Raised to 32 KB
   * for them, not for anything else.
   */
  workerJsGzip: 32 * 1024,
  /** gzip bytes of a page's HTML. */
  htmlGzip: 50 * 1024,
  /** bytes of the largest inline script or JSON payload in a page. */
  inlineJson: 20 * 1024,
  /** First contentful paint of the widget gallery in Lighthouse mobile (ms). */
  galleryFcpMs: 2000,
  /** inline script bytes allowed on a page without widgets or search (the theme scripts). */
  inlineJs: 2048,
  minScore: 100,
  /**
   * Lighthouse performance, gated on every page but those of `KNOWN_SLOW`: one run, and the
   * median of `TIMING_RUNS` when it is under 98 (issue 14). 95 until 2026-12-06, when one full run
   * scored 98 or more on every page; the full runs after it did not (7 to 13 pages under 98 each,
   * a different set each time). Issue 14's goal is 100: pages under `targetPerformance` are
   * listed after the table.
   */
  minPerformance: 98,
  targetPerformance: 100,
  /**
   * p95 scripting time per animation frame with about 1,000 packets on screen (ms), at zoom 1 and
   * zoomed 4× (issue 15). Gated since flights and bundles bound the marks a ladder draws and a
   * zoomed ladder no longer lays the page out in every frame: on 2026-12-05, 3.4 to 5.6 ms in
   * three runs of each alone, 6.2 (zoom 1) and 7.0 ms (4×) within a full `npm test` (before
   * flights: 9.4 to 13.0 ms unzoomed; zoomed before the fix: 6.8 to 9.4 ms). On 2026-12-06 the
   * figures had crept back to 6.4 to 9.9 ms (CI failed at 8.2): every frame woke all 120 waterfall
   * rows, whose queued bars grow until a connection is free. Since the rows draw their bars whole
   * under one clip at t and a ladder keeps the paths of connections with nothing new, 3.6 to 5.0 ms
   * in three runs of each. A run at or over the budget is measured twice more and the median
   * counts.
   */
  frameP95Ms: 8,
  /**
   * The replay page's worker time for a HAR of 300 requests over 20 origins, imported and
   * replayed under the four protocols (ms): issue 20's bound, gated on the reader's first file,
   * after the warm-up the worker runs while the reader chooses it (it starts when the pointer
   * first goes over the form, a touch or a focus in it, or a file is dragged over the page). A
   * first file at or over the bound is measured twice more on fresh pages and the median counts.
   * A file given before any warm-up is printed, not gated: 300 to 665 ms on 2026-12-06, the
   * simulation running before V8 has compiled it (warm, 97 to 127 ms; `npm run bench` measures it
   * warm in Node, 40 ms).
   */
  replayWorkerMs: 200,
};

/**
 * Pages whose Lighthouse performance is printed but not gated, with the reason. None: the
 * Multiplexing embed, the last one listed until 2026-12-06, left the list that day. Pages measured
 * under 98 since then are issue 14's open work, not entries here (the budget fails on them).
 */
const KNOWN_SLOW: ReadonlyMap<RegExp, string> = new Map();

/**
 * Input-latency rows printed but not gated, with the reason. None: the Playground at its
 * heaviest values, the last one listed, left the list on 2026-12-06. The rows measured over 50 ms
 * since then are issue 14's open work, not entries here (the budget fails on them).
 */
const KNOWN_SLOW_INPUT: ReadonlyMap<string, string> = new Map();
const knownSlow = (path: string): string | undefined =>
  [...KNOWN_SLOW].find(([re]) => re.test(path))?.[1];

/**
 * Runs of a timing figure (Lighthouse performance, frame time, input latency, replay time) when
 * its first run is over budget; the median counts. 3 until 2026-12-06: on this project's 2-core
 * machine the same page scored 92, 99 and 97 in three consecutive runs (/zh/embed/handshake/,
 * 98 to 99 in four runs alone), and a widget's longest task after an input varied from 0 to
 * 142 ms run to run, so the median of 3 failed or passed the same code by chance. Lighthouse's
 * documentation (docs/variability.md, "Run Lighthouse multiple times") gives the median of five
 * runs as about halving the variance. The budgets themselves are unchanged.
 */
const TIMING_RUNS = 5;

const kb = (n: number): string => (n / 1024).toFixed(1);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function main(): Promise<void> {
  const started = Date.now();
  const choice = requireChromium();
  // BUDGET_ONLY=<substring> measures only the matching pages (a quick local check).
  const only = process.env['BUDGET_ONLY'];
  const pages = builtPages().filter((p) => only === undefined || p.includes(only));
  const preview = await startPreview(Number(process.env['PREVIEW_PORT'] ?? 4321));
  const failures: string[] = [];
  /** Lighthouse runs under the target score, with the metrics that made each score. */
  const lowMetrics: string[] = [];
  const rows: (PageWeight & HtmlWeight & Scores & { fcpMs?: number; notes: string[] })[] = [];
  let frames: FrameReport[] | undefined;
  let latency: LatencyRow[] | undefined;
  let replay: ReplayTimes | undefined;
  try {
    const browser = await chromium.launch({
      ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
      args: choice.args,
    });
    for (const path of pages) {
      const weight = await measurePage(browser, preview.origin, path);
      const html = htmlWeight(path);
      rows.push({ ...weight, ...html, notes: [] });
      const jsBudget = /^\/zh\/embed\/playground\/$/.test(path)
        ? BUDGET.playgroundEmbedJsGzip
        : BUDGET.jsGzip;
      if (weight.jsGzip > jsBudget) {
        failures.push(
          `${path}: ${kb(weight.jsGzip)} KB gzip of JavaScript up front (budget ${kb(jsBudget)} KB)`,
        );
      }
      if (weight.workerGzip > BUDGET.workerJsGzip) {
        failures.push(
          `${path}: ${kb(weight.workerGzip)} KB gzip of JavaScript in workers (budget ${kb(BUDGET.workerJsGzip)} KB)`,
        );
      }
      if (html.htmlGzip > BUDGET.htmlGzip) {
        failures.push(
          `${path}: ${kb(html.htmlGzip)} KB gzip of HTML (budget ${kb(BUDGET.htmlGzip)} KB)`,
        );
      }
      if (html.largestInline > BUDGET.inlineJson) {
        failures.push(
          `${path}: an inline script or JSON of ${kb(html.largestInline)} KB (budget ${kb(BUDGET.inlineJson)} KB)`,
        );
      }
      // Live embeds count as widgets: their page may load the host script (`/embed.js`). A page
      // with a feature of its own (`data-interactive`: search, the replay page) loads its code,
      // within the 45 KB above.
      if (
        weight.islands === 0 &&
        weight.embeds === 0 &&
        !weight.interactive &&
        weight.jsFiles > 0
      ) {
        failures.push(
          `${path}: loads ${weight.jsFiles} script file(s) but has no widget (budget 0)`,
        );
      }
      if (weight.islands === 0 && !weight.interactive && weight.inlineJs > BUDGET.inlineJs) {
        failures.push(
          `${path}: ${weight.inlineJs} B of inline script (budget ${BUDGET.inlineJs} B)`,
        );
      }
    }
    // Unzoomed, and zoomed 4× (the ladders 4× taller, their window following playback).
    // A run at or over the budget is measured again until `TIMING_RUNS` and the median run
    // counts, as for Lighthouse: one 3-second play on a 2-core machine varies by about a third.
    frames = [];
    for (const zoom of [1, 4]) {
      const runs = [await measureFrames(browser, preview.origin, zoom)];
      if ((runs[0]?.p95Ms ?? 0) >= BUDGET.frameP95Ms) {
        while (runs.length < TIMING_RUNS)
          runs.push(await measureFrames(browser, preview.origin, zoom));
      }
      frames.push(...runs);
      const counted = [...runs].sort((a, b) => a.p95Ms - b.p95Ms)[Math.floor(runs.length / 2)];
      if (counted && counted.p95Ms >= BUDGET.frameP95Ms) {
        failures.push(
          `frames: p95 ${counted.p95Ms.toFixed(2)} ms of scripting per frame at zoom ${zoom}, the median of ${runs.length} runs (budget < ${BUDGET.frameP95Ms} ms)`,
        );
      }
    }
    latency = await measureInputLatency(browser, preview.origin);
    // A widget over the task budget is measured again until `TIMING_RUNS`; the median counts.
    for (const [i, row] of latency.entries()) {
      if (row.longestTaskMs <= INPUT_TASK_BUDGET_MS) continue;
      const heaviest = row.setting === 'heaviest';
      const runs = [row];
      while (runs.length < TIMING_RUNS)
        runs.push(await measureLatency(browser, preview.origin, row.widget, heaviest));
      runs.sort((a, b) => a.longestTaskMs - b.longestTaskMs);
      const counted = runs[Math.floor(runs.length / 2)] as LatencyRow;
      const known = KNOWN_SLOW_INPUT.get(`${row.widget}:${row.setting}`);
      latency[i] = {
        ...counted,
        runs: runs.map((r) => r.longestTaskMs),
        ...(known !== undefined ? { notGated: known } : {}),
      };
      if (counted.longestTaskMs > INPUT_TASK_BUDGET_MS && known === undefined) {
        failures.push(
          `input latency: ${row.widget} at its ${row.setting} values, a main-thread task of ${counted.longestTaskMs} ms of CPU time (${counted.longestWallMs} ms wall) while it recomputed, the median of ${runs.length} runs (${runs.map((r) => r.longestTaskMs).join(', ')} ms; budget ${INPUT_TASK_BUDGET_MS} ms)`,
        );
      }
    }
    replay = await measureReplayTime(browser, preview.origin);
    if ((replay.runsMs[0] ?? Infinity) >= BUDGET.replayWorkerMs) {
      const firsts = [replay.runsMs[0] ?? Infinity];
      while (firsts.length < TIMING_RUNS)
        firsts.push((await measureReplayTime(browser, preview.origin)).runsMs[0] ?? Infinity);
      if (median(firsts) >= BUDGET.replayWorkerMs)
        failures.push(
          `replay: the reader's first file of ${REPLAY_SHAPE.entries} requests over ${REPLAY_SHAPE.origins} origins took ${firsts.join(', ')} ms in the worker in ${firsts.length} fresh pages, median ${median(firsts)} ms (budget < ${BUDGET.replayWorkerMs} ms)`,
        );
    }
    await browser.close();

    for (const row of rows) {
      // A fresh Chrome for each page and its reruns, as Lighthouse's command line runs each
      // audit, so no page is measured in a browser that 50 audits before it have aged. One
      // Chrome served them all until 2026-12-07; in that day's CI the embed pages, audited in
      // the first quarter, scored 99 or 100 and their Chinese twins, audited past the middle,
      // 95 to 100 (the same widgets; whether the order caused it is not shown).
      const lh = await launchForLighthouse(
        choice,
        chromium.executablePath(),
        preview.origin + row.path,
      );
      try {
        const indexable = !row.path.endsWith('404.html') && !row.path.includes('/embed/');
        const categories: (keyof Scores)[] = indexable
          ? ['performance', 'accessibility', 'best-practices', 'seo']
          : ['performance', 'accessibility', 'best-practices'];
        const { scores, failing, fcpMs, metrics } = await lh.audit(
          preview.origin + row.path,
          categories,
        );
        Object.assign(row, scores);
        if (fcpMs !== undefined) row.fcpMs = fcpMs;
        for (const key of categories) {
          if (key !== 'performance' && (scores[key] ?? 0) < BUDGET.minScore) {
            failures.push(
              `${row.path}: ${key} ${scores[key]} (budget ${BUDGET.minScore}): ${failing.join('; ')}`,
            );
          }
        }
        // Performance: one run, or the median of `TIMING_RUNS` when the first is under the budget.
        const runs = [scores.performance ?? 0];
        // Each run under the target, with the five metrics that made its score.
        const lowRuns: string[] = [];
        const noteRun = (score: number, figures: string): void => {
          if (score < BUDGET.targetPerformance)
            lowRuns.push(`run ${runs.length} ${score}: ${figures}`);
        };
        noteRun(runs[0] ?? 0, metrics);
        const known = knownSlow(row.path);
        if ((runs[0] ?? 0) < BUDGET.minPerformance) {
          for (let i = 1; i < TIMING_RUNS; i++) {
            const again = await lh.audit(preview.origin + row.path, ['performance']);
            runs.push(again.scores.performance ?? 0);
            noteRun(again.scores.performance ?? 0, again.metrics);
          }
          row.performance = median(runs);
          row.notes.push(`perf runs ${runs.join('/')}`);
        }
        if (known !== undefined) row.notes.push(`perf not gated: ${known}`);
        else if ((row.performance ?? 0) < BUDGET.minPerformance) {
          failures.push(
            `${row.path}: performance ${row.performance} (runs ${runs.join(', ')}; budget ${BUDGET.minPerformance})`,
          );
        }
        if (lowRuns.length > 0) lowMetrics.push(`${row.path}: ${lowRuns.join('; ')}`);
        if (
          /^\/(zh\/)?widgets\/$/.test(row.path) &&
          (row.fcpMs ?? Infinity) >= BUDGET.galleryFcpMs
        ) {
          failures.push(
            `${row.path}: first contentful paint ${Math.round(row.fcpMs ?? 0)} ms (budget < ${BUDGET.galleryFcpMs} ms)`,
          );
        }
      } finally {
        await lh.close();
      }
    }
  } finally {
    preview.stop();
  }

  const cell = (n: number | undefined): string => (n === undefined ? '–' : String(n));
  const lines = [
    '| page | HTML KB | HTML gzip KB | largest inline KB | JS files | JS gzip KB | worker JS gzip KB | transfer KB | widgets | perf | FCP s | a11y | best pr. | SEO | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.path} | ${kb(r.htmlRaw)} | ${kb(r.htmlGzip)} | ${kb(r.largestInline)} | ${r.jsFiles} | ${kb(r.jsGzip)} | ${kb(r.workerGzip)} | ${kb(r.transfer)} | ${r.islands} | ${cell(r.performance)} | ${r.fcpMs === undefined ? '–' : (r.fcpMs / 1000).toFixed(1)} | ${cell(r.accessibility)} | ${cell(r['best-practices'])} | ${cell(r.seo)} | ${r.notes.join('; ')} |`,
    ),
  ];
  console.log(lines.join('\n'));
  console.log(
    `\nbudget: ${rows.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s; JS gzip max ${kb(Math.max(0, ...rows.map((r) => r.jsGzip)))} KB (budget ${kb(BUDGET.jsGzip)} KB); HTML gzip max ${kb(Math.max(0, ...rows.map((r) => r.htmlGzip)))} KB (budget ${kb(BUDGET.htmlGzip)} KB)`,
  );
  const belowTarget = rows.filter(
    (r) => r.performance !== undefined && r.performance < BUDGET.targetPerformance,
  );
  console.log(
    `performance under ${BUDGET.targetPerformance} (the target; gate ${BUDGET.minPerformance}): ${belowTarget.length === 0 ? 'none' : belowTarget.map((r) => `${r.path} ${r.performance}`).join(', ')}`,
  );
  for (const line of lowMetrics) console.log(`  ${line}`);
  for (const f of frames ?? []) {
    console.log(
      `frames: ${f.page}, zoom ${f.zoom}×: ${f.packets} packets, ${f.frames} frames, p95 ${f.p95Ms.toFixed(2)} ms, max ${f.maxMs.toFixed(2)} ms of scripting per frame (budget p95 < ${BUDGET.frameP95Ms} ms)`,
    );
  }
  if (replay)
    console.log(
      `replay: ${REPLAY_SHAPE.entries} requests over ${REPLAY_SHAPE.origins} origins, imported and replayed under four protocols in the page's worker: as a reader (warm-up ${replay.warmUpMs} ms while choosing), three files ${replay.runsMs.join(', ')} ms (budget < ${BUDGET.replayWorkerMs} ms for the first, gated); a file before any warm-up ${replay.coldMs} ms (not gated); the reader's waits ${replay.waitsMs.join(', ')} ms`,
    );
  // Gated (issue 14): no main-thread task over INPUT_TASK_BUDGET_MS of CPU time while a widget
  // recomputes; the longest task's wall time beside it (`input-latency.ts` says why).
  console.log(
    [
      '',
      `| widget | setting | input to diagram ms | longest task, CPU ms | longest task, wall ms | within ${INPUT_TASK_BUDGET_MS} ms |`,
      '| --- | --- | ---: | ---: | ---: | --- |',
      ...(latency ?? []).map(
        (r) =>
          `| ${r.widget} | ${r.setting} | ${r.updateMs ?? '> 60,000'} | ${r.longestTaskMs}${r.runs ? ` (median of ${r.runs.join(', ')})` : ''} | ${r.longestWallMs} | ${r.longestTaskMs <= INPUT_TASK_BUDGET_MS ? 'yes' : r.notGated ? `no, not gated: ${r.notGated}` : 'no'} |`,
      ),
    ].join('\n'),
  );
  mkdirSync('.budget', { recursive: true });
  writeFileSync(
    '.budget/report.json',
    JSON.stringify({ rows, frames, latency, replay, failures }, null, 2),
  );
  if (failures.length > 0) {
    console.error(`\nOver budget:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log('All pages within budget.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
