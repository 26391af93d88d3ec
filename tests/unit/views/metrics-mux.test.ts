import { describe, expect, it } from 'vitest';
import { metricsAt } from '../../../src/components/views/metrics';
import type { StreamStallEvent, TraceEvent } from '../../../src/sim/trace';
import { trace as h1Trace, sortTrace } from './fixture';
import { h2Open, muxTrace } from './fixture-mux';
import { recordStalls } from './recorded';

describe('metricsAt (HTTP/2 and HTTP/3)', () => {
  it('metricsAt counts no stall time before the waiting bytes arrive (460 ms)', () => {
    expect(metricsAt(muxTrace, 400).stallMs).toBe(0);
  });
  it('metricsAt counts the stall so far while stream 5 waits: 600 - 460 = 140 ms', () => {
    expect(metricsAt(muxTrace, 600).stallMs).toBe(140);
  });
  it('metricsAt gives the whole 300 ms stall at the end, as the simulation does', () => {
    expect(metricsAt(muxTrace, 790).stallMs).toBe(300);
    const final = metricsAt(muxTrace, 800);
    expect(final.final).toBe(true);
    expect(final.stallMs).toBe(300);
  });
  it('metricsAt splits the stall by kind: stream 5 waited for its own lost data', () => {
    expect(metricsAt(muxTrace, 600)).toMatchObject({ headOfLineMs: 0, ownDataMs: 140 });
    expect(metricsAt(muxTrace, 800)).toMatchObject({ headOfLineMs: 0, ownDataMs: 300 });
  });
  describe('with overlapping stalls', () => {
    // Added by hand: stream 5 also waits [480, 700) behind other data (inside its own-data wait
    // [460, 760), so it adds nothing), and stream 3 is head-of-line blocked [400, 760) = 360 ms.
    const stall = (t: number, stream: number, fromMs: number): StreamStallEvent => ({
      type: 'stream-stall',
      t,
      conn: 1,
      side: 'client',
      stream,
      requestIds: [stream === 3 ? 2 : 3],
      fromMs,
      toMs: t,
      cause: 'head-of-line',
    });
    const trace = recordStalls(sortTrace([...muxTrace, stall(700, 5, 480), stall(760, 3, 400)]));
    it('metricsAt unites a stream’s overlapping stalls (300 ms, not 300 + 220)', () => {
      // At 600: stream 5 own data 600 - 460 = 140, stream 3 head-of-line 600 - 400 = 200.
      expect(metricsAt(trace, 600)).toMatchObject({
        stallMs: 340,
        headOfLineMs: 200,
        ownDataMs: 140,
      });
      expect(metricsAt(trace, 800)).toMatchObject({
        final: true,
        stallMs: 660,
        headOfLineMs: 360,
        ownDataMs: 300,
      });
    });
    it('metricsAt just before the end equals the final value', () => {
      expect(metricsAt(trace, 799).stallMs).toBe(metricsAt(trace, 800).stallMs);
    });
  });
  it('metricsAt counts 1 TCP + 1 TLS round trip for the HTTP/2 connection', () => {
    expect(metricsAt(muxTrace, 50).handshakeRoundTrips).toBe(2);
  });
  it("metricsAt counts a QUIC connection's own handshake round trips", () => {
    const quic: TraceEvent[] = recordStalls([
      { ...h2Open, transport: 'quic', http: '3', tlsRoundTrips: 0, handshakeRoundTrips: 1 },
      { type: 'end', t: 100, events: 2, outcome: 'idle' },
    ]);
    expect(metricsAt(quic, 50).handshakeRoundTrips).toBe(1);
    expect(metricsAt(quic, 50).stallMs).toBe(0);
  });
  it('metricsAt has no stall figure for an HTTP/1.1 trace', () => {
    expect('stallMs' in metricsAt(h1Trace, 300)).toBe(false);
    expect('stallMs' in metricsAt(h1Trace, 700)).toBe(false);
  });
});
