import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeSet } from '../../../src/sim/ranges';

function set(...pairs: [number, number][]): RangeSet {
  const s = new RangeSet();
  for (const [a, b] of pairs) s.add(a, b);
  return s;
}

describe('RangeSet by hand', () => {
  it('add keeps ranges sorted and disjoint, merging overlapping and touching ones', () => {
    expect(set([10, 20], [0, 5]).toArray()).toEqual([
      [0, 5],
      [10, 20],
    ]);
    // [5, 10) touches both: one range.
    expect(set([10, 20], [0, 5], [5, 10]).toArray()).toEqual([[0, 20]]);
    // Nested, overlapping on the left, overlapping on the right.
    expect(set([0, 10], [2, 3]).toArray()).toEqual([[0, 10]]);
    expect(set([5, 10], [2, 7]).toArray()).toEqual([[2, 10]]);
    expect(set([5, 10], [8, 12]).toArray()).toEqual([[5, 12]]);
    // Across three ranges and a gap: [0,2) [4,6) [8,10) + [1,9) = [0,10).
    expect(set([0, 2], [4, 6], [8, 10], [1, 9]).toArray()).toEqual([[0, 10]]);
    // Between two without touching.
    expect(set([0, 2], [8, 10], [4, 6]).toArray()).toEqual([
      [0, 2],
      [4, 6],
      [8, 10],
    ]);
  });

  it('add ignores empty ranges', () => {
    expect(set([3, 3], [5, 4]).isEmpty).toBe(true);
    expect(set([0, 2], [2, 2], [7, 7]).toArray()).toEqual([[0, 2]]);
  });

  it('packet numbers one by one form inclusive runs: 0,1,2 then 5 then 3,4 join them', () => {
    const s = new RangeSet();
    for (const pn of [0, 1, 2, 5]) s.add(pn, pn + 1);
    expect(s.toArray()).toEqual([
      [0, 3],
      [5, 6],
    ]);
    s.add(4, 5);
    s.add(3, 4);
    expect(s.toArray()).toEqual([[0, 6]]);
    s.add(2, 3); // a duplicate changes nothing
    expect(s.toArray()).toEqual([[0, 6]]);
  });

  it('subtract cuts ranges across its ends and removes ranges inside', () => {
    const base = (): RangeSet => set([0, 10], [20, 30], [40, 50]);
    const cut = (s: number, e: number): [number, number][] => {
      const r = base();
      r.subtract(s, e);
      return r.toArray();
    };
    // A hole in the middle of one range.
    expect(cut(3, 6)).toEqual([
      [0, 3],
      [6, 10],
      [20, 30],
      [40, 50],
    ]);
    // From inside the first to inside the third: the second goes.
    expect(cut(5, 45)).toEqual([
      [0, 5],
      [45, 50],
    ]);
    // Exactly one range; touching its ends leaves the neighbours alone.
    expect(cut(20, 30)).toEqual([
      [0, 10],
      [40, 50],
    ]);
    // In a gap, empty, or beyond every range: nothing changes.
    expect(cut(10, 20)).toEqual(base().toArray());
    expect(cut(25, 25)).toEqual(base().toArray());
    expect(cut(60, 70)).toEqual(base().toArray());
    // A prefix of the first range (what a sender takes to resend).
    expect(cut(0, 4)).toEqual([
      [4, 10],
      [20, 30],
      [40, 50],
    ]);
    expect(cut(-5, 100)).toEqual([]);
  });

  it('subtractAll removes every range of the other set', () => {
    const s = set([0, 100]);
    s.subtractAll(set([10, 20], [30, 40], [90, 120]));
    expect(s.toArray()).toEqual([
      [0, 10],
      [20, 30],
      [40, 90],
    ]);
  });

  it('shift removes the lowest range; start, end and size index the ranges', () => {
    const s = set([5, 7], [1, 3]);
    expect([s.size, s.start(0), s.end(0), s.start(1), s.end(1)]).toEqual([2, 1, 3, 5, 7]);
    s.shift();
    expect(s.toArray()).toEqual([[5, 7]]);
  });

  it('contains, covers and measure', () => {
    const s = set([0, 10], [20, 30]);
    expect([
      s.contains(0),
      s.contains(9.5),
      s.contains(10),
      s.contains(-1),
      s.contains(25),
    ]).toEqual([true, true, false, false, true]);
    expect([s.covers(0, 10), s.covers(2, 5), s.covers(5, 25), s.covers(15, 15)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(s.measure()).toBe(20);
  });
});

/** The naive model: one boolean per integer of [0, N). */
const N = 64;

function ranges(bits: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < bits.length; i++) {
    if (!bits[i]) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

const op = fc.record({
  add: fc.boolean(),
  s: fc.integer({ min: -4, max: N + 4 }),
  len: fc.integer({ min: -3, max: 24 }),
});

describe('RangeSet against a bitmap', () => {
  it('any sequence of add and subtract gives the bitmap’s maximal runs', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const set = new RangeSet();
        const bits = Array.from({ length: N + 40 }, () => false);
        for (const { add, s, len } of ops) {
          const e = s + len;
          if (add) set.add(s + 4, e + 4);
          else set.subtract(s + 4, e + 4);
          for (let i = Math.max(0, s + 4); i < e + 4; i++) bits[i] = add;
        }
        expect(set.toArray()).toEqual(ranges(bits));
        expect(set.measure()).toBe(bits.filter(Boolean).length);
        for (let i = 0; i < bits.length; i++) expect(set.contains(i)).toBe(bits[i]);
        for (let i = 0; i < bits.length; i += 3)
          expect(set.covers(i, i + 3)).toBe(bits.slice(i, i + 3).every(Boolean));
      }),
      { numRuns: 300 },
    );
  });

  it('subtractAll equals subtracting the other set’s ranges one by one', () => {
    const pairs = fc.array(
      fc.tuple(fc.integer({ min: 0, max: N }), fc.integer({ min: 0, max: 12 })),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(pairs, pairs, (a, b) => {
        const x = new RangeSet();
        const y = new RangeSet();
        const other = new RangeSet();
        for (const [s, l] of a) {
          x.add(s, s + l);
          y.add(s, s + l);
        }
        for (const [s, l] of b) other.add(s, s + l);
        x.subtractAll(other);
        for (const [s, e] of other.toArray()) y.subtract(s, e);
        expect(x.toArray()).toEqual(y.toArray());
      }),
    );
  });
});
