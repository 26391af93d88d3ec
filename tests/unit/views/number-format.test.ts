import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { scaleTicks } from '../../../src/components/views/axis';
import { formatFixed, formatInt } from '../../../src/components/views/number-format';

/** A seeded generator (Park–Miller), so the grids below are the same on every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('formatFixed and formatInt', () => {
  it('formatFixed and formatInt give exactly what d3-format gives', () => {
    const edge = [0, -0, 0.04, -0.04, 0.05, -0.05, 2.5, -2.5, 1.25, 999.96, -999.96, 1234567.891];
    const rnd = generator(1);
    const random = Array.from({ length: 3000 }, (_, i) => (rnd() - 0.3) * 10 ** ((i % 7) - 2));
    for (const x of [...edge, ...random]) {
      for (const p of [0, 1, 2, 3]) expect(formatFixed(x, p)).toBe(format(`,.${p}~f`)(x));
      expect(formatInt(x)).toBe(format(',d')(x));
    }
  });

  it('formatFixed(1234.5, 1) is "1,234.5" and drops trailing zeros', () => {
    expect([formatFixed(1234.5, 1), formatFixed(12, 1), formatFixed(-3.25, 1)]).toEqual([
      '1,234.5',
      '12',
      '\u22123.3',
    ]);
  });
});

describe('scaleTicks', () => {
  it('scaleTicks gives the values, positions and labels of d3 scaleLinear', () => {
    const rnd = generator(7);
    for (let i = 0; i < 3000; i++) {
      const size = [1, 100, 10000, 0.01][i % 4] as number;
      const d0 = Math.round(rnd() * size * 1000) / 1000;
      const d1 = d0 + Math.max(1e-3, Math.round(rnd() * size * 1000) / 1000);
      const r0 = rnd() * 500;
      const r1 = rnd() < 0.5 ? r0 + rnd() * 800 : r0 - rnd() * 800;
      const count = 1 + (i % 12);
      const scale = scaleLinear().domain([d0, d1]).range([r0, r1]);
      const label = scale.tickFormat(count, ',~f');
      const expected = scale.ticks(count).map((value) => ({
        value,
        pos: scale(value),
        label: label(value),
      }));
      expect(scaleTicks(d0, d1, r0, r1, count)).toEqual(expected);
    }
  });
});
