import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../src/sim/fifo';

/** Drains a queue into an array. */
function drain<T>(q: Fifo<T>): T[] {
  const out: T[] = [];
  while (q.length > 0) out.push(q.shift() as T);
  return out;
}

describe('Fifo', () => {
  it('gives items back in the order pushed', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 5; i++) q.push(i);
    expect(q.length).toBe(5);
    expect(q.first).toBe(0);
    expect(drain(q)).toEqual([0, 1, 2, 3, 4]);
    expect(q.shift()).toBeUndefined();
    expect(q.first).toBeUndefined();
  });

  it('unshift puts an item at the front, before or after shifts', () => {
    const q = new Fifo<string>();
    q.push('b');
    q.unshift('a');
    q.push('c');
    expect(q.shift()).toBe('a');
    q.unshift('x');
    expect(drain(q)).toEqual(['x', 'b', 'c']);
  });

  it('take removes the first n items (fewer when shorter)', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 4; i++) q.push(i);
    expect(q.take(3)).toEqual([0, 1, 2]);
    expect(q.take(5)).toEqual([3]);
    expect(q.length).toBe(0);
  });

  it('stays in order across many shifts (spent slots dropped on the way)', () => {
    const q = new Fifo<number>();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 100; i++) q.push(next++);
      for (let i = 0; i < 60; i++) out.push(q.shift() as number);
    }
    out.push(...drain(q));
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
