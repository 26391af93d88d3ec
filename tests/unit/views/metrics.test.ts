import { describe, expect, it } from 'vitest';
import { metricsAt } from '../../../src/components/views/metrics';
import { computeMetrics } from '../../../src/sim/metrics';
import { trace } from './fixture';

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
});
