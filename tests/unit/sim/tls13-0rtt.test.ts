import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/sim/metrics';
import { simulate } from '../../../src/sim/simulate';
import { TLS_FLIGHTS, tlsRoundTrips } from '../../../src/sim/tls';
import { FAST, expectClose, ofType, packets, requestEvents } from './helpers';

const page = { htmlBytes: 1000, objects: 0 } as const;

describe('handshake round trips before the first request byte, per stack', () => {
  // TCP costs 1 RTT; TLS 1.2 adds 2, TLS 1.3 adds 1, TLS 1.3 0-RTT adds 0 (the request leaves
  // with the ClientHello, right after the TCP handshake).
  describe.each([
    { tls: 'none', rt: 1 },
    { tls: 'tls1.2', rt: 3 },
    { tls: 'tls1.3', rt: 2 },
    { tls: 'tls1.3-0rtt', rt: 1 },
  ] as const)('TCP + $tls', ({ tls, rt }) => {
    it.each([
      ['1.1', 50],
      ['1.1', 100],
      ['2', 100],
      ['2', 250],
    ] as const)(
      `HTTP/%s at RTT %i ms: request at ${rt} RTT, response at ${rt + 1} RTT`,
      (version, rtt) => {
        const { metrics } = simulate({
          tls,
          http: { version },
          network: { rttMs: rtt, ...FAST },
          page,
        });
        const r = metrics.requests[0];
        expect(r?.sentMs).toBe(rt * rtt);
        expect(r?.firstByteMs).toBe((rt + 1) * rtt);
        expect(r?.doneMs).toBe((rt + 1) * rtt);
        expect(metrics.handshakeRoundTrips).toBe(rt);
        expect(metrics.criticalPathHandshakeRoundTrips).toBe(rt);
      },
    );
  });

  it('tlsRoundTrips gives 0 for 0-RTT', () => {
    expect(tlsRoundTrips('tls1.3-0rtt')).toBe(0);
  });
});

describe('TLS 1.3 0-RTT over TCP', () => {
  it('the request rides in the same segment as the ClientHello', () => {
    const { trace } = simulate({ tls: 'tls1.3-0rtt', network: { rttMs: 100, ...FAST }, page });
    const first = packets(trace, (p) => p.dir === 'c2s' && p.payloadBytes > 0)[0];
    expect(first?.t).toBe(100);
    expect(first?.label).toBe('ClientHello (PSK, early_data) + GET /index.html');
    // ClientHello 490 B + request head 400 B.
    expect(first?.payloadBytes).toBe(490 + 400);
    expect(first?.requestIds).toEqual([1]);
  });

  it('flights in order: ClientHello, then the server flight without a certificate, then EndOfEarlyData + Finished', () => {
    const { trace } = simulate({ tls: 'tls1.3-0rtt', network: { rttMs: 100, ...FAST }, page });
    const labels = packets(trace, (p) => p.payloadBytes > 0).map((p) => [p.t, p.dir, p.label]);
    expect(labels).toEqual([
      [100, 'c2s', 'ClientHello (PSK, early_data) + GET /index.html'],
      [150, 's2c', 'ServerHello, EncryptedExtensions, Finished + 200 OK /index.html'],
      [200, 'c2s', 'EndOfEarlyData, Finished'],
    ]);
    const tls = ofType(trace, 'tls').map((e) => [e.t, e.side, e.step, e.version]);
    expect(tls).toEqual([
      [100, 'client', 'start', 'tls1.3-0rtt'],
      [150, 'server', 'start', 'tls1.3-0rtt'],
      [200, 'client', 'done', 'tls1.3-0rtt'],
      [250, 'server', 'done', 'tls1.3-0rtt'],
    ]);
    // The server answered the early data before its handshake was done.
    expect(requestEvents(trace, 'server-received', 1)[0]?.t).toBe(150);
  });

  it('at 10 Mbit/s the response time adds the four serialization delays, computed by hand', () => {
    // 10 Mbit/s = 0.8 us per byte. SYN and SYN-ACK: 40 B each = 32 us. ClientHello (490) + GET
    // (400) + 40 B of headers = 930 B = 744 us. ServerHello flight (200) + response (250 + 1000)
    // + 40 = 1490 B = 1192 us. Two RTTs of propagation: 200 ms.
    const { metrics } = simulate({
      tls: 'tls1.3-0rtt',
      network: { rttMs: 100, bandwidthMbps: 10 },
      page,
    });
    const r = metrics.requests[0];
    expectClose(r?.sentMs, 100 + 0.032 + 0.032);
    expectClose(r?.doneMs, 200 + 0.032 + 0.032 + 0.744 + 1.192);
  });

  it('every new connection resumes: new HTTP/1.1 connections send early data too', () => {
    const { trace } = simulate({
      tls: 'tls1.3-0rtt',
      network: { rttMs: 100, ...FAST },
      page: { htmlBytes: 1000, objects: 6, objectBytes: 1000 },
    });
    // HTML done at 200. The first object reuses connection 1 (sent 200, done 300); five new
    // connections: SYN at 200, SYN-ACK at 300 with the request right behind the ClientHello,
    // done at 400.
    const done = requestEvents(trace, 'done').map((e) => e.t);
    expect(done).toEqual([200, 300, 400, 400, 400, 400, 400]);
    expect(ofType(trace, 'conn-open').map((e) => e.tlsRoundTrips)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(requestEvents(trace, 'sent').map((e) => e.t)).toEqual([
      100, 200, 300, 300, 300, 300, 300,
    ]);
  });

  it('flight sizes are those documented in TLS_FLIGHTS', () => {
    expect(TLS_FLIGHTS['tls1.3-0rtt'].map((f) => [f.id, f.from, f.bytes])).toEqual([
      ['c1', 'client', 490],
      ['s1', 'server', 200],
      ['c2', 'client', 85],
    ]);
  });

  it('metrics from the trace alone count 1 handshake round trip per 0-RTT connection', () => {
    // HTML on connection 1; of the two objects one reuses it, one opens connection 2.
    const { trace } = simulate({
      tls: 'tls1.3-0rtt',
      network: { rttMs: 100, ...FAST },
      page: { htmlBytes: 1000, objects: 2, objectBytes: 1000 },
      client: { maxConnectionsPerHost: 2 },
    });
    const m = computeMetrics(trace);
    expect(m.connectionsOpened).toBe(2);
    expect(m.handshakeRoundTrips).toBe(2);
  });
});
