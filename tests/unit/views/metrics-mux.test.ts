import { describe, expect, it } from 'vitest';
import { metricsAt } from '../../../src/components/views/metrics';
import type { TraceEvent } from '../../../src/sim/trace';
import { trace as h1Trace } from './fixture';
import { h2Open, muxTrace } from './fixture-mux';

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
  it('metricsAt counts 1 TCP + 1 TLS round trip for the HTTP/2 connection', () => {
    expect(metricsAt(muxTrace, 50).handshakeRoundTrips).toBe(2);
  });
  it("metricsAt counts a QUIC connection's own handshake round trips", () => {
    const quic: TraceEvent[] = [
      { ...h2Open, transport: 'quic', http: '3', tlsRoundTrips: 0, handshakeRoundTrips: 1 },
      { type: 'end', t: 100, events: 2, outcome: 'idle' },
    ];
    expect(metricsAt(quic, 50).handshakeRoundTrips).toBe(1);
    expect(metricsAt(quic, 50).stallMs).toBe(0);
  });
  it('metricsAt has no stall figure for an HTTP/1.1 trace', () => {
    expect('stallMs' in metricsAt(h1Trace, 300)).toBe(false);
    expect('stallMs' in metricsAt(h1Trace, 700)).toBe(false);
  });
});
