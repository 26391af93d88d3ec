/**
 * Input-latency budget (issue 14): for every widget, on its embed page, at its default values
 * and at its heaviest allowed values (every number at its schema's maximum, through the URL),
 * changes one number and measures, in the page, (a) the time from the input to the updated
 * diagram (the widget's element loses `data-ka-computing`, set while its runs compute in the
 * worker) and (b) the longest main-thread task meanwhile, from a Chromium trace of the page's
 * renderer: its main thread's tasks with their wall time (`dur`) and the CPU time the thread
 * spent in them (`tdur`). Budget: no task over 50 ms of main-thread CPU time
 * (`INPUT_TASK_BUDGET_MS`); the wall time is printed beside it. Why CPU time: on the project's
 * two-core machine the main thread is descheduled for most of a long task's wall time while the
 * simulation worker, the raster threads, the browser process and this script run on the same two
 * cores (on 2026-12-06, the Multiplexing at its heaviest values: tasks of 27 to 64 ms wall were 7
 * to 27 ms of CPU), so the wall time measured the machine's load more than the page's work, and
 * the same code passed or failed by chance.
 * What keeps it there: the trace comes from the worker in parts, each read in its own task; the
 * runs of one update are shown together in a task of their own; and each ladder, waterfall and
 * metrics strip lays out a new trace in its own task (`views/deferred.svelte.ts`).
 */
import type { Browser } from '@playwright/test';
import type { ParamSchema } from '../../src/components/controls/params';
import { widgetParams, type WidgetName } from '../../src/components/widgets/schemas';

/** The longest main-thread task allowed while a widget recomputes (ms). */
export const INPUT_TASK_BUDGET_MS = 50;

/** How long a recompute is awaited (ms). */
const WAIT_MS = 60_000;

export interface LatencyRow {
  widget: WidgetName;
  setting: 'default' | 'heaviest';
  /** Input to updated diagram (ms); undefined: still computing after `WAIT_MS`. */
  updateMs: number | undefined;
  /** CPU time of the longest main-thread task while the widget recomputed and redrew (ms). */
  longestTaskMs: number;
  /** Wall time of the longest main-thread task meanwhile (ms; not gated). */
  longestWallMs: number;
  /** When over budget at first: the longest task of each run (the median counts). */
  runs?: number[];
  /** Printed but not gated (`KNOWN_SLOW_INPUT` in `run.ts`): why. */
  notGated?: string;
}

/** Trace categories with the renderer's top-level tasks (`toplevel`) and the thread names. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline'];

/** A complete event of a Chromium trace (times in µs; `tdur`: the thread's CPU time). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A main-thread task: wall time and the thread's CPU time in it (ms). */
export interface TaskTime {
  wallMs: number;
  cpuMs: number;
}

/** Names of a renderer thread's top-level task events (the second nests in the first). */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The top-level tasks of the renderer main thread that was busiest in a trace (the page's: a
 * blank tab's renderer does next to nothing), each counted once (nested task events skipped).
 */
export function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): TaskTime[] {
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace.traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || !mains.has(key)) continue;
    const events = byThread.get(key);
    if (events) events.push(e);
    else byThread.set(key, [e]);
  }
  let best: TaskTime[] = [];
  let bestWall = -1;
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const tasks: TaskTime[] = [];
    let end = -Infinity;
    for (const e of events) {
      if (e.ts < end) continue; // inside the task before it
      end = e.ts + (e.dur ?? 0);
      tasks.push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 });
    }
    const wall = tasks.reduce((sum, t) => sum + t.wallMs, 0);
    if (wall > bestWall) [best, bestWall] = [tasks, wall];
  }
  return best;
}

/** The URL query with every number of the schema at its maximum. */
function heaviestQuery(schema: ParamSchema): string {
  const q = new URLSearchParams();
  for (const p of schema) if (p.type === 'number') q.set(p.key, String(p.max));
  return `?${q.toString()}`;
}

/** One widget at its defaults or its heaviest values. */
export async function measureLatency(
  browser: Browser,
  origin: string,
  widget: WidgetName,
  heaviest: boolean,
): Promise<LatencyRow> {
  const schema = widgetParams[widget].schema as ParamSchema;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let tracing = false;
  try {
    await page.goto(`${origin}/embed/${widget}/${heaviest ? heaviestQuery(schema) : ''}`);
    await page.waitForFunction(
      () => {
        const island = document.querySelector('[data-ka-widget]');
        return island !== null && !island.hasAttribute('data-ka-pending');
      },
      undefined,
      { timeout: 180_000, polling: 50 },
    );
    await page.waitForTimeout(300);
    // The widget's first number box, one step down from its value (up when at its minimum).
    const target = page.locator('.ka-live input[type="number"]').first();
    const value = await target.evaluate((el: HTMLInputElement) => {
      const step = Number(el.step) || 1;
      const v = Number(el.value);
      return v - step >= Number(el.min) ? v - step : v + step;
    });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    const t0 = Date.now();
    await target.fill(String(value));
    await target.press('Enter');
    let updateMs: number | undefined;
    try {
      await page.waitForFunction(
        () => !document.querySelector('[data-ka-widget]')?.hasAttribute('data-ka-computing'),
        undefined,
        { timeout: WAIT_MS, polling: 20 },
      );
      updateMs = Date.now() - t0;
    } catch {
      // The Image host's heaviest workload computes for minutes in the worker; its main-thread
      // tasks so far are still measured.
      updateMs = undefined;
    }
    // Let the redraw that follows the result land before reading the tasks.
    await page.waitForTimeout(300);
    tracing = false;
    const tasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()));
    return {
      widget,
      setting: heaviest ? 'heaviest' : 'default',
      updateMs,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
      longestWallMs: Math.round(Math.max(0, ...tasks.map((t) => t.wallMs))),
    };
  } finally {
    // A failure while tracing must not leave the browser unable to trace the next widget.
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close();
  }
}

/** Every widget at its defaults and at its heaviest values. */
export async function measureInputLatency(browser: Browser, origin: string): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const widget of Object.keys(widgetParams) as WidgetName[]) {
    for (const heaviest of [false, true])
      rows.push(await measureLatency(browser, origin, widget, heaviest));
  }
  return rows;
}
