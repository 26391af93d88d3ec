/** Connection colours and the ladder legend's connection entries. */
import { describe, expect, it } from 'vitest';
import { connColor, connColorCount, legendConns } from '../../../src/components/views/colors';

describe('connColor', () => {
  it('gives the first eight connections eight different colours, then repeats them', () => {
    const first = Array.from({ length: 8 }, (_, i) => connColor(i + 1));
    expect(new Set(first).size).toBe(8);
    expect(connColor(9)).toBe(connColor(1));
    expect(connColor(61)).toBe(connColor(5));
  });
});

describe('legendConns', () => {
  it('lists up to eight connections one by one', () => {
    expect(legendConns([1, 2, 3])).toEqual({ listed: [1, 2, 3] });
    expect(legendConns([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ listed: [1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it('groups the rest of 61 connections as one entry, conn 9–61', () => {
    const ids = Array.from({ length: 61 }, (_, i) => i + 1);
    expect(legendConns(ids)).toEqual({
      listed: [1, 2, 3, 4, 5, 6, 7, 8],
      rest: { from: 9, to: 61, count: 53 },
    });
    expect(connColorCount).toBe(8);
  });

  it('counts a group whose numbers have gaps', () => {
    expect(legendConns([1, 2, 3, 4, 5, 6, 7, 8, 10, 14, 15]).rest).toEqual({
      from: 10,
      to: 15,
      count: 3,
    });
  });
});
