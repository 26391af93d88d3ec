/**
 * Slot chart: pure functions from a `WorkloadTimeline` to what SlotChart draws. The server's
 * workers (threaded model) or connections (event model) are stacked by state in each time bin —
 * busy, idle in keep-alive, and free up to the capacity — with the listen backlog and the refused
 * SYNs on two small tracks under them. Bins are drawn as steps: each value holds for its bin.
 */
import { nice } from 'd3-array';
import type { WorkloadTimeline } from '../../sim/workload-timeline';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { scaleTicks, type Tick, type TimeAxis } from './axis';
import { formatFixed, formatInt } from './number-format';
import { formatSeconds } from './text';

/** Which server the chart labels: worker processes (threaded) or connections (event). */
export type SlotModel = 'threaded' | 'event';

/** The stacked states, bottom to top. */
export const slotStates = ['busy', 'idle', 'free'] as const;
/** One stacked state. */
export type SlotState = (typeof slotStates)[number];

/** CSS colour of a state or track; the tokens are defined in SlotChart.svelte's styles. */
export function slotColor(state: SlotState | 'backlog' | 'drops'): string {
  return `var(--ka-slot-${state})`;
}

/** Largest `f(x)` over `xs`, and at least `floor` (a loop: no argument-count limit). */
function maxOf<T>(xs: readonly T[], f: (x: T) => number, floor = 0): number {
  let m = floor;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
}

/** One time bin (or several merged, for the table): its span and the server's state in it. */
export interface SlotBin {
  readonly startMs: number;
  readonly endMs: number;
  /** Time-averaged busy workers (event model: active connections). */
  readonly busy: number;
  /** Time-averaged workers held by idle keep-alive (event model: idle connections). */
  readonly idle: number;
  /** capacity − busy − idle (at least 0); null when the capacity is unlimited. */
  readonly free: number | null;
  /** Longest listen backlog. */
  readonly backlog: number;
  /** SYNs dropped because the backlog was full. */
  readonly synDrops: number;
}

/** The bins of a timeline, with their times and free capacity. */
export function slotBins(timeline: WorkloadTimeline): SlotBin[] {
  const { stepMs, capacity } = timeline;
  return timeline.busy.map((busy, i) => {
    const idle = timeline.idle[i] ?? 0;
    return {
      startMs: i * stepMs,
      endMs: (i + 1) * stepMs,
      busy,
      idle,
      free: capacity === null ? null : Math.max(0, capacity - busy - idle),
      backlog: timeline.backlog[i] ?? 0,
      synDrops: timeline.synDrops[i] ?? 0,
    };
  });
}

/** The bin that holds time `ms` (the last bin at or after the end; undefined when empty). */
export function slotAt(bins: readonly SlotBin[], ms: number): SlotBin | undefined {
  if (bins.length === 0) return undefined;
  const step = (bins[0] as SlotBin).endMs;
  const i = Math.floor(Math.max(0, ms) / step);
  return bins[Math.min(bins.length - 1, i)];
}

/**
 * Merges runs of `ceil(n / maxRows)` consecutive bins into one, so a table stays short: busy,
 * idle and free are averaged (the bins are equally long), the backlog is the longest, and the
 * dropped SYNs are summed. With `maxRows` or fewer bins they come back unchanged.
 */
export function mergeSlotBins(bins: readonly SlotBin[], maxRows: number): SlotBin[] {
  const k = Math.max(1, Math.ceil(bins.length / Math.max(1, Math.floor(maxRows))));
  if (k === 1) return [...bins];
  const out: SlotBin[] = [];
  for (let i = 0; i < bins.length; i += k) {
    const run = bins.slice(i, i + k);
    const mean = (f: (b: SlotBin) => number): number =>
      run.reduce((s, b) => s + f(b), 0) / run.length;
    const first = run[0] as SlotBin;
    out.push({
      startMs: first.startMs,
      endMs: (run.at(-1) as SlotBin).endMs,
      busy: mean((b) => b.busy),
      idle: mean((b) => b.idle),
      free: first.free === null ? null : mean((b) => b.free ?? 0),
      backlog: maxOf(run, (b) => b.backlog),
      synDrops: run.reduce((s, b) => s + b.synDrops, 0),
    });
  }
  return out;
}

/** What the chart's summary says, computed from the bins. */
export interface SlotStats {
  readonly durationMs: number;
  readonly stepMs: number;
  readonly capacity: number | null;
  /** Highest bin average of busy and of idle. */
  readonly peakBusy: number;
  readonly peakIdle: number;
  readonly peakBacklog: number;
  /** Dropped SYNs in all bins. */
  readonly synDrops: number;
  /**
   * The first bin in which every slot was taken: one with a backlog or dropped SYNs (connections
   * only queue once no slot is free) or whose busy + idle average is the capacity. Undefined when
   * there is none (or no capacity).
   */
  readonly firstFull?: { readonly startMs: number; readonly endMs: number };
}

/** Peaks, total refusals and when the capacity was first reached. */
export function slotStats(timeline: WorkloadTimeline): SlotStats {
  const bins = slotBins(timeline);
  const cap = timeline.capacity;
  const full =
    cap === null
      ? undefined
      : bins.find((b) => b.backlog > 0 || b.synDrops > 0 || b.busy + b.idle >= cap - 1e-9);
  return {
    durationMs: bins.length * timeline.stepMs,
    stepMs: timeline.stepMs,
    capacity: cap,
    peakBusy: maxOf(bins, (b) => b.busy),
    peakIdle: maxOf(bins, (b) => b.idle),
    peakBacklog: maxOf(bins, (b) => b.backlog),
    synDrops: bins.reduce((s, b) => s + b.synDrops, 0),
    ...(full ? { firstFull: { startMs: full.startMs, endMs: full.endMs } } : {}),
  };
}

/** Rounds a pixel coordinate to 0.01 px, keeping path strings short. */
function px(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * A step area over bins: bin i spans [xs[i], xs[i + 1]] from `lower[i]` up to `upper[i]` (pixel
 * y values). Drawn along the upper edge left to right, then back along the lower edge. The same
 * shape as d3-shape's `area` with `curveStepAfter`, written out: d3-shape is one module, shared
 * with the sweep chart's lines and symbols, so importing `area` here moved the union (3.7 KB gzip)
 * into this chunk, which the Image host loads up front (44.9 of its 45 KB; measured 2026-12-07).
 */
export function stepArea(
  xs: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): string {
  const n = upper.length;
  if (n === 0) return '';
  let d = `M${px(xs[0] as number)},${px(upper[0] as number)}`;
  for (let i = 0; i < n; i++) {
    if (i > 0) d += `V${px(upper[i] as number)}`;
    d += `H${px(xs[i + 1] as number)}`;
  }
  for (let i = n - 1; i >= 0; i--) {
    d += `V${px(lower[i] as number)}`;
    d += `H${px(xs[i] as number)}`;
  }
  return `${d}Z`;
}

/** One bar of the refused-SYNs track. */
export interface DropBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
}

/** Geometry of the slot chart at one width. */
export interface SlotLayout {
  readonly width: number;
  readonly height: number;
  /** Left and right ends of the time axis (px). */
  readonly x0: number;
  readonly x1: number;
  /** The time axis (ms), with ticks labelled in seconds. */
  readonly axis: TimeAxis;
  /** The stacked areas: top and bottom (px) and the value of the top. */
  readonly main: { readonly top: number; readonly bottom: number; readonly max: number };
  readonly yTicks: readonly Tick[];
  /** Path of each stacked state (free is empty without a capacity). */
  readonly areas: Readonly<Record<SlotState, string>>;
  /** y of the capacity line (px), or null when unlimited. */
  readonly limitY: number | null;
  /** The backlog track: its extent, the longest backlog it shows, and its step area. */
  readonly backlog: {
    readonly top: number;
    readonly bottom: number;
    readonly max: number;
    readonly path: string;
  };
  /** The refused-SYNs track: its extent, the most drops in one bin, and a bar per bin with drops. */
  readonly drops: {
    readonly top: number;
    readonly bottom: number;
    readonly max: number;
    readonly bars: readonly DropBar[];
  };
}

/** Fixed vertical layout (px): title rows, the stacked areas and the two tracks. */
const MAIN_TOP = 46;
const MAIN_HEIGHT = 150;
const BACKLOG_HEIGHT = 30;
const DROPS_HEIGHT = 14;
/**
 * A row holding a track's title above it: the title's baseline `TITLE_RISE` above the track, clear
 * of the top tick's label, which is centred on the track's top edge.
 */
const TITLE_ROW = 30;
export const TITLE_RISE = 14;
/** Left margin for the y labels, right margin. */
const LEFT = 44;
const RIGHT = 10;

/** The top of the stacked axis: a nice value with room above the capacity line for its label. */
export function slotsMax(capacity: number | null, peakStack: number): number {
  const top = Math.max(1, peakStack, capacity === null ? 0 : capacity * 1.12);
  return nice(0, top, 5)[1];
}

/**
 * Lays out the chart for a width (px): a time axis in seconds over the timeline's duration, the
 * stacked states on a linear axis from 0 to `slotsMax`, then the backlog and refused-SYN tracks,
 * each scaled to its own largest bin.
 */
export function layoutSlots(timeline: WorkloadTimeline, width: number): SlotLayout {
  const bins = slotBins(timeline);
  const n = bins.length;
  // A timeline without bins (or with an empty span) gets a 1 s axis rather than a degenerate one.
  const durationMs = n * timeline.stepMs > 0 ? n * timeline.stepMs : 1000;
  const x0 = LEFT;
  const x1 = Math.max(x0 + 1, width - RIGHT);
  const xs = Array.from({ length: n + 1 }, (_, i) => x0 + (i / Math.max(1, n)) * (x1 - x0));

  const seconds = durationMs / 1000;
  const ticks = scaleTicks(0, seconds, x0, x1, Math.max(1, Math.floor((x1 - x0) / 60))).map(
    (t) => ({ value: t.value * 1000, pos: t.pos, label: t.label }),
  );
  const axis: TimeAxis = {
    domainMs: durationMs,
    segments: [{ ms0: 0, ms1: durationMs, px0: x0, px1: x1, gap: false }],
    gaps: [],
    ticks,
  };

  const top = MAIN_TOP;
  const bottom = MAIN_TOP + MAIN_HEIGHT;
  const peakStack = maxOf(bins, (b) => b.busy + b.idle);
  const max = slotsMax(timeline.capacity, peakStack);
  const y = (v: number): number => bottom - (v / max) * (bottom - top);
  const base = bins.map(() => bottom);
  const busyTop = bins.map((b) => y(b.busy));
  const idleTop = bins.map((b) => y(b.busy + b.idle));
  const cap = timeline.capacity;
  const areas = {
    busy: stepArea(xs, base, busyTop),
    idle: stepArea(xs, busyTop, idleTop),
    free:
      cap === null
        ? ''
        : stepArea(
            xs,
            idleTop,
            bins.map((b) => y(Math.max(cap, b.busy + b.idle))),
          ),
  };
  const yTicks = scaleTicks(0, max, bottom, top, 5).filter((t) => Number.isInteger(t.value));

  const backlogTop = bottom + TITLE_ROW;
  const backlogBottom = backlogTop + BACKLOG_HEIGHT;
  const backlogMax = maxOf(bins, (b) => b.backlog, 1);
  const by = (v: number): number => backlogBottom - (v / backlogMax) * BACKLOG_HEIGHT;
  const backlogPath = stepArea(
    xs,
    bins.map(() => backlogBottom),
    bins.map((b) => by(b.backlog)),
  );

  const dropsTop = backlogBottom + TITLE_ROW;
  const dropsBottom = dropsTop + DROPS_HEIGHT;
  const dropsMax = maxOf(bins, (b) => b.synDrops, 1);
  const bars: DropBar[] = [];
  bins.forEach((b, i) => {
    if (b.synDrops <= 0) return;
    const h = Math.max(2, (b.synDrops / dropsMax) * DROPS_HEIGHT);
    const xa = xs[i] as number;
    bars.push({
      x: px(xa),
      y: px(dropsBottom - h),
      width: px(Math.max(1, (xs[i + 1] as number) - xa)),
      height: px(h),
      count: b.synDrops,
    });
  });

  return {
    width,
    height: dropsBottom + 6,
    x0,
    x1,
    axis,
    main: { top, bottom, max },
    yTicks,
    areas,
    limitY: cap === null ? null : y(cap),
    backlog: { top: backlogTop, bottom: backlogBottom, max: backlogMax, path: backlogPath },
    drops: { top: dropsTop, bottom: dropsBottom, max: dropsMax, bars },
  };
}

/** A time-averaged count in text: whole numbers as they are, others to one decimal. */
export function formatCount(v: number): string {
  return formatFixed(v, 1);
}

/**
 * The chart in a sentence, for its accessible name: the duration, the peaks of busy and idle, when
 * the capacity was first reached (if it was) and how many SYNs were refused.
 */
export function slotSummary(timeline: WorkloadTimeline, model: SlotModel, lang: Lang): string {
  const d = ui(lang).views.slots;
  const s = slotStats(timeline);
  const limit =
    s.capacity === null
      ? d.unlimited[model]
      : s.firstFull
        ? fill(d.reached[model], {
            n: formatInt(s.capacity),
            from: formatSeconds(s.firstFull.startMs, lang),
            to: formatSeconds(s.firstFull.endMs, lang),
          })
        : fill(d.notReached[model], { n: formatInt(s.capacity) });
  const refused =
    s.synDrops === 0
      ? d.refused.zero
      : fill(s.synDrops === 1 ? d.refused.one : d.refused.other, { n: formatInt(s.synDrops) });
  return fill(d.summary[model], {
    duration: formatSeconds(s.durationMs, lang),
    busy: formatCount(s.peakBusy),
    idle: formatCount(s.peakIdle),
    step: formatSeconds(s.stepMs, lang),
    limit,
    refused,
  });
}

/** The values of one bin at the playback cursor: "At 12.5 s: busy 140, idle 10, ...". */
export function slotReadout(bin: SlotBin, timeMs: number, model: SlotModel, lang: Lang): string {
  const v = ui(lang).views;
  const d = v.slots;
  const item = (name: string, value: string): string => fill(d.value, { name, v: value });
  const values = [
    item(d.short.busy[model], formatCount(bin.busy)),
    item(d.short.idle, formatCount(bin.idle)),
    ...(bin.free === null ? [] : [item(d.short.free, formatCount(bin.free))]),
    item(d.short.backlog, formatInt(bin.backlog)),
    item(d.short.drops, formatInt(bin.synDrops)),
  ];
  return fill(d.at, { time: formatSeconds(timeMs, lang), values: values.join(v.listSep) });
}
