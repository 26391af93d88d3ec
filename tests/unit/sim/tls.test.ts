import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate';
import { TLS_FLIGHTS, tlsRoundTrips } from '../../../src/sim/tls';
import { FAST, ofType, packets, requestEvents } from './helpers';

const page = { htmlBytes: 1000, objects: 0 } as const;

describe('TLS handshake cost', () => {
  describe.each([
    { tls: 'none', extra: 0 },
    { tls: 'tls1.3', extra: 1 },
    { tls: 'tls1.2', extra: 2 },
    // Resumption (RFC 5246 §7.3, RFC 5077; RFC 8446 §2.2 without early data): TCP 1 + TLS 1 +
    // request 1 = 3 RTT to the first response, for both versions.
    { tls: 'tls1.2-resumed', extra: 1 },
    { tls: 'tls1.3-resumed', extra: 1 },
  ] as const)('$tls', ({ tls, extra }) => {
    it.each([50, 100, 200])(
      `adds ${extra} RTT before the first request byte at RTT %i ms`,
      (rtt) => {
        const { metrics } = simulate({ tls, network: { rttMs: rtt, ...FAST }, page });
        const r = metrics.requests[0];
        // TCP handshake 1 RTT + TLS `extra` RTT, then the request/response round trip.
        expect(r?.sentMs).toBe((1 + extra) * rtt);
        expect(r?.doneMs).toBe((2 + extra) * rtt);
      },
    );
  });

  it('tlsRoundTrips gives 0, 1, 2', () => {
    expect([tlsRoundTrips('none'), tlsRoundTrips('tls1.3'), tlsRoundTrips('tls1.2')]).toEqual([
      0, 1, 2,
    ]);
    expect([tlsRoundTrips('tls1.2-resumed'), tlsRoundTrips('tls1.3-resumed')]).toEqual([1, 1]);
  });

  it('a resumed TLS 1.2 handshake: the server finishes first, no certificate', () => {
    const { trace } = simulate({ tls: 'tls1.2-resumed', network: { rttMs: 100, ...FAST }, page });
    const flights = packets(trace, (p) => p.payloadBytes > 0);
    expect(flights.map((p) => [p.t, p.dir, p.label])).toEqual([
      [100, 'c2s', 'ClientHello (session ticket)'],
      [150, 's2c', 'ServerHello, ChangeCipherSpec, Finished'],
      [200, 'c2s', 'ChangeCipherSpec, Finished + GET /index.html'],
      [250, 's2c', '200 OK /index.html'],
    ]);
    expect(ofType(trace, 'tls').map((e) => [e.t, e.side, e.step])).toEqual([
      [100, 'client', 'start'],
      [150, 'server', 'start'],
      [200, 'client', 'done'],
      [250, 'server', 'done'],
    ]);
  });

  it('a resumed TLS 1.3 handshake: one server segment without Certificate', () => {
    const { trace } = simulate({ tls: 'tls1.3-resumed', network: { rttMs: 100, ...FAST }, page });
    const s2c = packets(trace, (p) => p.dir === 's2c' && p.kind === 'TLS');
    expect(s2c.map((p) => [p.t, p.label])).toEqual([
      [150, 'ServerHello, EncryptedExtensions, Finished'],
    ]);
    expect(TLS_FLIGHTS['tls1.3-resumed'].some((f) => f.label.includes('Certificate'))).toBe(false);
  });

  it('TLS 1.2 flights appear on the ladder in order with their labels', () => {
    const { trace } = simulate({ tls: 'tls1.2', network: { rttMs: 100, ...FAST }, page });
    const tlsPackets = packets(trace, (p) => p.kind === 'TLS');
    expect(tlsPackets.map((p) => [p.t, p.dir, p.label])).toEqual([
      [100, 'c2s', 'ClientHello'],
      [150, 's2c', 'ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (part 1/3)'],
      [150, 's2c', 'ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (part 2/3)'],
      [150, 's2c', 'ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (part 3/3)'],
      [200, 'c2s', 'ClientKeyExchange, ChangeCipherSpec, Finished'],
      [250, 's2c', 'ChangeCipherSpec, Finished'],
    ]);
    expect(ofType(trace, 'tls').map((e) => [e.t, e.side, e.step])).toEqual([
      [100, 'client', 'start'],
      [150, 'server', 'start'],
      [250, 'server', 'done'],
      [300, 'client', 'done'],
    ]);
  });

  it('TLS 1.3 sends the request right behind the client Finished', () => {
    const { trace } = simulate({ tls: 'tls1.3', network: { rttMs: 100, ...FAST }, page });
    const c2s = packets(trace, (p) => p.dir === 'c2s' && p.payloadBytes > 0);
    expect(c2s.map((p) => [p.t, p.label])).toEqual([
      [100, 'ClientHello'],
      [200, 'Finished + GET /index.html'],
    ]);
  });

  it('with an initial window of 1 the 3-segment server flight needs two more round trips', () => {
    // Server flight of 3 segments: 1 at 150, then 2 after the ACK (arrive 300): request at 300.
    const { trace } = simulate({
      tls: 'tls1.3',
      tcp: { initialWindow: 1 },
      network: { rttMs: 100, ...FAST },
      page,
    });
    expect(requestEvents(trace, 'sent', 1)[0]?.t).toBe(300);
  });

  it('the server flight carries the certificate chain (3-4 KB) in both versions', () => {
    for (const v of ['tls1.2', 'tls1.3'] as const) {
      const s1 = TLS_FLIGHTS[v].find((f) => f.id === 's1');
      expect(s1?.bytes).toBeGreaterThanOrEqual(3000);
      expect(s1?.bytes).toBeLessThanOrEqual(4000);
    }
  });
});
