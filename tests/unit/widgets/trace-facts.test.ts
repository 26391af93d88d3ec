import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import { pageLoadScenario, pageLoadSchema } from '../../../src/components/widgets/page-load-params';
import {
  lastActivity,
  lastActivityUntil,
  lastRequestEnd,
  shownEndWithCloses,
} from '../../../src/components/widgets/trace-facts';
import { simulate, type Trace } from '../../../src/sim';
import { packet } from '../views/fixture';

const page = defaults(pageLoadSchema);

describe('lastRequestEnd', () => {
  it('is the end of the follow-up when there is one, else the page-load time', () => {
    const plain = simulate(pageLoadScenario(page));
    expect(lastRequestEnd(plain.trace)).toBe(plain.metrics.pageLoadMs);
    const click = simulate(pageLoadScenario({ ...page, followUpAt: 3000 }));
    const f = click.metrics.requests.find((r) => r.followUp);
    expect(lastRequestEnd(click.trace)).toBe(f?.doneMs);
  });
});

describe('lastActivityUntil', () => {
  // By hand: a SYN sent at 0 arrives at 50; a segment sent at 100 arrives at 400 (a slow link);
  // a FIN sent at 300 is lost (activity: its transmission end, 300). Last activity: 400.
  const trace: Trace = [
    packet({ id: 1, dir: 'c2s', kind: 'SYN', label: 'SYN', send: 0, arrive: 50 }),
    packet({ id: 2, dir: 's2c', kind: 'DATA', label: 'data', send: 100, arrive: 400 }),
    packet({ id: 3, dir: 'c2s', kind: 'FIN', label: 'FIN', send: 300 }),
  ];
  it('is the last activity when that is before the cap', () => {
    expect(lastActivity(trace)).toBe(400);
    expect(lastActivityUntil(trace, 1000)).toBe(400);
  });
  it('is the cap when the last activity is after it, whether the last events are before it or not', () => {
    // Every event was sent before 350, but the segment arrives at 400.
    expect(lastActivityUntil(trace, 350)).toBe(350);
    // The FIN, sent at 300, is at the cap: settled from the end.
    expect(lastActivityUntil(trace, 300)).toBe(300);
    expect(lastActivityUntil(trace, 10)).toBe(10);
  });
  it('reads only the events at or after the cap when one of them is a packet', () => {
    let reads = 0;
    const counted = new Proxy(trace, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(lastActivityUntil(counted, 300)).toBe(300);
    expect(reads).toBe(1);
  });
});

describe('shownEndWithCloses', () => {
  it('runs to the last packet (the keep-alive FINs) when it comes before the bound', () => {
    const r = simulate(pageLoadScenario(page));
    expect(shownEndWithCloses([r], () => Infinity)).toBe(lastActivity(r.trace));
    expect(lastActivity(r.trace)).toBeGreaterThan(5000);
  });

  it('stops 1.25 RTT after the last request when the closes come after the bound', () => {
    const r = simulate(pageLoadScenario(page));
    expect(shownEndWithCloses([r], () => 0)).toBeCloseTo(r.metrics.pageLoadMs + 125, 6);
  });

  it('includes a follow-up seconds after the page load', () => {
    const r = simulate(pageLoadScenario({ ...page, followUpAt: 20000, serverTimeout: 120000 }));
    const end = shownEndWithCloses([r], () => 0);
    expect(end).toBeGreaterThan(20000);
    expect(end).toBeCloseTo(lastRequestEnd(r.trace) + 125, 6);
  });
});
