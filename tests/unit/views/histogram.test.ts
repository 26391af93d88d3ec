import { describe, expect, it } from 'vitest';
import {
  histogramBins,
  histogramDomain,
  histogramSummary,
  layoutHistogram,
  logBinIndex,
  logEdge,
  logScale,
  logTicks,
  tickLabelPlace,
} from '../../../src/components/views/histogram';
import { formatDuration, formatSeconds } from '../../../src/components/views/text';

/** Bins as "k:count" pairs, for short expectations. */
const counts = (bins: { k: number; count: number }[]): string[] =>
  bins.map((b) => `${b.k}:${b.count}`);

describe('logEdge and logBinIndex', () => {
  it('logEdge of whole decades is exact: 100 ms and 1,000 ms open bins 20 and 30', () => {
    expect([logEdge(20), logEdge(30), logEdge(-30)]).toEqual([100, 1000, 0.001]);
    expect(logEdge(5, 2)).toBeCloseTo(316.2278, 4);
  });
  it('logBinIndex puts a value on an edge in the bin it opens', () => {
    expect([logBinIndex(100), logBinIndex(1000), logBinIndex(10, 1), logBinIndex(1000, 1)]).toEqual(
      [20, 30, 1, 3],
    );
    for (let k = -30; k <= 60; k++) expect(logBinIndex(logEdge(k))).toBe(k);
  });
  it('logBinIndex puts 125 ms (below 10^2.1 = 125.9) in bin 20 and 126 ms in bin 21', () => {
    expect([logBinIndex(125), logBinIndex(126)]).toEqual([20, 21]);
  });
  it('logBinIndex counts 0 (and anything under 1 µs) in the bin of 1 µs', () => {
    expect([logBinIndex(0), logBinIndex(-5), logBinIndex(0.001)]).toEqual([-30, -30, -30]);
  });
});

describe('histogramBins', () => {
  it('histogramBins with one bin per decade: 50 | 100, 150, 999 | 1000, 5000', () => {
    const bins = histogramBins([50, 100, 150, 999, 1000, 5000], 1);
    expect(bins).toEqual([
      { k: 1, lo: 10, hi: 100, count: 1 },
      { k: 2, lo: 100, hi: 1000, count: 3 },
      { k: 3, lo: 1000, hi: 10000, count: 2 },
    ]);
  });
  it('histogramBins with two per decade splits at 10^2.5 = 316.23 ms', () => {
    const bins = histogramBins([100, 200, 316, 317, 1000, 3000, 3200], 2);
    expect(counts(bins)).toEqual(['4:3', '5:1', '6:2', '7:1']);
    expect(bins[1]!.lo).toBeCloseTo(316.2278, 4);
  });
  it('histogramBins keeps the empty bins between the smallest and largest value', () => {
    // 100 and 110 in [100, 125.9), 130 in [125.9, 158.5), 1000 in bin 30.
    expect(counts(histogramBins([100, 110, 130, 1000]))).toEqual([
      '20:2',
      '21:1',
      '22:0',
      '23:0',
      '24:0',
      '25:0',
      '26:0',
      '27:0',
      '28:0',
      '29:0',
      '30:1',
    ]);
  });
  it('histogramBins of nothing is empty', () => {
    expect(histogramBins([])).toEqual([]);
    expect(histogramBins(new Float64Array(0))).toEqual([]);
  });
  it('histogramBins of a single value is one bin: 250 ms in [10^2.3, 10^2.4)', () => {
    const [bin, ...rest] = histogramBins([250]);
    expect(rest).toEqual([]);
    expect(bin).toMatchObject({ k: 23, count: 1 });
    expect(bin!.lo).toBeCloseTo(199.526, 3);
    expect(bin!.hi).toBeCloseTo(251.189, 3);
  });
  it('histogramBins of equal values is one bin holding them all', () => {
    expect(counts(histogramBins(Float64Array.of(300, 300, 300)))).toEqual(['24:3']);
  });
  it('histogramBins skips values that are not finite', () => {
    expect(counts(histogramBins([100, Number.NaN, Number.POSITIVE_INFINITY], 1))).toEqual(['2:1']);
  });
});

describe('histogramDomain and logScale', () => {
  it('histogramDomain widens one bin to a decade: 4 empty bins before, 5 after', () => {
    const [lo, hi] = histogramDomain(histogramBins([250]))!;
    expect(lo).toBeCloseTo(10 ** 1.9, 9);
    expect(hi).toBeCloseTo(10 ** 2.9, 9);
  });
  it('histogramDomain keeps the outer edges of bins spanning a decade or more', () => {
    expect(histogramDomain(histogramBins([50, 5000], 1), 1)).toEqual([10, 10000]);
    expect(histogramDomain([])).toBeUndefined();
  });
  it('logScale maps each decade of [100, 10,000] ms onto half of [0, 200] px', () => {
    const x = logScale([100, 10000], 0, 200);
    expect([x(100), x(1000), x(10000)]).toEqual([0, 100, 200]);
    expect(x(500)).toBeCloseTo(100 * Math.log10(5), 9);
  });
});

describe('logTicks', () => {
  it('logTicks keeps powers of ten first, then fives and twos that leave room for labels', () => {
    // On 0–200 px, 500 is 30.1 px from 1000 (needs (3 + 4) × 3.25 + 6 = 28.75): kept; 5000 is
    // 30.1 px from 10000 (needs 35.25): dropped; 200 is 30.1 px from 100 (needs 25.5): kept;
    // 2000 is 30.1 px from 1000 (needs 32): dropped.
    const x = logScale([100, 10000], 0, 200);
    expect(logTicks([100, 10000], x, String).map((t) => t.value)).toEqual([
      100, 200, 500, 1000, 10000,
    ]);
  });
  it('logTicks handles sub-millisecond decades exactly', () => {
    const x = logScale([0.01, 1], 0, 400);
    expect(logTicks([0.01, 1], x, String).map((t) => t.value)).toEqual([
      0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
    ]);
  });
});

describe('tickLabelPlace', () => {
  it('tickLabelPlace centres a label that fits and pins one that would cross an edge', () => {
    // "100 s" is 5 × 6.5 = 32.5 px wide: centred at 200 it spans 183.75–216.25.
    expect(tickLabelPlace(200, '100 s', 300)).toEqual({ x: 200, anchor: 'middle' });
    expect(tickLabelPlace(288, '100 s', 300)).toEqual({ x: 299, anchor: 'end' });
    expect(tickLabelPlace(10, '100 ms', 300)).toEqual({ x: 1, anchor: 'start' });
  });
});

describe('layoutHistogram', () => {
  // One bin per decade, [100, 10,000] ms on 40–288 px (124 px per decade); counts 3 and 1, so the
  // count axis runs 0–3 over 190–50 px (three label rows of 14 px under a 14 px title row).
  const layout = layoutHistogram([100, 100, 200, 1000], 300, 'en', [50, 95, 99], 1)!;
  it('layoutHistogram draws a bar per non-empty bin, 1 px apart', () => {
    expect(layout.domain).toEqual([100, 10000]);
    expect({ top: layout.top, bottom: layout.bottom, yMax: layout.yMax }).toEqual({
      top: 64,
      bottom: 204,
      yMax: 3,
    });
    expect(layout.bars.map(({ x, y, width, height }) => ({ x, y, width, height }))).toEqual([
      { x: 40.5, y: 64, width: 123, height: 140 },
      { x: 164.5, y: 157.33, width: 123, height: 46.67 },
    ]);
  });
  it('layoutHistogram labels counts with integers only and time in ms or s', () => {
    expect(layout.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    // 100 ms, 1 s and 10 s at 40, 164 and 288 px; 500 ms, 2 s and 5 s fit between; 200 ms does
    // not (37.3 px from "100 ms", which needs (6 + 6) × 3.25 + 6 = 45 px).
    expect(layout.xTicks.map((t) => t.label)).toEqual([
      '100 ms',
      '500 ms',
      '1 s',
      '2 s',
      '5 s',
      '10 s',
    ]);
  });
  it('layoutHistogram marks nearest-rank percentiles, one label row each', () => {
    // Ranks: p50 → ceil(2) = 2nd (100 ms), p95 → ceil(3.8) = 4th (1,000 ms), p99 → 4th.
    expect(layout.marks).toEqual([
      { p: 50, valueMs: 100, x: 40, row: 0, labelY: 26, label: 'p50 100 ms' },
      { p: 95, valueMs: 1000, x: 164, row: 1, labelY: 40, label: 'p95 1 s' },
      { p: 99, valueMs: 1000, x: 164, row: 2, labelY: 54, label: 'p99 1 s' },
    ]);
  });
  it('layoutHistogram without marks starts the plot under the title row', () => {
    expect(layoutHistogram([100], 300, 'en', [], 1)!.top).toBe(22);
  });
  it('layoutHistogram of no latencies is undefined', () => {
    expect(layoutHistogram([], 300, 'en')).toBeUndefined();
  });
});

describe('histogramSummary', () => {
  it('histogramSummary gives count, percentiles and extremes in both languages', () => {
    const sorted = [100, 100, 200, 1000, 12345];
    // p50 → 3rd (200), p95 and p99 → 5th (12,345).
    expect(histogramSummary(sorted, 'en')).toBe(
      'Response times of 5 requests: median 200 ms, 95th percentile 12.3 s, 99th percentile 12.3 s; fastest 100 ms, slowest 12.3 s.',
    );
    expect(histogramSummary(sorted, 'zh')).toBe(
      '5 个请求的响应时间：中位数 200 ms，第 95 百分位 12.3 s，第 99 百分位 12.3 s；最快 100 ms，最慢 12.3 s。',
    );
  });
  it('histogramSummary says when no request completed', () => {
    expect(histogramSummary([], 'en')).toBe('Response times: no completed requests.');
    expect(histogramSummary([], 'zh')).toBe('响应时间分布：没有已完成的请求。');
  });
  it('histogramSummary groups thousands in the count', () => {
    expect(histogramSummary(new Float64Array(1234).fill(150), 'en')).toMatch(
      /^Response times of 1,234 requests:/,
    );
  });
});

describe('formatDuration and formatSeconds', () => {
  it('formatDuration uses ms below a second and about three digits in seconds', () => {
    expect(
      [230, 999.9, 999.96, 1000, 1234, 12345, 123456].map((ms) => formatDuration(ms, 'en')),
    ).toEqual(['230 ms', '999.9 ms', '1 s', '1 s', '1.23 s', '12.3 s', '123 s']);
  });
  it('formatSeconds keeps up to three decimals', () => {
    expect([formatSeconds(12500, 'zh'), formatSeconds(250, 'en'), formatSeconds(0, 'en')]).toEqual([
      '12.5 s',
      '0.25 s',
      '0 s',
    ]);
  });
});
