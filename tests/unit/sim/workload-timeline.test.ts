import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate';
import type { ServerEvent } from '../../../src/sim/trace';
import { TimelineAccumulator } from '../../../src/sim/workload-timeline';
import { expectClose } from './helpers';

/** A server event with only the fields the timeline reads set. */
function ev(t: number, busy: number, idle: number, more: Partial<ServerEvent> = {}): ServerEvent {
  return {
    type: 'server',
    t,
    reason: 'active',
    conn: 0,
    busy,
    idle,
    free: 10 - busy - idle,
    backlog: 0,
    fds: busy + idle,
    timeWait: 0,
    memoryBytes: 0,
    refused: 0,
    ...more,
  };
}

describe('TimelineAccumulator', () => {
  it('time-averages each state per bin, splitting intervals at bin edges', () => {
    // 1 s in 4 bins of 250 ms. busy = 1 on [0,100), 2 on [100,300), 0 after;
    // idle = 2 on [300,900), 0 after.
    const acc = new TimelineAccumulator(1000, 4);
    acc.add(ev(0, 1, 0));
    acc.add(ev(100, 2, 0));
    acc.add(ev(300, 0, 2, { backlog: 3 }));
    acc.add(ev(320, 0, 2, { backlog: 1, reason: 'syn-dropped' }));
    acc.add(ev(900, 0, 0));
    const tl = acc.result();
    expect(tl.stepMs).toBe(250);
    expect(tl.capacity).toBe(10);
    // Bin 0: (1 × 100 + 2 × 150) / 250 = 1.6; bin 1: 2 × 50 / 250 = 0.4.
    expect(tl.busy).toEqual([1.6, 0.4, 0, 0]);
    // Bin 1: 2 × 200 / 250 = 1.6; bin 2: 2; bin 3: 2 × 150 / 250 = 1.2.
    expect(tl.idle.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 1.6, 2, 1.2]);
    expect(tl.backlog).toEqual([0, 3, 0, 0]);
    expect(tl.synDrops).toEqual([0, 1, 0, 0]);
  });

  it('events after the window change no bin; capacity is null when unlimited', () => {
    const acc = new TimelineAccumulator(100, 2);
    acc.add(ev(0, 1, 0, { free: null }));
    acc.add(ev(150, 5, 5, { free: null, reason: 'syn-dropped' }));
    const tl = acc.result();
    expect(tl.capacity).toBeNull();
    expect(tl.busy).toEqual([1, 1]);
    expect(tl.synDrops).toEqual([0, 0]);
  });
});

describe('simulate with a timeline', () => {
  const scenario = {
    network: { rttMs: 100 },
    server: { model: 'threaded', workers: 500, keepAliveTimeoutMs: 2000 },
    workload: { clientsPerSecond: 20, durationMs: 10_000, objectsPerClient: 1 },
  } as const;

  it('bins average to the run-wide time averages (equal bins)', () => {
    const r = simulate(scenario, { trace: 'summary', timelineBins: 50, latencies: true });
    const tl = r.timeline;
    const w = r.workload;
    if (tl === undefined || w === undefined) throw new Error('missing timeline or workload');
    expect(tl.busy).toHaveLength(50);
    expect(tl.capacity).toBe(500);
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expectClose(mean(tl.busy), w.meanWorkersBusy, 1e-9);
    expectClose(mean(tl.idle), w.meanWorkersIdle, 1e-9);
    expectClose(mean(tl.timeWait), w.timeWaitMean, 1e-9);
    // Latencies: one per completed request, ascending, and their p95 is the metric's.
    const lat = r.latenciesMs;
    if (lat === undefined) throw new Error('missing latencies');
    expect(lat.length).toBe(w.requestsCompleted);
    for (let i = 1; i < lat.length; i++)
      expect(lat[i] as number).toBeGreaterThanOrEqual(lat[i - 1] as number);
    expect(lat[Math.ceil(0.95 * lat.length) - 1]).toBe(w.latencyMs.p95);
  });

  it('is opt-in: a plain summary run carries neither', () => {
    const r = simulate(scenario, { trace: 'summary' });
    expect(r.timeline).toBeUndefined();
    expect(r.latenciesMs).toBeUndefined();
  });
});
