/**
 * `tcp.fastOpen` (RFC 7413) against closed forms. Round trip R, serialization ~0 (FAST), no
 * processing time, every response in one segment (1,000 B + 250 B of head), HTTP/1.0 with one
 * connection at a time, so a page of n - 1 objects (discovered with the HTML) opens n
 * connections one after the other.
 *
 * - Without Fast Open each connection costs `k` round trips from its SYN to its response: TCP 1 +
 *   TLS (0, 1 or 2; TLS 1.3 0-RTT: 0, the request follows the ClientHello) + request 1. The page
 *   takes n k R.
 * - With Fast Open the first connection asks for a cookie (a full handshake, k R); every later
 *   one sends its first bytes (the request, or the ClientHello) with the SYN, and the server
 *   answers before the handshake completes: k - 1 round trips. The page takes (n k - (n - 1)) R:
 *   (n - 1) R saved over n connections, whatever the TLS mode.
 * - A SYN with data that is lost goes again without its data after the initial RTO (1 s); the
 *   data follow the SYN-ACK: the request completes at t0 + 1000 + 2 R.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { ConnOpenEvent, TlsVersion } from '../../../src/sim/trace';
import { expectClose, FAST, ofType, packets, requestEvents, stateAt } from './helpers';

/** A page of `objects` small objects over HTTP/1.0, one connection at a time. */
function page(
  rttMs: number,
  objects: number,
  fastOpen: boolean,
  tls: TlsVersion = 'none',
  extra: ScenarioInput = {},
): ScenarioInput {
  return {
    ...extra,
    network: { rttMs, ...FAST, ...extra.network },
    tcp: { fastOpen, ...extra.tcp },
    tls,
    http: { version: '1.0', ...extra.http },
    client: { maxConnectionsPerHost: 1, ...extra.client },
    server: { processingMs: 0, ...extra.server },
    page: { htmlBytes: 1000, objects, objectBytes: 1000, ...extra.page },
  };
}

/** Round trips per connection without Fast Open: TCP 1 + TLS + request 1. */
const PER_CONNECTION: readonly [TlsVersion, number][] = [
  ['none', 2],
  ['tls1.2', 4],
  ['tls1.2-resumed', 3],
  ['tls1.3', 3],
  ['tls1.3-resumed', 3],
  ['tls1.3-0rtt', 2],
];

describe('tcp.fastOpen: later connections save one round trip each', () => {
  it.each([
    [100, 1],
    [100, 2],
    [100, 5],
    [50, 11],
    [200, 4],
  ])('RTT %i ms, %i sequential connections: (n - 1) RTT saved', (rtt, n) => {
    const without = simulate(page(rtt, n - 1, false)).metrics;
    const withTfo = simulate(page(rtt, n - 1, true)).metrics;
    expectClose(without.pageLoadMs, 2 * n * rtt, 0, 1e-6);
    expectClose(withTfo.pageLoadMs, (2 * n - (n - 1)) * rtt, 0, 1e-6);
    expectClose((without.pageLoadMs ?? 0) - (withTfo.pageLoadMs ?? 0), (n - 1) * rtt, 0, 1e-6);
    expect(withTfo.connectionsOpened).toBe(n);
  });

  it.each(PER_CONNECTION)(
    'TLS %s (%i RTT per connection without): 4 connections at RTT 100 save 300 ms',
    (tls, k) => {
      const n = 4;
      const without = simulate(page(100, n - 1, false, tls)).metrics;
      const withTfo = simulate(page(100, n - 1, true, tls)).metrics;
      expectClose(without.pageLoadMs, n * k * 100, 0, 1e-6);
      expectClose(withTfo.pageLoadMs, (n * k - (n - 1)) * 100, 0, 1e-6);
      // Each later request: k - 1 round trips from its connection's SYN to its response.
      for (const id of [2, 3, 4]) {
        const r = withTfo.requests[id - 1];
        expectClose(r?.doneMs, (k + (id - 1) * (k - 1)) * 100, 0, 1e-6);
      }
    },
  );

  it('counts the handshake round trips it saves: 1 per cookie request, 0 per SYN with data (TLS 1.3: +1 each)', () => {
    expect(simulate(page(100, 3, false)).metrics.handshakeRoundTrips).toBe(4);
    expect(simulate(page(100, 3, true)).metrics.handshakeRoundTrips).toBe(1);
    expect(simulate(page(100, 3, true, 'tls1.3')).metrics.handshakeRoundTrips).toBe(1 + 1 + 3);
    const opens = ofType(simulate(page(100, 2, true)).trace, 'conn-open');
    expect(opens.map((o: ConnOpenEvent) => o.fastOpen)).toEqual([
      'cookie-request',
      'syn-data',
      'syn-data',
    ]);
    expect(opens.map((o) => o.handshakeRoundTrips)).toEqual([undefined, 0, 0]);
  });
});

describe('tcp.fastOpen on the wire', () => {
  const { trace } = simulate(page(100, 1, true));

  it('the first SYN asks for a cookie and its SYN-ACK brings one; neither carries data', () => {
    const [syn, synAck] = packets(trace, (p) => p.conn === 1 && p.flags.includes('SYN'));
    expect(syn).toMatchObject({ label: 'SYN + cookie request', payloadBytes: 0, t: 0 });
    expect(synAck).toMatchObject({ label: 'SYN-ACK + cookie', payloadBytes: 0, t: 50 });
  });

  it('the second SYN carries the cookie and the whole 400-byte request; the SYN-ACK acknowledges it', () => {
    // HTML done at 200 ms: the object's connection opens then.
    const [syn, synAck] = packets(trace, (p) => p.conn === 2 && p.flags.includes('SYN'));
    expect(syn).toMatchObject({
      label: 'SYN + cookie + GET /img1.png',
      payloadBytes: 400,
      requestIds: [2],
      t: 200,
      retransmit: false,
    });
    expect(synAck).toMatchObject({ ack: 401, t: 250 });
    expect(requestEvents(trace, 'sent', 2)[0]?.t).toBe(200);
    expect(requestEvents(trace, 'server-received', 2)[0]?.t).toBe(250);
  });

  it('the server answers in SYN_RECEIVED, before the handshake’s ACK, and closes (HTTP/1.0) from there', () => {
    const response = packets(trace, (p) => p.conn === 2 && p.dir === 's2c' && p.payloadBytes > 0);
    expect(response.map((p) => p.t)).toEqual([250]);
    expect(stateAt(trace, 2, 'server', 'SYN_RECEIVED')).toBe(250);
    expect(stateAt(trace, 2, 'server', 'FIN_WAIT_1')).toBe(250);
    expect(stateAt(trace, 2, 'server', 'ESTABLISHED')).toBeUndefined();
    expect(stateAt(trace, 2, 'server', 'TIME_WAIT')).toBe(350);
  });

  it('a SYN larger than MSS - 40 carries MSS - 40 bytes and the rest follows the handshake', () => {
    // A 2,000-byte POST body: the request is 400 + 2,000 bytes; the SYN takes 1,420 of them.
    const r = simulate(
      page(100, 0, true, 'none', {
        followUps: [{ atMs: 500, path: '/form', method: 'POST', bodyBytes: 2000, bytes: 1000 }],
      }),
    );
    const followUpConn = requestEvents(r.trace, 'assigned', 2)[0]?.conn;
    const c2s = packets(
      r.trace,
      (p) => p.conn === followUpConn && p.dir === 'c2s' && p.payloadBytes > 0,
    );
    expect(c2s.map((p) => [p.t, p.payloadBytes, p.flags.includes('SYN')])).toEqual([
      [500, 1420, true],
      [600, 980, false],
    ]);
    // The rest reaches the server at 650 and the response arrives at 700.
    expectClose(r.metrics.requests[1]?.doneMs, 700, 0, 1e-6);
  });
});

describe('tcp.fastOpen when the SYN is lost', () => {
  it('the SYN goes again without data after the initial RTO, the data after the SYN-ACK: t0 + 1000 + 2 RTT', () => {
    // The second connection's first data-bearing packet is its SYN (at 200 ms).
    const r = simulate(
      page(100, 1, true, 'none', {
        network: { drop: [{ connection: 2, segment: 1, direction: 'c2s' }] },
      }),
    );
    const c2s = packets(
      r.trace,
      (p) => p.conn === 2 && p.dir === 'c2s' && (p.flags.includes('SYN') || p.payloadBytes > 0),
    );
    expect(c2s.map((p) => [p.t, p.label, p.payloadBytes, p.retransmit, p.dropped])).toEqual([
      [200, 'SYN + cookie + GET /img1.png', 400, false, true],
      [1200, 'SYN', 0, true, false],
      [1300, 'GET /img1.png', 400, true, false],
    ]);
    expectClose(r.metrics.requests[1]?.doneMs, 200 + 1000 + 2 * 100, 0, 1e-6);
    expect(r.metrics.requests.every((q) => q.error === null)).toBe(true);
  });
});

describe('tcp.fastOpen and the rest of the model', () => {
  it('connections opened before the first SYN-ACK have no cookie: six parallel connections all ask', () => {
    const r = simulate(
      page(100, 5, true, 'none', {
        http: { version: '1.1' },
        client: { maxConnectionsPerHost: 6 },
        page: { discovery: 'upfront' },
      }),
    );
    const opens = ofType(r.trace, 'conn-open');
    expect(opens.length).toBe(6);
    expect(opens.every((o) => o.fastOpen === 'cookie-request')).toBe(true);
  });

  it('one keep-alive connection has one handshake: Fast Open changes nothing on a first visit', () => {
    const extra: ScenarioInput = { http: { version: '1.1' } };
    const a = simulate(page(100, 5, false, 'none', extra)).metrics.pageLoadMs;
    const b = simulate(page(100, 5, true, 'none', extra)).metrics.pageLoadMs;
    expectClose(a, 2 * 100 + 5 * 100, 0, 1e-6);
    expect(b).toBe(a);
  });

  it('a threaded server gives a Fast Open connection its worker on the SYN (Linux queues it to accept at once)', () => {
    const r = simulate(page(100, 1, true, 'none', { server: { model: 'threaded', workers: 1 } }));
    const accepted = ofType(r.trace, 'server').filter((e) => e.reason === 'accepted');
    // Connection 1 after its handshake's ACK (150 ms); connection 2 when its SYN arrives (250).
    expect(accepted.map((e) => [e.conn, e.t])).toEqual([
      [1, 150],
      [2, 250],
    ]);
    expectClose(r.metrics.pageLoadMs, 300, 0, 1e-6);
  });

  it('HTTP/3 ignores it (QUIC has no TCP handshake)', () => {
    const extra: ScenarioInput = { http: { version: '3' } };
    expect(simulate(page(100, 2, true, 'tls1.3', extra)).trace).toEqual(
      simulate(page(100, 2, false, 'tls1.3', extra)).trace,
    );
  });

  it('a new client address has no cookie (RFC 7413 §4.1.3): the next SYN asks again', () => {
    const r = simulate(page(100, 3, true, 'none', { client: { addressChangeAtMs: 250 } }));
    const opens = ofType(r.trace, 'conn-open').map((o) => [o.t, o.fastOpen]);
    // HTML on conn 1 (cookie), object 1 on conn 2 at 200 with data; the address changes at 250:
    // conn 2 dies and its request is retried on conn 3, which asks for a cookie again.
    expect(opens[0]).toEqual([0, 'cookie-request']);
    expect(opens[1]).toEqual([200, 'syn-data']);
    expect(opens[2]).toEqual([250, 'cookie-request']);
    expect(r.metrics.requests.every((q) => q.error === null)).toBe(true);
  });

  it('is deterministic', () => {
    const sc = page(100, 4, true, 'tls1.3', { network: { lossRate: 0.05 }, seed: 7 });
    expect(simulate(sc).trace).toEqual(simulate(sc).trace);
  });
});
