/**
 * Sweep chart: pure functions from keep-alive sweeps (`SweepRow`s, one series per workload) to
 * what SweepChart draws: two panels on one x axis, the server keep-alive timeout in seconds
 * (0 = keep-alive off), with throughput (completed requests/s) above and p95 latency below. Each
 * series is a line with markers, told apart by colour, marker shape and dash.
 */
import { nice } from 'd3-array';
import {
  line,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  type SymbolType,
} from 'd3-shape';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import type { SweepRow } from '../../sim/sweep';
import { scaleTicks, type Tick } from './axis';
import { connColor } from './colors';
import { formatFixed, formatInt } from './number-format';
import { formatDuration, formatSeconds } from './text';

/** One series: a workload's sweep, with a key and the label its legend shows. */
export interface SweepSeries {
  readonly key: string;
  readonly label: string;
  readonly rows: readonly SweepRow[];
}

/** Marker shapes, in series order. */
export const seriesMarkers = ['circle', 'square', 'triangle', 'diamond'] as const;
/** One marker shape. */
export type SeriesMarker = (typeof seriesMarkers)[number];
/** Line dashes (SVG `stroke-dasharray`), in series order; the first is solid. */
export const seriesDashes = ['', '6 3', '2 3', '8 3 2 3'] as const;

/** How series i is drawn: its colour, marker and dash, so colour is never the only cue. */
export interface SeriesStyle {
  readonly color: string;
  readonly marker: SeriesMarker;
  readonly dash: string;
}

/** The style of series i (0-based): connection colours, then shapes and dashes, cycling. */
export function seriesStyle(i: number): SeriesStyle {
  return {
    color: connColor(i + 1),
    marker: seriesMarkers[i % seriesMarkers.length] as SeriesMarker,
    dash: seriesDashes[i % seriesDashes.length] as string,
  };
}

/** Rounds a pixel coordinate to 0.01 px. */
function px(v: number): number {
  return Math.round(v * 100) / 100;
}

const SYMBOLS: Record<SeriesMarker, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};

/**
 * SVG path of a marker centred on (0, 0) (placed with a `translate`): d3-shape's symbol of the
 * area of a circle of radius `r`, so no shape looks heavier than another.
 */
export function markerPath(marker: SeriesMarker, r = 4): string {
  return symbol(SYMBOLS[marker], Math.PI * r * r).digits(2)() ?? '';
}

/** A series' rows in timeout order (a copy). */
export function sortedRows(rows: readonly SweepRow[]): SweepRow[] {
  return [...rows].sort((a, b) => a.keepAliveTimeoutMs - b.keepAliveTimeoutMs);
}

/** One panel: its extent (px), the top of its value axis and the ticks. */
export interface SweepPanel {
  readonly top: number;
  readonly bottom: number;
  readonly max: number;
  readonly ticks: readonly Tick[];
}

/** One point of a series. */
export interface SweepPoint {
  readonly row: SweepRow;
  readonly x: number;
  readonly yThroughput: number;
  readonly yLatency: number;
}

/** One series as drawn. */
export interface SweepLine {
  readonly key: string;
  readonly label: string;
  readonly style: SeriesStyle;
  readonly points: readonly SweepPoint[];
  readonly throughputPath: string;
  readonly latencyPath: string;
}

/** Geometry of the sweep chart at one width. */
export interface SweepLayout {
  readonly width: number;
  readonly height: number;
  readonly x0: number;
  readonly x1: number;
  /** The timeout axis (values in seconds). */
  readonly xTicks: readonly Tick[];
  readonly xMaxS: number;
  readonly throughput: SweepPanel;
  /** Latency panel; `unit` says whether its ticks are in ms or seconds. */
  readonly latency: SweepPanel & { readonly unit: 'ms' | 's' };
  /** Rows of the panel titles and of the timeout axis' labels, title and note (px). */
  readonly rows: {
    readonly throughputTitle: number;
    readonly latencyTitle: number;
    readonly xLabels: number;
    readonly xTitle: number;
    readonly xNote: number;
  };
  readonly lines: readonly SweepLine[];
}

/** Layout constants (px): margins, panel height and the rows between panels. */
const LEFT = 48;
const RIGHT = 14;
const PANEL = 110;
const TITLE = 24;
/** About this many ticks on a panel's value axis (and its nice maximum), and on the x axis. */
const PANEL_TICKS = 3;
const X_TICKS = 4;

/** A nice top for a value axis (at least `floor`). */
function niceMax(v: number, floor: number, count: number): number {
  return nice(0, Math.max(floor, v), count)[1];
}

/** A polyline through points (d3-shape's line, to 0.01 px); '' for none. */
function polyline(points: readonly (readonly [number, number])[]): string {
  return line().digits(2)(points as [number, number][]) ?? '';
}

/**
 * Lays out the chart at a width (px). The timeout axis runs from 0 to a nice maximum of the
 * largest timeout (at least 1 s); throughput runs from 0 to a nice maximum; p95 latency too, in
 * seconds when its largest value is at least 1,000 ms and in ms otherwise.
 */
export function layoutSweep(series: readonly SweepSeries[], width: number): SweepLayout {
  const all = series.flatMap((s) => s.rows);
  const x0 = LEFT;
  const x1 = Math.max(x0 + 1, width - RIGHT);
  const xMaxS = niceMax(Math.max(0, ...all.map((r) => r.keepAliveTimeoutMs)) / 1000, 1, X_TICKS);
  const xTicks = scaleTicks(0, xMaxS, x0, x1, Math.max(2, Math.floor((x1 - x0) / 50)));
  const x = (ms: number): number => x0 + (ms / 1000 / xMaxS) * (x1 - x0);

  const throughputTitle = 14;
  const tTop = throughputTitle + 10;
  const tBottom = tTop + PANEL;
  const tMax = niceMax(Math.max(0, ...all.map((r) => r.throughputPerSec)), 1, PANEL_TICKS);
  const latencyTitle = tBottom + TITLE + 4;
  const lTop = latencyTitle + 10;
  const lBottom = lTop + PANEL;
  const latencyMaxMs = Math.max(0, ...all.map((r) => r.latencyMs.p95));
  const unit = latencyMaxMs >= 1000 ? 's' : 'ms';
  const perUnit = unit === 's' ? 1000 : 1;
  const lMax = niceMax(latencyMaxMs / perUnit, unit === 's' ? 1 : 10, PANEL_TICKS);
  const yT = (v: number): number => tBottom - (v / tMax) * PANEL;
  const yL = (ms: number): number => lBottom - (ms / perUnit / lMax) * PANEL;

  const lines = series.map((s, i): SweepLine => {
    const points = sortedRows(s.rows).map((row) => ({
      row,
      x: px(x(row.keepAliveTimeoutMs)),
      yThroughput: px(yT(row.throughputPerSec)),
      yLatency: px(yL(row.latencyMs.p95)),
    }));
    return {
      key: s.key,
      label: s.label,
      style: seriesStyle(i),
      points,
      throughputPath: polyline(points.map((p) => [p.x, p.yThroughput])),
      latencyPath: polyline(points.map((p) => [p.x, p.yLatency])),
    };
  });

  const xLabels = lBottom + 14;
  const xTitle = xLabels + 18;
  const xNote = xTitle + 14;
  return {
    width,
    height: xNote + 6,
    x0,
    x1,
    xTicks,
    xMaxS,
    throughput: {
      top: tTop,
      bottom: tBottom,
      max: tMax,
      ticks: scaleTicks(0, tMax, tBottom, tTop, PANEL_TICKS),
    },
    latency: {
      top: lTop,
      bottom: lBottom,
      max: lMax,
      unit,
      ticks: scaleTicks(0, lMax, lBottom, lTop, PANEL_TICKS),
    },
    rows: { throughputTitle, latencyTitle, xLabels, xTitle, xNote },
    lines,
  };
}

/** A timeout in a sentence: "0 s (keep-alive off)", "15 s". */
export function formatTimeout(ms: number, lang: Lang): string {
  return ms === 0 ? ui(lang).views.sweep.off : formatSeconds(ms, lang);
}

/** Throughput in requests per second, to one decimal. */
export function formatThroughput(perSec: number): string {
  return formatFixed(perSec, 1);
}

/**
 * The chart in sentences, for its accessible name: per series with rows, throughput and p95
 * latency at the shortest and the longest timeout, then how many rows are still pending.
 */
export function sweepSummary(series: readonly SweepSeries[], lang: Lang, pending = 0): string {
  const v = ui(lang).views;
  const d = v.sweep;
  const sentences = series.flatMap((s) => {
    const rows = sortedRows(s.rows);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return [];
    const values = {
      label: s.label,
      from: formatTimeout(first.keepAliveTimeoutMs, lang),
      to: formatTimeout(last.keepAliveTimeoutMs, lang),
      tp0: formatThroughput(first.throughputPerSec),
      tp1: formatThroughput(last.throughputPerSec),
      l0: formatDuration(first.latencyMs.p95, lang),
      l1: formatDuration(last.latencyMs.p95, lang),
    };
    return [fill(rows.length === 1 ? d.seriesOne : d.series, values)];
  });
  const text =
    sentences.length === 0 ? d.empty : fill(d.summary, { series: sentences.join(v.sentenceSep) });
  if (pending <= 0) return text;
  const more = fill(pending === 1 ? d.pending.one : d.pending.other, { n: formatInt(pending) });
  return `${text}${v.sentenceSep}${more}`;
}
