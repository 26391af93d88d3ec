import { describe, expect, it } from 'vitest';
import { axisPos, collapsibleGaps, formatMs, timeAxis } from '../../../src/components/views/axis';

// Busy 0–100, 200–300 and 5300–5400 ms: the 5,000 ms gap collapses (it would take more than a
// third of the axis), the 100 ms one does not. On 0–400 px with 28 px per gap, the 400 ms left
// get 372 px: 0–300 ms → 0–279 px, the gap → 279–307 px, 5300–5400 ms → 307–400 px.
const busy: [number, number][] = [
  [0, 100],
  [200, 300],
  [5300, 5400],
];
const axis = timeAxis(5400, 0, 400, { busy });

describe('collapsibleGaps', () => {
  it('collapsibleGaps keeps only the 5,000 ms gap', () => {
    expect(collapsibleGaps(busy, 5400)).toEqual([[300, 5300]]);
  });
  it('collapsibleGaps includes a quiet stretch at the end of the domain', () => {
    expect(collapsibleGaps([[0, 100]], 20_000)).toEqual([[100, 20_000]]);
  });
  it('collapsibleGaps collapses nothing when no gap reaches 1,000 ms', () => {
    expect(collapsibleGaps([[0, 100]], 900)).toEqual([]);
  });
});

describe('timeAxis', () => {
  it('timeAxis splits the range into linear stretches around a 28 px gap', () => {
    expect(axis.segments).toEqual([
      { ms0: 0, ms1: 300, px0: 0, px1: 279, gap: false },
      { ms0: 300, ms1: 5300, px0: 279, px1: 307, gap: true },
      { ms0: 5300, ms1: 5400, px0: 307, px1: 400, gap: false },
    ]);
    expect(axis.gaps).toHaveLength(1);
  });
  it('timeAxis drops a tick label that would overlap the one before the gap', () => {
    expect(axis.ticks.map((t) => t.value)).toEqual([0, 100, 200, 300, 5400]);
  });
  it('timeAxis without busy intervals is linear', () => {
    const plain = timeAxis(550, 34, 266);
    expect(plain.segments).toEqual([{ ms0: 0, ms1: 550, px0: 34, px1: 266, gap: false }]);
  });
});

describe('axisPos', () => {
  it('axisPos maps times inside each stretch linearly', () => {
    expect(axisPos(axis, 150)).toBeCloseTo(139.5, 9);
    expect(axisPos(axis, 800)).toBeCloseTo(281.8, 9);
    expect(axisPos(axis, 5350)).toBeCloseTo(353.5, 9);
  });
  it('axisPos clamps to the domain', () => {
    expect(axisPos(axis, -10)).toBe(0);
    expect(axisPos(axis, 99_999)).toBe(400);
  });
});

describe('formatMs', () => {
  it('formatMs shows one decimal only when needed', () => {
    expect([formatMs(12), formatMs(12.34), formatMs(1500), formatMs(-0)]).toEqual([
      '12',
      '12.3',
      '1,500',
      '0',
    ]);
  });
});
