/** The round tick values the axes take from d3-array (issue 13: D3 does the maths it provides). */
import { describe, expect, it } from 'vitest';
import { nice, ticks, tickStep } from 'd3-array';

describe('ticks, tickStep and nice', () => {
  it('d3-array gives the round values the axes rely on: steps of 1, 2 or 5 times a power of ten', () => {
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
});
