import { describe, expect, it } from 'vitest';
import {
  EVENT_ACTIVE_CONNECTION_BYTES,
  EVENT_IDLE_CONNECTION_BYTES,
  THREADED_WORKER_BYTES,
} from '../../../src/sim/server';
import { littleOccupancy, littleOccupancyInWindow } from '../../../src/sim/analytic';
import { simulate } from '../../../src/sim/simulate';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { validateScenario } from '../../../src/sim/scenario';
import { arrivalTimesMs } from '../../../src/sim/workload';
import { expectClose } from './helpers';

/**
 * The image host at RTT 100 ms: a client's SYN reaches the server at +50 ms, the handshake
 * completes (and the request, riding on the final ACK, arrives) at +150 ms; with no processing
 * time the response is written at once and the keep-alive timer starts. When it fires the server
 * closes, and the worker lingers until the client's FIN comes back one round trip later. So a
 * connection holds a worker from arrival + 150 ms for the keep-alive timeout plus 100 ms (plus a
 * few µs of serialization on the 100 Mbit/s link).
 */
const HANDSHAKE_MS = 150;
/** Lingering close at RTT 100 ms: the server's FIN reaches the client, whose FIN comes back. */
const LINGER_MS = 100;

function imageHost(over: {
  rate: number;
  durationMs: number;
  keepAliveMs?: number;
  server?: ScenarioInput['server'];
  seed?: number;
  objects?: number;
}): ScenarioInput {
  return {
    seed: over.seed ?? 1,
    network: { rttMs: 100 },
    server: { keepAliveTimeoutMs: over.keepAliveMs ?? 5000, ...over.server },
    workload: {
      clientsPerSecond: over.rate,
      durationMs: over.durationMs,
      objectsPerClient: over.objects ?? 1,
    },
  };
}

/** The workload summary of one image-host run (summary trace). */
function workloadOf(
  over: Parameters<typeof imageHost>[0],
): ReturnType<typeof simulate>['workload'] {
  return simulate(imageHost(over), { trace: 'summary' }).workload;
}

/** The same at 50 clients/s, the rate every saturation test uses. */
function at50(durationMs: number, server: ScenarioInput['server']): ReturnType<typeof workloadOf> {
  return workloadOf({ rate: 50, durationMs, server });
}

/** Time average over [0, D] of the number of intervals [a + start, a + start + hold] open. */
function expectedMeanOccupied(
  arrivals: readonly number[],
  startMs: number,
  holdMs: number,
  d: number,
): number {
  let area = 0;
  for (const a of arrivals) {
    const from = Math.min(d, a + startMs);
    const to = Math.min(d, a + startMs + holdMs);
    area += to - from;
  }
  return area / d;
}

describe('server model defaults', () => {
  it('the default model is "unlimited" and a default run emits no server events', () => {
    const v = validateScenario({});
    expect(v.ok && v.scenario.server).toMatchObject({
      model: 'unlimited',
      workers: 256,
      backlog: 511,
      maxConnections: 512,
    });
    expect(v.ok && 'workload' in v.scenario).toBe(false);
    const { trace } = simulate({ page: { objects: 3 } });
    expect(trace.filter((e) => e.type === 'server')).toEqual([]);
  });

  it('rejects an out-of-range worker count naming the field and the range', () => {
    const v = validateScenario({ server: { model: 'threaded', workers: 0 } });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors).toEqual([
      { path: 'server.workers', message: 'must be an integer between 1 and 100000 (got 0)' },
    ]);
    const m = validateScenario({ server: { model: 'prefork' } });
    expect(!m.ok && m.errors[0]?.path).toBe('server.model');
  });

  it('a threaded single page load emits worker snapshots and still completes', () => {
    const { trace, metrics } = simulate({
      network: { rttMs: 100 },
      server: { model: 'threaded', workers: 1 },
      page: { objects: 4 },
    });
    expect(metrics.pageComplete).toBe(true);
    const snaps = trace.filter((e) => e.type === 'server');
    expect(snaps.length).toBeGreaterThan(0);
    // One worker: only one of the browser's connections is served at a time.
    expect(Math.max(...snaps.map((e) => e.busy + e.idle))).toBe(1);
    expect(snaps.some((e) => e.reason === 'queued')).toBe(true);
  });
});

describe("Little's law: occupied workers = arrival rate x holding time", () => {
  const d = 60_000;
  const sc = imageHost({ rate: 50, durationMs: d, server: { model: 'threaded', workers: 2000 } });
  const r = simulate(sc, { trace: 'summary' });
  const w = r.workload;
  const arrivals = arrivalTimesMs(1, { clientsPerSecond: 50, durationMs: d });

  it('matches the hand count over the actual arrivals (from +150 ms, hold 5 s + 100 ms) to 0.1%', () => {
    const expected = expectedMeanOccupied(arrivals, HANDSHAKE_MS, 5000 + LINGER_MS, d);
    expectClose((w?.meanWorkersBusy ?? 0) + (w?.meanWorkersIdle ?? 0), expected, 1e-3);
  });

  it('is within 1% of the closed form lambda h (1 - 150 ms / D) - lambda h^2 / 2D', () => {
    // Holding time h = 5 s, taken 150 ms after arrival; over [0, D] the clients of the last h
    // seconds are cut off, hence the h^2 / 2D edge term. lambda = the realized arrival rate
    // (the nominal 50/s is within Poisson noise of it: 4 / sqrt(n) relative).
    const lambda = arrivals.length / (d / 1000);
    expectClose(lambda, 50, 4 / Math.sqrt(arrivals.length));
    // Steady state: L = lambda W = 50/s x 5.1 s = 255 workers.
    expect(littleOccupancy(50, 5000 + LINGER_MS)).toBe(255);
    const closed = littleOccupancyInWindow(lambda, HANDSHAKE_MS, 5000 + LINGER_MS, d);
    expectClose((w?.meanWorkersBusy ?? 0) + (w?.meanWorkersIdle ?? 0), closed, 0.01);
  });

  it('nearly all of that is idle keep-alive; busy is the lingering close (lambda x 100 ms)', () => {
    // No processing time: a worker is busy only while it waits for the client's FIN, from
    // arrival + 150 ms + 5 s for 100 ms (about lambda x 0.1 s = 5 workers inside the window).
    const expected = expectedMeanOccupied(arrivals, HANDSHAKE_MS + 5000, LINGER_MS, d);
    expectClose(expected, 50 * 0.1 * (1 - 5250 / d), 0.05);
    expectClose(w?.meanWorkersBusy ?? 0, expected, 0.01);
    expect(w?.refused).toBe(0);
    expect(w?.queueingDelayMs).toEqual({ mean: 0, p95: 0 });
  });

  it('each extra second of keep-alive timeout adds about lambda workers', () => {
    const six = workloadOf({
      rate: 50,
      durationMs: d,
      keepAliveMs: 6000,
      server: { model: 'threaded', workers: 2000 },
    });
    const occ = (x: typeof w): number => (x?.meanWorkersBusy ?? 0) + (x?.meanWorkersIdle ?? 0);
    const expected =
      expectedMeanOccupied(arrivals, HANDSHAKE_MS, 6000 + LINGER_MS, d) -
      expectedMeanOccupied(arrivals, HANDSHAKE_MS, 5000 + LINGER_MS, d);
    expectClose(occ(six) - occ(w), expected, 1e-2);
    // ... and that is about lambda x 1 s, less the clients whose extra second falls after D
    // (those arriving in the last 150 ms + 5.1 s + 1/2 s on average).
    const lambda = arrivals.length / (d / 1000);
    expectClose(occ(six) - occ(w), lambda * (1 - 5750 / d), 0.02);
  });
});

describe('saturation: workers below lambda x h', () => {
  // lambda x h = 50/s x 5.1 s = 255 workers needed (5 s timeout + 100 ms lingering close).
  const d = 30_000;
  it('100 workers: the backlog fills, SYNs are dropped, connections wait', () => {
    const w = at50(d, { model: 'threaded', workers: 100, backlog: 50 });
    expect(w?.peakWorkers).toBe(100);
    expect(w?.refused).toBeGreaterThan(0);
    expect(w?.synDrops).toBeGreaterThanOrEqual(w?.refused ?? 0);
    expect(w?.queueingDelayMs.p95).toBeGreaterThan(1000);
    expect(w?.latencyMs.p95).toBeGreaterThan(1000);
  });

  it('400 workers (comfortably above 255): no refusals, no queueing', () => {
    const w = at50(d, { model: 'threaded', workers: 400, backlog: 50 });
    expect(w?.refused).toBe(0);
    expect(w?.queueingDelayMs.p95).toBe(0);
    expect(w?.peakWorkers).toBeLessThan(400);
    expect(w?.latencyMs.p95).toBeLessThan(201);
  });

  it('keep-alive off frees the worker at once: 100 workers suffice', () => {
    const w = at50(d, {
      model: 'threaded',
      workers: 100,
      backlog: 50,
      maxRequestsPerConnection: 1,
    });
    expect(w?.refused).toBe(0);
    expect(w?.meanWorkersIdle).toBe(0);
  });
});

describe('event model', () => {
  const d = 30_000;
  const sc = imageHost({
    rate: 50,
    durationMs: d,
    server: { model: 'event', maxConnections: 10000 },
  });
  const w = simulate(sc, { trace: 'summary' }).workload;

  it('has no refusals at the load that saturates 100 threaded workers', () => {
    expect(w?.refused).toBe(0);
    expect(w?.peakWorkers).toBeGreaterThan(200);
  });

  it('counts idle connections in memory, not in workers', () => {
    const expected =
      (w?.meanWorkersIdle ?? 0) * EVENT_IDLE_CONNECTION_BYTES +
      (w?.meanWorkersBusy ?? 0) * EVENT_ACTIVE_CONNECTION_BYTES;
    expectClose(w?.memoryMeanBytes, expected, 1e-6);
    const threaded = at50(d, { model: 'threaded', workers: 10000 });
    // Same arrivals, same connections: the same occupancy, priced differently.
    expectClose(threaded?.meanWorkersIdle, w?.meanWorkersIdle ?? 0, 1e-9);
    expectClose(
      threaded?.memoryMeanBytes,
      ((threaded?.meanWorkersIdle ?? 0) + (threaded?.meanWorkersBusy ?? 0)) * THREADED_WORKER_BYTES,
      1e-6,
    );
  });

  it('maxConnections caps open connections like workers', () => {
    const capped = at50(d, { model: 'event', maxConnections: 100, backlog: 10 });
    expect(capped?.peakWorkers).toBe(100);
    expect(capped?.refused).toBeGreaterThan(0);
  });
});

describe('sockets', () => {
  it('the server closes first on keep-alive timeout: every connection ends in its TIME_WAIT', () => {
    // D = 20 s: every client's socket enters TIME_WAIT (at ~arrival + 5.2 s) before the first
    // leaves it (60 s later), so the peak is the client count.
    const w = workloadOf({ rate: 20, durationMs: 20_000, server: { model: 'threaded' } });
    expect(w?.timeWaitPeak).toBe(w?.clients);
    expect(w?.fdsPeak).toBeGreaterThanOrEqual(w?.peakWorkers ?? 0);
  });
});

describe.each([
  { factor: 0.7, refusals: true },
  { factor: 0.9, refusals: true },
  { factor: 1.3, refusals: false },
  { factor: 2, refusals: false },
])('workers = $factor x lambda h (closed form)', ({ factor, refusals }) => {
  // Over 40 s at 50/s the steady state needs lambda h = littleOccupancy(50, 5100) = 255
  // workers; with a backlog of 20 the queue overflows soon after the limit is crossed.
  const workers = Math.round(factor * littleOccupancy(50, 5100));
  const w = at50(40_000, { model: 'threaded', workers, backlog: 20 });
  it(refusals ? 'the backlog overflows: SYNs refused' : 'nobody is refused or queued', () => {
    if (refusals) {
      expect(w?.refused).toBeGreaterThan(0);
      expect(w?.peakWorkers).toBe(workers);
    } else {
      expect(w?.refused).toBe(0);
      expect(w?.queueingDelayMs.mean).toBe(0);
    }
  });
});
