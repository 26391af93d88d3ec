import { describe, expect, it } from 'vitest';
import { timeAxis } from '../../../src/components/views/axis';
import { gapMarks } from '../../../src/components/views/gap-marks';

describe('gapMarks', () => {
  // 100 s on 1,000 px, busy 0-4 s, a short burst at 50 s and the last second: two gaps of 46 s
  // and 48.95 s collapse to 28 px each, and the 5.05 s left share 944 px (187 px per second).
  const axis = (burstMs: number) =>
    timeAxis(100_000, 0, 1000, {
      busy: [
        [0, 4000],
        [50_000, 50_000 + burstMs],
        [99_000, 100_000],
      ],
    });

  it('drops the slashes that face each other across a stretch of a few pixels', () => {
    // 50 ms of 5,050 on 944 px: 9.3 px between the gaps.
    const a = axis(50);
    expect(a.gaps.map((g) => [g.ms0, g.ms1])).toEqual([
      [4000, 50_000],
      [50_050, 99_000],
    ]);
    const between = a.segments[2];
    expect(between?.gap).toBe(false);
    expect((between?.px1 ?? 0) - (between?.px0 ?? 0)).toBeCloseTo((50 * 944) / 5050, 6);
    expect(gapMarks(a).map(({ left, right }) => [left, right])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('keeps every slash when the stretch between the gaps is wide enough to read', () => {
    // 200 ms of 5,200 on 944 px: 36.3 px.
    expect(gapMarks(axis(200)).map(({ left, right }) => [left, right])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('drops the slashes between two gaps that touch (a busy instant between them)', () => {
    // A state change at 50 s and nothing else: [4 s, 50 s] and [50 s, 99 s] meet at one pixel.
    const a = axis(0);
    expect(a.gaps.map((g) => [g.ms0, g.ms1])).toEqual([
      [4000, 50_000],
      [50_000, 99_000],
    ]);
    expect(a.gaps[0]?.px1).toBe(a.gaps[1]?.px0);
    expect(gapMarks(a).map(({ left, right }) => [left, right])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('gives a lone gap both slashes, and an axis without gaps none', () => {
    const one = timeAxis(100_000, 0, 1000, { busy: [[0, 4000]] });
    expect(gapMarks(one).map(({ left, right }) => [left, right])).toEqual([[true, true]]);
    expect(gapMarks(timeAxis(1000, 0, 500))).toEqual([]);
  });
});
