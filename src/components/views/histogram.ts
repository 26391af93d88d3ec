/**
 * Latency histogram: pure functions from response times (ms, ascending) to what LatencyHistogram
 * draws. Bins are logarithmic, `perDecade` to a power of ten, so bin k is
 * [10^(k / perDecade), 10^((k + 1) / perDecade)) ms: one round trip (100 ms) and a queued
 * request (many seconds) both get readable bars. Ticks sit at 1, 2 and 5 times powers of ten.
 */
import { nice } from 'd3-array';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { percentile } from '../../sim/percentile';
import { scaleTicks, type Tick } from './axis';
import { formatInt } from './number-format';
import { formatDuration } from './text';

/** Default bins per decade: edges 100, 126, 158, 200, 251, 316, 398, 501, 631, 794, 1,000 ms. */
export const BINS_PER_DECADE = 10;

/** Smallest value binned (1 µs, the engine's unit); smaller values count in its bin. */
export const MIN_LATENCY_MS = 0.001;

/** Lower edge (ms) of logarithmic bin k. */
export function logEdge(k: number, perDecade = BINS_PER_DECADE): number {
  return 10 ** (k / perDecade);
}

/**
 * The bin of a value: the k with logEdge(k) ≤ ms < logEdge(k + 1), found from the logarithm and
 * corrected against the edges themselves, so values on an edge (100, 1000) land in the bin the
 * edge opens whatever the rounding of `log10`.
 */
export function logBinIndex(ms: number, perDecade = BINS_PER_DECADE): number {
  const x = Math.max(MIN_LATENCY_MS, ms);
  let k = Math.floor(Math.log10(x) * perDecade);
  while (logEdge(k + 1, perDecade) <= x) k++;
  while (logEdge(k, perDecade) > x) k--;
  return k;
}

/** One bin: [lo, hi) ms and how many values fall in it. */
export interface HistogramBin {
  readonly k: number;
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/**
 * Counts values per logarithmic bin, from the bin of the smallest value to that of the largest
 * (empty bins between them included, none outside). Values that are not finite are skipped.
 */
export function histogramBins(
  values: ArrayLike<number>,
  perDecade = BINS_PER_DECADE,
): HistogramBin[] {
  const counts = new Map<number, number>();
  let kMin = Infinity;
  let kMax = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const k = logBinIndex(v, perDecade);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    kMin = Math.min(kMin, k);
    kMax = Math.max(kMax, k);
  }
  const bins: HistogramBin[] = [];
  for (let k = kMin; k <= kMax; k++) {
    bins.push({
      k,
      lo: logEdge(k, perDecade),
      hi: logEdge(k + 1, perDecade),
      count: counts.get(k) ?? 0,
    });
  }
  return bins;
}

/**
 * The axis domain [lo, hi] ms for bins: their outer edges, widened by whole empty bins on both
 * sides to at least one decade, so a single bar is not as wide as the chart and at least one
 * power of ten gets a tick. Undefined without bins.
 */
export function histogramDomain(
  bins: readonly HistogramBin[],
  perDecade = BINS_PER_DECADE,
): readonly [number, number] | undefined {
  const first = bins[0];
  const last = bins.at(-1);
  if (!first || !last) return undefined;
  const missing = Math.max(0, perDecade - (last.k - first.k + 1));
  const kLo = first.k - Math.floor(missing / 2);
  const kHi = last.k + Math.ceil(missing / 2);
  return [logEdge(kLo, perDecade), logEdge(kHi + 1, perDecade)];
}

/** Maps [lo, hi] ms logarithmically onto [x0, x1] px. */
export function logScale(
  domain: readonly [number, number],
  x0: number,
  x1: number,
): (ms: number) => number {
  const [l0, l1] = [Math.log10(domain[0]), Math.log10(domain[1])];
  const span = l1 - l0 || 1;
  return (ms) => x0 + ((Math.log10(Math.max(MIN_LATENCY_MS, ms)) - l0) / span) * (x1 - x0);
}

/**
 * Ticks of a logarithmic axis at 1, 2 and 5 times powers of ten inside the domain. Powers of ten
 * come first, then the fives, then the twos; a tick is kept only when its label leaves room
 * (half the two labels' widths plus 6 px) to every tick already kept.
 */
export function logTicks(
  domain: readonly [number, number],
  x: (ms: number) => number,
  label: (ms: number) => string,
  charWidth = 6.5,
): Tick[] {
  const [lo, hi] = domain;
  const kept: Tick[] = [];
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.ceil(Math.log10(hi));
  for (const m of [1, 5, 2]) {
    for (let e = e0; e <= e1; e++) {
      // Exact for whole and negative exponents alike: 10 ** -2 * 5 would be 0.05000000000000001.
      const value = e >= 0 ? m * 10 ** e : m / 10 ** -e;
      if (value < lo * (1 - 1e-12) || value > hi * (1 + 1e-12)) continue;
      const tick = { value, pos: x(value), label: label(value) };
      const fits = kept.every(
        (t) =>
          Math.abs(t.pos - tick.pos) >= ((t.label.length + tick.label.length) * charWidth) / 2 + 6,
      );
      if (fits) kept.push(tick);
    }
  }
  return kept.sort((a, b) => a.value - b.value);
}

/**
 * Where to draw a tick label centred on `pos` so it stays inside [0, width]: centred when it fits,
 * else flush with the edge it would cross (a label is about `charWidth` px per character).
 */
export function tickLabelPlace(
  pos: number,
  label: string,
  width: number,
  charWidth = 6.5,
): { readonly x: number; readonly anchor: 'start' | 'middle' | 'end' } {
  const half = (label.length * charWidth) / 2;
  if (pos + half > width - 1) return { x: width - 1, anchor: 'end' };
  if (pos - half < 1) return { x: 1, anchor: 'start' };
  return { x: pos, anchor: 'middle' };
}

/** A percentile line: its percent, value (ms), position and label row. */
export interface PercentileMark {
  readonly p: number;
  readonly valueMs: number;
  readonly x: number;
  /** Label row above the plot (0 = top), one per mark so labels never overlap. */
  readonly row: number;
  /** Baseline of the label (px). */
  readonly labelY: number;
  readonly label: string;
}

/** One bar of the histogram. */
export interface HistogramBar {
  readonly bin: HistogramBin;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Geometry of the histogram at one width. */
export interface HistogramLayout {
  readonly width: number;
  readonly height: number;
  readonly x0: number;
  readonly x1: number;
  /** Baseline of the count axis' title, in the first row (px). */
  readonly titleY: number;
  readonly top: number;
  readonly bottom: number;
  /** The axis domain (ms). */
  readonly domain: readonly [number, number];
  /** Top of the count axis. */
  readonly yMax: number;
  readonly bars: readonly HistogramBar[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly marks: readonly PercentileMark[];
}

/** Rounds a pixel coordinate to 0.01 px. */
function px(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Height of the title row and of each percentile label row (px); plot height; margins. */
const ROW = 14;
const PLOT_HEIGHT = 140;
const LEFT = 40;
const RIGHT = 12;

/**
 * Lays out the histogram of ascending `sorted` latencies at a width (px): bars on a log axis, a
 * count axis from 0 to a nice maximum (integer ticks), and a line per percentile in `marks`
 * (nearest rank, as the simulation's metrics), each labelled on its own row above the plot.
 * Undefined when there is nothing to draw.
 */
export function layoutHistogram(
  sorted: ArrayLike<number>,
  width: number,
  lang: Lang,
  marks: readonly number[] = [50, 95, 99],
  perDecade = BINS_PER_DECADE,
): HistogramLayout | undefined {
  const bins = histogramBins(sorted, perDecade);
  const domain = histogramDomain(bins, perDecade);
  if (!domain) return undefined;
  const x0 = LEFT;
  const x1 = Math.max(x0 + 1, width - RIGHT);
  const top = ROW + marks.length * ROW + 8;
  const bottom = top + PLOT_HEIGHT;
  const x = logScale(domain, x0, x1);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const yMax = nice(0, maxCount, 4)[1];
  const y = (c: number): number => bottom - (c / yMax) * PLOT_HEIGHT;
  const bars = bins
    .filter((b) => b.count > 0)
    .map((bin) => {
      const xa = x(bin.lo);
      return {
        bin,
        x: px(xa + 0.5),
        y: px(y(bin.count)),
        width: px(Math.max(1, x(bin.hi) - xa - 1)),
        height: px(bottom - y(bin.count)),
      };
    });
  const format = (ms: number): string => formatDuration(ms, lang);
  const label = ui(lang).views.histogram.mark;
  return {
    width,
    height: bottom + 40,
    titleY: ROW - 2,
    x0,
    x1,
    top,
    bottom,
    domain,
    yMax,
    bars,
    xTicks: logTicks(domain, x, format),
    yTicks: scaleTicks(0, yMax, bottom, top, 4).filter((t) => Number.isInteger(t.value)),
    marks: marks.map((p, row) => {
      const valueMs = percentile(sorted, p);
      return {
        p,
        valueMs,
        x: px(x(valueMs)),
        row,
        labelY: (row + 2) * ROW - 2,
        label: fill(label, { p, value: format(valueMs) }),
      };
    }),
  };
}

/** The histogram in a sentence: how many requests, median, p95, p99, fastest and slowest. */
export function histogramSummary(sorted: ArrayLike<number>, lang: Lang): string {
  const v = ui(lang).views;
  const n = sorted.length;
  if (n === 0) return v.histogram.emptySummary;
  const format = (ms: number): string => formatDuration(ms, lang);
  return fill(v.histogram.summary, {
    requests: fill(n === 1 ? v.count.requests.one : v.count.requests.other, { n: formatInt(n) }),
    p50: format(percentile(sorted, 50)),
    p95: format(percentile(sorted, 95)),
    p99: format(percentile(sorted, 99)),
    min: format(sorted[0] as number),
    max: format(sorted[n - 1] as number),
  });
}
