import { describe, expect, it } from 'vitest';
import { Engine, EventQueue, Timer, msToUs, usToMs } from '../../../src/sim/engine';
import { mulberry32 } from '../../../src/sim/rng';

describe('EventQueue', () => {
  it('pop returns callbacks ordered by time, then insertion order', () => {
    const q = new EventQueue();
    const out: string[] = [];
    q.push(5, () => out.push('a5'));
    q.push(1, () => out.push('b1'));
    q.push(5, () => out.push('c5'));
    q.push(3, () => out.push('d3'));
    q.push(1, () => out.push('e1'));
    while (q.size > 0) q.pop()();
    expect(out).toEqual(['b1', 'e1', 'd3', 'a5', 'c5']);
  });

  it('pop order matches a stable sort of 2000 random times', () => {
    const q = new EventQueue();
    const rng = mulberry32(42);
    const items: { t: number; i: number }[] = [];
    for (let i = 0; i < 2000; i++) items.push({ t: Math.floor(rng() * 50), i });
    const got: number[] = [];
    for (const it of items) q.push(it.t, () => got.push(it.i));
    while (q.size > 0) q.pop()();
    const want = [...items].sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
    expect(got).toEqual(want);
  });
});

describe('Engine', () => {
  it('run advances now to each event time and counts events', () => {
    const e = new Engine();
    const seen: number[] = [];
    e.schedule(10, () => {
      seen.push(e.now);
      e.schedule(5, () => seen.push(e.now));
    });
    e.schedule(3, () => seen.push(e.now));
    expect(e.run()).toBe('idle');
    expect(seen).toEqual([3, 10, 15]);
    expect(e.events).toBe(3);
  });

  it('run(until) stops before later events and leaves them pending', () => {
    const e = new Engine();
    e.schedule(10, () => undefined);
    e.schedule(20, () => undefined);
    expect(e.run(15)).toBe('until');
    expect(e.now).toBe(15);
    expect(e.pending).toBe(1);
  });

  it('run(maxEvents) stops after that many events', () => {
    const e = new Engine();
    for (let i = 0; i < 5; i++) e.schedule(i, () => undefined);
    expect(e.run(Infinity, 2)).toBe('max-events');
    expect(e.events).toBe(2);
  });

  it('msToUs and usToMs convert between ms and integer microseconds', () => {
    expect(msToUs(28)).toBe(28000);
    expect(msToUs(0.0004)).toBe(0);
    expect(usToMs(1500)).toBe(1.5);
  });
});

describe('Timer', () => {
  it('fires once at the last deadline set, with one pending event', () => {
    const e = new Engine();
    const fired: number[] = [];
    const t = new Timer(e, () => fired.push(e.now));
    t.set(100);
    e.schedule(50, () => t.set(100)); // deadline moves to 150
    e.run();
    expect(fired).toEqual([150]);
  });

  it('cancel prevents the callback', () => {
    const e = new Engine();
    let n = 0;
    const t = new Timer(e, () => n++);
    t.set(10);
    t.cancel();
    e.run();
    expect(n).toBe(0);
  });

  it('a deadline between two microseconds fires at the next one, once', () => {
    const e = new Engine();
    const fired: number[] = [];
    const t = new Timer(e, () => fired.push(e.now));
    // 70.4 µs: the engine's clock has no 70.4; the timer fires at 71 (at 70 it would be early).
    t.setAt(70.4);
    expect(e.run(Infinity, 100)).toBe('idle');
    expect(fired).toEqual([71]);
  });

  it('an earlier deadline fires early', () => {
    const e = new Engine();
    const fired: number[] = [];
    const t = new Timer(e, () => fired.push(e.now));
    t.set(100);
    t.set(20);
    e.run();
    expect(fired).toEqual([20]);
  });
});
