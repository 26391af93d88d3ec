import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { sweepKeepAlive } from '../../../src/sim/sweep';
import { arrivalTimesMs } from '../../../src/sim/workload';
import { computeWorkloadMetrics, percentile } from '../../../src/sim/workload-metrics';
import { expectClose } from './helpers';

const small = {
  network: { rttMs: 100 },
  workload: { clientsPerSecond: 20, durationMs: 10_000, objectsPerClient: 1 },
} as const;

describe('Poisson arrivals', () => {
  it('mean inter-arrival time is 1/rate within 4 standard errors of the count', () => {
    const rate = 100;
    const t = arrivalTimesMs(7, { clientsPerSecond: rate, durationMs: 100_000 });
    const n = t.length;
    // Count: Poisson with mean lambda D = 10,000, sd = 100.
    expect(Math.abs(n - 10_000)).toBeLessThan(400);
    const gaps = t.map((x, i) => x - (i === 0 ? 0 : (t[i - 1] as number)));
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    // Exponential: sd = mean = 10 ms, so the standard error of the mean is 10 / sqrt(n).
    expect(Math.abs(mean - 1000 / rate)).toBeLessThan((4 * (1000 / rate)) / Math.sqrt(n));
    // Exponential: the coefficient of variation is 1.
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (n - 1));
    expectClose(sd / mean, 1, 0.05);
  });

  it('simulate opens each client connection at exactly those arrival times', () => {
    const { trace, workload } = simulate(small);
    const opens = trace.filter((e) => e.type === 'conn-open').map((e) => e.t);
    expect(opens).toEqual(arrivalTimesMs(1, small.workload));
    expect(workload?.clients).toBe(opens.length);
  });
});

describe('determinism', () => {
  it('same seed: identical metrics; different seed: different arrivals', () => {
    const a = simulate(small, { trace: 'summary' }).workload;
    const b = simulate(small, { trace: 'summary' }).workload;
    expect(a).toEqual(b);
    const c = simulate({ ...small, seed: 2 }, { trace: 'summary' }).workload;
    expect(c).not.toEqual(a);
    expect(arrivalTimesMs(2, small.workload)).not.toEqual(arrivalTimesMs(1, small.workload));
  });

  it('summary mode computes the same metrics as the full trace', () => {
    const sc = { ...small, server: { model: 'threaded', workers: 30, backlog: 5 } } as const;
    const full = simulate(sc);
    const summary = simulate(sc, { trace: 'summary' });
    expect(summary.workload).toEqual(full.workload);
    expect(summary.trace.map((e) => e.type)).toEqual(['end']);
    expect(computeWorkloadMetrics(full.trace, 10_000, 1)).toEqual(full.workload);
  });
});

describe('workload requests', () => {
  it('K = 1 at low load: every response takes 2 RTT + serialization (hand count)', () => {
    // SYN 40 B: 3 µs; SYN-ACK 3 µs; request 440 B: 35 µs; response 5,250 B = 3 x 1,500 B
    // (120 µs each) + 910 B (73 µs) = 433 µs; plus 4 x 50 ms one-way: 200.474 ms.
    const w = simulate(small).workload;
    expect(w?.latencyMs.p50).toBe(200.474);
    expect(w?.requestsCompleted).toBe(w?.clients);
    expect(w?.requestsFailed).toBe(0);
  });

  it('K = 30: each client fetches 30 objects over at most 6 connections', () => {
    const sc = {
      ...small,
      workload: { clientsPerSecond: 5, durationMs: 4000, objectsPerClient: 30 },
    };
    const { trace, workload } = simulate(sc);
    expect(workload?.requestsIssued).toBe((workload?.clients ?? 0) * 30);
    expect(workload?.requestsCompleted).toBe(workload?.requestsIssued);
    const opens = trace.filter((e) => e.type === 'conn-open').length;
    expect(opens).toBeLessThanOrEqual((workload?.clients ?? 0) * 6);
    expect(opens).toBeGreaterThan(workload?.clients ?? 0);
    // Request ids are distinct across clients.
    const done = trace.filter((e) => e.type === 'request' && e.step === 'done');
    expect(new Set(done.map((e) => (e.type === 'request' ? e.requestId : 0))).size).toBe(
      done.length,
    );
  });

  it('throughput is the completed requests within the window per second', () => {
    const w = simulate(small).workload;
    expect(w?.throughputPerSec).toBeGreaterThan(15);
    expect(w?.throughputPerSec).toBeLessThanOrEqual((w?.clients ?? 0) / 10);
  });
});

describe('percentile', () => {
  it('is nearest-rank', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 10)).toBe(1);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('sweepKeepAlive', () => {
  it('returns one row per timeout; idle workers grow with the timeout; 0 turns keep-alive off', () => {
    const rows = sweepKeepAlive(
      { ...small, server: { model: 'threaded', workers: 256 } },
      [0, 1000, 5000],
    );
    expect(rows.map((r) => r.keepAliveTimeoutMs)).toEqual([0, 1000, 5000]);
    expect(rows[0]?.meanWorkersIdle).toBe(0);
    expect(rows[1]?.meanWorkersIdle).toBeLessThan(rows[2]?.meanWorkersIdle ?? 0);
    // Same seed, same arrivals: the client count does not change with the timeout.
    expect(new Set(rows.map((r) => r.clients)).size).toBe(1);
  });

  it('needs a workload', () => {
    expect(() => sweepKeepAlive({}, [5000])).toThrow(/workload/);
  });
});

describe('workload validation', () => {
  it('names the field and its range', () => {
    const v = validateScenario({ workload: { clientsPerSecond: 0 } });
    expect(!v.ok && v.errors).toEqual([
      {
        path: 'workload.clientsPerSecond',
        message: 'must be a number between 0.01 and 10000 (got 0)',
      },
    ]);
    const u = validateScenario({ workload: { rate: 1 } });
    expect(!u.ok && u.errors[0]?.path).toBe('workload.rate');
    const k = validateScenario({ workload: { kind: 'burst' } });
    expect(!k.ok && k.errors[0]?.path).toBe('workload.kind');
  });

  it('bounds the expected request count', () => {
    const v = validateScenario({
      workload: { clientsPerSecond: 10000, durationMs: 3600000, objectsPerClient: 1000 },
    });
    expect(!v.ok && v.errors[0]?.path).toBe('workload');
  });

  it('fills defaults', () => {
    const v = validateScenario({ workload: {} });
    expect(v.ok && v.scenario.workload).toEqual({
      kind: 'arrivals',
      clientsPerSecond: 10,
      durationMs: 10000,
      objectsPerClient: 1,
      objectBytes: 5000,
    });
  });
});

describe('cli with a workload', () => {
  const root = join(import.meta.dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-workload-'));
  const run = (...args: string[]) => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/sim/cli.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = (name: string, v: unknown): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(v));
    return p;
  };

  it('prints server, latencyMs, throughputPerSec and timeWaitPeak', () => {
    const r = run(file('w.json', { ...small, server: { model: 'threaded', workers: 150 } }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['server']).toMatchObject({ model: 'threaded', refused: 0 });
    expect(Object.keys(out['server'] as object)).toEqual([
      'model',
      'meanWorkersBusy',
      'meanWorkersIdle',
      'peakWorkers',
      'refused',
    ]);
    expect(out['latencyMs']).toMatchObject({ p50: 200.474 });
    expect(typeof out['throughputPerSec']).toBe('number');
    expect(typeof out['timeWaitPeak']).toBe('number');
  });

  it('--sweep-keepalive prints one row per timeout', () => {
    const r = run(file('s.json', small), '--sweep-keepalive', '0,5000');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { keepAliveTimeoutMs: number }[];
    expect(rows.map((x) => x.keepAliveTimeoutMs)).toEqual([0, 5000]);
  });

  it('an out-of-range workload field: one line naming it, non-zero exit', () => {
    const r = run(file('bad.json', { workload: { objectsPerClient: 0 } }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('workload.objectsPerClient: must be an integer between 1 and 1000');
  });
});
