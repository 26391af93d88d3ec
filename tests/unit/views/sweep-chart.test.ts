import { describe, expect, it } from 'vitest';
import type { SweepRow } from '../../../src/sim/sweep';
import {
  formatTimeout,
  layoutSweep,
  markerPath,
  seriesStyle,
  sortedRows,
  sweepSummary,
  type SweepSeries,
} from '../../../src/components/views/sweep-chart';

/** A sweep row with the fields the chart reads; every other metric is 0. */
function row(keepAliveTimeoutMs: number, throughputPerSec: number, p95: number): SweepRow {
  return {
    keepAliveTimeoutMs,
    durationMs: 60_000,
    clients: 0,
    requestsIssued: 0,
    requestsCompleted: 0,
    requestsFailed: 0,
    throughputPerSec,
    meanWorkersBusy: 0,
    meanWorkersIdle: 0,
    peakWorkersBusy: 0,
    peakWorkersIdle: 0,
    peakWorkers: 0,
    refused: 0,
    synDrops: 0,
    queueingDelayMs: { mean: 0, p95: 0 },
    peakBacklog: 0,
    latencyMs: { mean: 0, p50: 0, p95, p99: 0 },
    timeWaitPeak: 0,
    timeWaitMean: 0,
    fdsPeak: 0,
    memoryPeakBytes: 0,
    memoryMeanBytes: 0,
  };
}

// Series "K = 1" given out of order (15 s, 0, 5 s); "K = 30" at 0 and 15 s.
const series: SweepSeries[] = [
  { key: 'k1', label: 'K = 1', rows: [row(15000, 40, 2500), row(0, 50, 300), row(5000, 48, 800)] },
  { key: 'k30', label: 'K = 30', rows: [row(0, 20, 150), row(15000, 20.5, 400)] },
];

describe('seriesStyle and markerPath', () => {
  it('seriesStyle gives each series its own colour, marker and dash', () => {
    expect([seriesStyle(0), seriesStyle(1), seriesStyle(4)]).toEqual([
      { color: 'var(--ka-c1)', marker: 'circle', dash: '' },
      { color: 'var(--ka-c2)', marker: 'square', dash: '6 3' },
      { color: 'var(--ka-c5)', marker: 'circle', dash: '' },
    ]);
  });
  // Each marker has the area of a circle of radius 4, 16π ≈ 50.27 px², at (0, 0), to 0.01 px.
  // Square: side √(16π) = 7.09. Triangle (d3: apex up, centroid at 0): y = √(16π / (3√3)) =
  // 3.11, apex at −2y, base corners at ±√3·y = ±5.39. Diamond (d3: a rhombus of 30° tangent):
  // half-height √(16π / (2 tan 30°)) = 6.6, half-width 6.6 · tan 30° = 3.81.
  it.each([
    { marker: 'circle', d: 'M4,0A4,4,0,1,1,-4,0A4,4,0,1,1,4,0' },
    { marker: 'square', d: 'M-3.54,-3.54h7.09v7.09h-7.09Z' },
    { marker: 'triangle', d: 'M0,-6.22L5.39,3.11L-5.39,3.11Z' },
    { marker: 'diamond', d: 'M0,-6.6L3.81,0L0,6.6L-3.81,0Z' },
  ] as const)('markerPath draws a $marker of the area of a radius-4 circle', ({ marker, d }) => {
    expect(markerPath(marker)).toBe(d);
  });
});

describe('sortedRows', () => {
  it('sortedRows orders rows by timeout without touching the input', () => {
    const rows = series[0]!.rows;
    expect(sortedRows(rows).map((r) => r.keepAliveTimeoutMs)).toEqual([0, 5000, 15000]);
    expect(rows.map((r) => r.keepAliveTimeoutMs)).toEqual([15000, 0, 5000]);
  });
});

describe('layoutSweep', () => {
  // Width 262: x runs 48–248 px over 0–15 s. Throughput up to 50 → nice(0, 50, 3) = 60, over
  // 134–24 px: y = 134 − 110 v / 60. p95 up to 2,500 ms, so seconds: nice(0, 2.5, 3) = 3 s, over
  // 282–172 px: y = 282 − 110 ms / 3000.
  const layout = layoutSweep(series, 262);
  it('layoutSweep shares a 0–15 s timeout axis between the panels', () => {
    expect(layout.xMaxS).toBe(15);
    expect(layout.xTicks.map((t) => t.label)).toEqual(['0', '5', '10', '15']);
    const expected = [48, 48 + 200 / 3, 48 + 400 / 3, 248];
    layout.xTicks.forEach((t, i) => expect(t.pos).toBeCloseTo(expected[i]!, 9));
  });
  it('layoutSweep scales throughput to 0–60 and p95 latency to 0–3 s', () => {
    expect(layout.throughput).toMatchObject({ top: 24, bottom: 134, max: 60 });
    expect(layout.throughput.ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60']);
    expect(layout.latency).toMatchObject({ top: 172, bottom: 282, max: 3, unit: 's' });
    expect(layout.latency.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    expect(layout.rows).toEqual({
      throughputTitle: 14,
      latencyTitle: 162,
      xLabels: 296,
      xTitle: 314,
      xNote: 328,
    });
    expect(layout.height).toBe(334);
  });
  it('layoutSweep draws each series through its points in timeout order', () => {
    const [k1, k30] = layout.lines;
    expect(k1!.throughputPath).toBe('M48,42.33L114.67,46L248,60.67');
    expect(k1!.latencyPath).toBe('M48,271L114.67,252.67L248,190.33');
    expect(k30!.throughputPath).toBe('M48,97.33L248,96.42');
    expect(k30!.latencyPath).toBe('M48,276.5L248,267.33');
    expect(k30!.style.marker).toBe('square');
  });
  it('layoutSweep keeps latency in ms when every p95 is under a second', () => {
    const fast = layoutSweep(
      [{ key: 'a', label: 'a', rows: [row(0, 10, 120), row(5000, 12, 800)] }],
      262,
    );
    expect(fast.latency).toMatchObject({ max: 800, unit: 'ms' });
  });
  it('layoutSweep of no rows still draws empty panels on a 0–1 s axis', () => {
    const empty = layoutSweep([{ key: 'a', label: 'a', rows: [] }], 262);
    expect([empty.xMaxS, empty.throughput.max, empty.latency.max]).toEqual([1, 1, 10]);
    expect(empty.lines[0]!.throughputPath).toBe('');
  });
});

describe('sweepSummary', () => {
  it('sweepSummary compares the shortest and longest timeout of each series, in English', () => {
    expect(sweepSummary(series, 'en')).toBe(
      'Throughput and p95 latency by server keep-alive timeout. K = 1: at a timeout of 0 s (keep-alive off), throughput 50 requests/s and p95 latency 300 ms; at 15 s, 40 requests/s and 2.5 s. K = 30: at a timeout of 0 s (keep-alive off), throughput 20 requests/s and p95 latency 150 ms; at 15 s, 20.5 requests/s and 400 ms.',
    );
  });
  it('sweepSummary in Chinese, with the rows still pending', () => {
    expect(sweepSummary(series, 'zh', 2)).toBe(
      '吞吐量与 p95 延迟随服务器 keep-alive 超时的变化。K = 1：超时 0 s（关闭 keep-alive），吞吐量 50 请求/秒，p95 延迟 300 ms；超时 15 s，吞吐量 40 请求/秒，p95 延迟 2.5 s。K = 30：超时 0 s（关闭 keep-alive），吞吐量 20 请求/秒，p95 延迟 150 ms；超时 15 s，吞吐量 20.5 请求/秒，p95 延迟 400 ms。还有 2 个超时值正在计算。',
    );
  });
  it('sweepSummary of a single row, and of none yet', () => {
    const one: SweepSeries[] = [{ key: 'a', label: 'K = 1', rows: [row(5000, 12.25, 1500)] }];
    expect(sweepSummary(one, 'en', 1)).toBe(
      'Throughput and p95 latency by server keep-alive timeout. K = 1: at a timeout of 5 s, throughput 12.3 requests/s and p95 latency 1.5 s. 1 more timeout is still being computed.',
    );
    expect(sweepSummary([{ key: 'a', label: 'a', rows: [] }], 'en')).toBe('No results yet.');
  });
  it('formatTimeout names 0 as keep-alive off', () => {
    expect([formatTimeout(0, 'en'), formatTimeout(75000, 'zh')]).toEqual([
      '0 s (keep-alive off)',
      '75 s',
    ]);
  });
});
