import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import {
  PAGE_OBJECTS,
  SWEEP_TIMEOUTS_MS,
  imageHostScenario,
  imageHostSchema,
  sweepSeries,
} from '../../../src/components/widgets/image-host-params';
import { rankSample, runHost, runSweepRow } from '../../../src/components/widgets/image-host-runs';
import { simulate } from '../../../src/sim/simulate';

const base = defaults(imageHostSchema);

describe('image-host scenarios', () => {
  it('maps the values onto a workload and the server model', () => {
    const s = imageHostScenario({ ...base, rate: 25, timeout: 7.5, objects: 3, duration: 12 });
    expect(s.workload).toEqual({
      kind: 'arrivals',
      clientsPerSecond: 25,
      durationMs: 12_000,
      objectsPerClient: 3,
      objectBytes: 20_000,
    });
    expect(s.server).toEqual({
      model: 'threaded',
      workers: 256,
      maxConnections: 4096,
      backlog: 511,
      keepAliveTimeoutMs: 7500,
    });
  });

  it('a timeout of 0 is keep-alive off: one request per connection', () => {
    const s = imageHostScenario({ ...base, timeout: 0 });
    expect(s.server?.maxRequestsPerConnection).toBe(1);
    expect(s.server?.keepAliveTimeoutMs).toBeUndefined();
  });

  it('the sweep runs both series at every timeout, at the same request rate', () => {
    const series = sweepSeries({ ...base, rate: 60 });
    expect(series.map((s) => s.objects)).toEqual([1, PAGE_OBJECTS]);
    for (const s of series) {
      expect(s.runs.map((r) => r.keepAliveTimeoutMs)).toEqual(SWEEP_TIMEOUTS_MS);
      for (const r of s.runs) {
        const w = r.scenario.workload;
        // Requests per second = visitors per second x objects per visitor = 60.
        expect((w?.clientsPerSecond ?? 0) * (w?.objectsPerClient ?? 0)).toBeCloseTo(60, 9);
      }
    }
  });
});

describe('image-host runs', () => {
  it('rankSample keeps short arrays and spaces long ones evenly in rank', () => {
    expect(rankSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const xs = Array.from({ length: 101 }, (_, i) => i * 10);
    // Ranks 0, 25, 50, 75, 100 of 0..100 (step (101 - 1) / (5 - 1) = 25).
    expect(rankSample(xs, 5)).toEqual([0, 250, 500, 750, 1000]);
  });

  it('runHost returns the metrics, a timeline and the sorted response times', () => {
    const input = imageHostScenario({ ...base, rate: 10, duration: 5 });
    const run = runHost(simulate, input);
    expect(run.timeline.busy).toHaveLength(80);
    expect(run.latencySample).toHaveLength(run.workload.requestsCompleted);
    const sorted = [...run.latencySample].sort((a, b) => a - b);
    expect(run.latencySample).toEqual(sorted);
    const row = runSweepRow(simulate, input, 5000);
    expect(row.keepAliveTimeoutMs).toBe(5000);
    expect(row.meanWorkersIdle).toBe(run.workload.meanWorkersIdle);
  });
});
