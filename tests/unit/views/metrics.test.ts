import { describe, expect, it } from 'vitest';
import { metricsAt } from '../../../src/components/views/metrics';
import { computeMetrics } from '../../../src/sim/metrics';
import { trace } from './fixture';
import { simulate } from '../../../src/sim/simulate';
import { raceKeepAliveScenario } from '../../../src/components/widgets/race-params';

describe('metricsAt', () => {
  it('metricsAt at the end gives the final values', () => {
    expect(metricsAt(trace, 700)).toEqual({
      atMs: 700,
      final: true,
      pageLoadMs: 230,
      connectionsOpened: 1,
      packets: 9,
      packetsDropped: 1,
      handshakeRoundTrips: 1,
      requestsDone: 1,
      requestsFailed: 0,
      requests: 1,
    });
  });
  it('metricsAt at 120 ms counts 4 packets and one handshake round trip, no page load yet', () => {
    expect(metricsAt(trace, 120)).toEqual({
      atMs: 120,
      final: false,
      connectionsOpened: 1,
      packets: 4,
      packetsDropped: 0,
      handshakeRoundTrips: 1,
      requestsDone: 0,
      requestsFailed: 0,
      requests: 1,
    });
  });
  it('metricsAt counts the TCP round trip when the connection opens at 0 ms', () => {
    expect(metricsAt(trace, -1)).toMatchObject({ connectionsOpened: 0, handshakeRoundTrips: 0 });
    expect(metricsAt(trace, 0)).toMatchObject({ connectionsOpened: 1, handshakeRoundTrips: 1 });
  });
  it('metricsAt at the end agrees with the simulation’s computeMetrics', () => {
    const m = computeMetrics(trace);
    const v = metricsAt(trace, 700);
    expect([v.pageLoadMs, v.connectionsOpened, v.packets, v.packetsDropped]).toEqual([
      m.pageLoadMs,
      m.connectionsOpened,
      m.packets.total,
      m.packets.dropped,
    ]);
    expect(v.handshakeRoundTrips).toBe(m.handshakeRoundTrips);
  });
  it('metricsAt at 310 ms counts the dropped FIN', () => {
    expect(metricsAt(trace, 310)).toMatchObject({ packets: 8, packetsDropped: 1, pageLoadMs: 230 });
  });
  it('metricsAt after the end clamps the time to the end', () => {
    expect(metricsAt(trace, 5000)).toMatchObject({ atMs: 700, final: true });
  });
  it('metricsAt at the end counts every page request once: done or failed', () => {
    // The Race at 60 × 100 kB over 1 Mbit/s, RTT 500, 6 connections, 5 s server timeout: the
    // server's idle timer fires while responses are still draining, and some requests fail
    // even after the browser's one retry.
    const run = simulate(
      raceKeepAliveScenario({
        rtt: 500,
        objects: 60,
        objectBytes: 100000,
        bandwidth: 1,
        version: '1.1',
        connections: 6,
        serverTimeout: 5000,
      }),
    );
    const v = metricsAt(run.trace, run.metrics.endMs);
    const failed = run.metrics.requests.filter((r) => r.error !== null).length;
    expect(failed).toBeGreaterThan(0);
    expect(v.requests).toBe(61);
    expect(v.requestsFailed).toBe(failed);
    expect(v.requestsDone + v.requestsFailed).toBe(v.requests);
  });
});
