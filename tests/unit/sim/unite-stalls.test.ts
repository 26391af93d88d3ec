/**
 * `uniteStalls` sweeps over interval ends (no range-set code, so the waterfall can call it in the
 * page without loading `ranges.ts`). Oracle: the range-set construction it replaced (own-data
 * intervals united; head-of-line intervals united minus the own-data ones; sorted by start).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeSet } from '../../../src/sim/ranges';
import { uniteStalls, type StallInterval } from '../../../src/sim/stalls';

function oracle(intervals: readonly StallInterval[]): StallInterval[] {
  const own = new RangeSet();
  const hol = new RangeSet();
  for (const i of intervals) (i.cause === 'own-data' ? own : hol).add(i.startMs, i.endMs);
  hol.subtractAll(own);
  const out: StallInterval[] = [];
  for (const [startMs, endMs] of own.toArray()) out.push({ startMs, endMs, cause: 'own-data' });
  for (const [startMs, endMs] of hol.toArray()) out.push({ startMs, endMs, cause: 'head-of-line' });
  return out.sort((a, b) => a.startMs - b.startMs);
}

const interval = fc
  .record({
    startMs: fc.integer({ min: 0, max: 60 }).map((x) => x / 2),
    length: fc.integer({ min: 0, max: 30 }).map((x) => x / 4),
    cause: fc.constantFrom('own-data' as const, 'head-of-line' as const),
  })
  .map(({ startMs, length, cause }) => ({ startMs, endMs: startMs + length, cause }));

describe('uniteStalls', () => {
  it('by hand: own data wins where both kinds overlap; touching pieces of a kind merge', () => {
    expect(
      uniteStalls([
        { startMs: 0, endMs: 10, cause: 'head-of-line' },
        { startMs: 4, endMs: 6, cause: 'own-data' },
        { startMs: 6, endMs: 7, cause: 'own-data' },
        { startMs: 12, endMs: 12, cause: 'head-of-line' },
      ]),
    ).toEqual([
      { startMs: 0, endMs: 4, cause: 'head-of-line' },
      { startMs: 4, endMs: 7, cause: 'own-data' },
      { startMs: 7, endMs: 10, cause: 'head-of-line' },
    ]);
  });
  it('equals the range-set construction on random intervals', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (list) => {
        expect(uniteStalls(list)).toEqual(oracle(list));
      }),
      { numRuns: 2000 },
    );
  });
});
