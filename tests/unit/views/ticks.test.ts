import * as d3 from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nice, ticks, tickStep } from '../../../src/components/views/ticks';

/** Domains of many sizes: a start, a positive span (1e-4 to 1e7) and a tick count. */
const domain = fc
  .record({
    start: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    exponent: fc.integer({ min: -4, max: 7 }),
    mantissa: fc.double({ min: 1, max: 9.99, noNaN: true }),
    count: fc.integer({ min: 1, max: 20 }),
  })
  .map(({ start, exponent, mantissa, count }) => ({
    start,
    stop: start + mantissa * 10 ** exponent,
    count,
  }));

describe('ticks, tickStep and nice', () => {
  it('give the round values of d3-array by hand: steps of 1, 2 or 5 times a power of ten', () => {
    // 1 / 5 = 0.2: factor 2 of 0.1, kept as 5 per unit, so 0.6 is exact.
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // 1000 / 4 = 250: between √2 and √10 times 100, so a step of 200.
    expect(ticks(0, 1000, 4)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(tickStep(0, 1000, 4)).toBe(200);
    // 37 / 5 = 7.4 ≥ √50: a step of 10, so 37 widens to 40.
    expect(nice(0, 37, 5)).toEqual([0, 40]);
    // No tick of 0.5 fits in [0.51, 0.99]; two asked for instead: 0.6 and 0.8.
    expect(ticks(0.51, 0.99, 1)).toEqual([0.6, 0.8]);
    expect(ticks(3, 3, 5)).toEqual([3]);
    expect(ticks(0, 10, 0)).toEqual([]);
    expect(nice(0, 0, 4)).toEqual([0, 0]);
  });

  it('equal d3-array for any domain and count', () => {
    fc.assert(
      fc.property(domain, ({ start, stop, count }) => {
        expect(ticks(start, stop, count)).toEqual(d3.ticks(start, stop, count));
        expect(tickStep(start, stop, count)).toBe(d3.tickStep(start, stop, count));
        expect(nice(start, stop, count)).toEqual(d3.nice(start, stop, count));
        expect(nice(0, stop - start, count)).toEqual(d3.nice(0, stop - start, count));
      }),
      { numRuns: 3000 },
    );
  });
});
