/**
 * Time axes of the views: ticks (d3-array's `ticks` and `tickStep`, labels as d3-scale's
 * `tickFormat` makes them), the millisecond format, and a broken axis that collapses long quiet
 * gaps to a fixed size.
 */
import { tickStep, ticks as roundTicks } from 'd3-array';
import { formatFixed } from './number-format';

/** One tick of a time axis: its value (ms), its pixel position and its label. */
export interface Tick {
  readonly value: number;
  readonly pos: number;
  readonly label: string;
}

/** Formats milliseconds with one decimal only when needed: 12 → "12", 12.34 → "12.3", 1500 → "1,500". */
export function formatMs(ms: number): string {
  return formatFixed(ms, 1);
}

/** A stretch of a time axis: linear from [ms0, ms1] to [px0, px1], or a collapsed gap. */
export interface TimeSegment {
  readonly ms0: number;
  readonly ms1: number;
  readonly px0: number;
  readonly px1: number;
  /** True when this stretch is a long quiet gap drawn at a fixed small size. */
  readonly gap: boolean;
}

/** A time axis that may collapse long quiet gaps (a "broken" axis). */
export interface TimeAxis {
  readonly domainMs: number;
  readonly segments: readonly TimeSegment[];
  /** The collapsed gaps (a subset of `segments`). */
  readonly gaps: readonly TimeSegment[];
  readonly ticks: readonly Tick[];
}

/** Options for `timeAxis`. */
export interface TimeAxisOptions {
  /** Busy intervals [startMs, endMs]; quiet gaps between them may be collapsed. */
  readonly busy?: readonly (readonly [number, number])[];
  /** Only gaps at least this long collapse (default 1000 ms). */
  readonly minGapMs?: number;
  /** Size of a collapsed gap in px (default 28). */
  readonly gapPx?: number;
  /** About one tick per this many px (default 60). */
  readonly spacing?: number;
  /**
   * Width of a label character in px, so labels of a horizontal axis do not overlap (default
   * 6.5); 0 for a vertical axis, where labels only need 14 px of height.
   */
  readonly charWidth?: number;
}

/**
 * Ticks of the linear map [d0, d1] → [r0, r1] (d0 < d1), as d3-scale's `scaleLinear` computes
 * them: values from d3-array's `ticks` and `tickStep`, positions `r0 * (1 - t) + r1 * t`, and
 * labels in `,~f` with the precision of the tick step (its `tickFormat`). The map itself is
 * written out because `scaleLinear` brings d3-interpolate and d3-color (about 13 KB) into the
 * browser for a numbers-only axis.
 */
export function scaleTicks(
  d0: number,
  d1: number,
  r0: number,
  r1: number,
  count: number,
): { value: number; pos: number; label: string }[] {
  const span = d1 - d0;
  const step = Math.abs(tickStep(d0, d1, count));
  const exponent = Number(step.toExponential().split('e')[1]);
  const precision = Number.isFinite(exponent) ? Math.max(0, -exponent) : 6;
  return roundTicks(d0, d1, count).map((value) => {
    const t = span ? (value - d0) / span : 0.5;
    return { value, pos: r0 * (1 - t) + r1 * t, label: formatFixed(value, precision) };
  });
}

/**
 * The quiet gaps worth collapsing: between merged busy intervals (and after the last one, up to
 * `domainMs`), longest first, a gap collapses while it is at least `minGapMs` long and longer
 * than half of the time that would remain on the axis without it (so it would take more than a
 * third of the axis). Returned sorted by start.
 */
export function collapsibleGaps(
  busy: readonly (readonly [number, number])[],
  domainMs: number,
  minGapMs = 1000,
): [number, number][] {
  const sorted = [...busy].filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  const gaps: [number, number][] = [];
  let cursor = 0;
  for (const [a, b] of sorted) {
    if (a > cursor) gaps.push([cursor, Math.min(a, domainMs)]);
    cursor = Math.max(cursor, b);
  }
  if (sorted.length > 0 && domainMs > cursor) gaps.push([cursor, domainMs]);
  const chosen: [number, number][] = [];
  let remaining = domainMs;
  for (const g of gaps.sort((x, y) => y[1] - y[0] - (x[1] - x[0]))) {
    const len = g[1] - g[0];
    if (len < minGapMs || len <= 0.5 * (remaining - len)) break;
    chosen.push(g);
    remaining -= len;
  }
  return chosen.sort((x, y) => x[0] - y[0]);
}

/**
 * A time axis from [0, domainMs] onto [start, end] px, with long quiet gaps collapsed to `gapPx`
 * each (see `collapsibleGaps`); without `busy` it is a plain linear axis.
 */
export function timeAxis(
  domainMs: number,
  start: number,
  end: number,
  options: TimeAxisOptions = {},
): TimeAxis {
  const domain = Math.max(1, domainMs);
  const spacing = options.spacing ?? 60;
  const charWidth = options.charWidth ?? 6.5;
  const gaps = options.busy ? collapsibleGaps(options.busy, domain, options.minGapMs) : [];
  const range = end - start;
  const gapPx = Math.min(options.gapPx ?? 28, (0.4 * Math.abs(range)) / Math.max(1, gaps.length));
  const sign = range >= 0 ? 1 : -1;
  const gapTotal = gaps.reduce((s, [a, b]) => s + (b - a), 0);
  const linearMs = Math.max(1e-9, domain - gapTotal);
  const linearPx = range - sign * gapPx * gaps.length;
  const segments: TimeSegment[] = [];
  let ms = 0;
  let px = start;
  const linear = (to: number): void => {
    if (to <= ms) return;
    const next = px + ((to - ms) * linearPx) / linearMs;
    segments.push({ ms0: ms, ms1: to, px0: px, px1: next, gap: false });
    ms = to;
    px = next;
  };
  for (const [a, b] of gaps) {
    linear(a);
    segments.push({ ms0: a, ms1: b, px0: px, px1: px + sign * gapPx, gap: true });
    ms = b;
    px += sign * gapPx;
  }
  linear(domain);
  if (segments.length === 0)
    segments.push({ ms0: 0, ms1: domain, px0: start, px1: end, gap: false });
  const ticks: Tick[] = [];
  for (const s of segments) {
    if (s.gap) continue;
    const count = Math.max(1, Math.floor(Math.abs(s.px1 - s.px0) / spacing));
    for (const { value, pos, label } of scaleTicks(s.ms0, s.ms1, s.px0, s.px1, count)) {
      const prev = ticks[ticks.length - 1];
      const room =
        charWidth > 0 && prev ? ((prev.label.length + label.length) * charWidth) / 2 + 6 : 14;
      if (prev && Math.abs(pos - prev.pos) < Math.max(spacing / 2, room)) continue;
      ticks.push({ value, pos, label });
    }
  }
  return { domainMs: domain, segments, gaps: segments.filter((s) => s.gap), ticks };
}

/** Position of a time on an axis (clamped to the domain). */
export function axisPos(axis: TimeAxis, ms: number): number {
  const segs = axis.segments;
  const m = Math.min(Math.max(ms, 0), axis.domainMs);
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((segs[mid] as TimeSegment).ms0 <= m) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo] as TimeSegment;
  if (s.ms1 === s.ms0) return s.px0;
  return s.px0 + ((m - s.ms0) * (s.px1 - s.px0)) / (s.ms1 - s.ms0);
}
