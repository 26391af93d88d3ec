import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { FAST, ofType, packets } from './helpers';

/**
 * One HTML page (done at 2 RTT over TCP without TLS, or over QUIC after its 1-RTT handshake),
 * then the client's address changes at 400 ms and a follow-up request is made at 500 ms.
 */
const base = (extra: ScenarioInput): ScenarioInput => ({
  ...extra,
  network: { rttMs: 100, ...FAST },
  client: { addressChangeAtMs: 400 },
  page: { htmlBytes: 1000, objects: 0 },
  followUps: [{ atMs: 500, path: '/next', bytes: 1000 }],
});

describe('client address change (migration)', () => {
  it('HTTP/1.1 over TCP: the connection dies with the old address; the follow-up opens a new one', () => {
    const { trace, metrics } = simulate(base({}));
    // Connection 1 closes at 400 (its 4-tuple is gone); the follow-up at 500: SYN, SYN-ACK at
    // 600 with the request, response at 700.
    const closed = ofType(trace, 'conn').find(
      (e) => e.conn === 1 && e.side === 'client' && e.state === 'CLOSED',
    );
    expect([closed?.t, closed?.reason]).toEqual([400, 'address-change']);
    expect(metrics.connectionsOpened).toBe(2);
    expect(metrics.requests[1]).toMatchObject({ connectionId: 2, sentMs: 600, doneMs: 700 });
  });

  it('HTTP/2 over TCP + TLS 1.3: the same, plus one TLS round trip on the new connection', () => {
    const { metrics } = simulate(base({ http: { version: '2' }, tls: 'tls1.3' }));
    expect(metrics.connectionsOpened).toBe(2);
    expect(metrics.requests[1]).toMatchObject({ connectionId: 2, sentMs: 700, doneMs: 800 });
  });

  it('HTTP/3 over QUIC: the connection survives; the path is validated; the follow-up reuses it', () => {
    const { trace, metrics } = simulate(base({ http: { version: '3' } }));
    expect(metrics.connectionsOpened).toBe(1);
    // Reused connection: request at 500, response at 600.
    expect(metrics.requests[1]).toMatchObject({
      connectionId: 1,
      reused: true,
      sentMs: 500,
      doneMs: 600,
    });
    // The client probes the new path at 400; the server switches at 450, answers and probes back.
    const probes = packets(trace, (p) => (p.frames ?? []).some((f) => f.type.startsWith('PATH_')));
    const frames = probes.map((p) => [
      p.t,
      p.dir,
      (p.frames ?? []).map((f) => f.type).filter((t) => t.startsWith('PATH_')),
    ]);
    expect(frames).toEqual([
      [400, 'c2s', ['PATH_CHALLENGE']],
      [450, 's2c', ['PATH_RESPONSE', 'PATH_CHALLENGE']],
      [500, 'c2s', ['PATH_RESPONSE']],
    ]);
    // Neither side closed before the idle timeout.
    const early = ofType(trace, 'conn').filter((e) => e.state === 'CLOSED' && e.t < 10000);
    expect(early).toEqual([]);
  });

  it('HTTP/3: data the server sent to the old address is lost and recovered on the new path', () => {
    // A large response in flight across the change at 430 ms: the server keeps answering ACKs
    // that left the old address before 430, towards that address, until the new path's first
    // packet reaches it at 480.
    const { trace, metrics } = simulate({
      http: { version: '3' },
      network: { rttMs: 100, bandwidthMbps: 10 },
      client: { addressChangeAtMs: 430 },
      page: { htmlBytes: 300000, objects: 0 },
    });
    expect(packets(trace, (p) => p.dropReason === 'unroutable').length).toBeGreaterThan(0);
    expect(metrics.pageComplete).toBe(true);
    expect(metrics.connectionsOpened).toBe(1);
    expect(metrics.requests[0]?.retries).toBe(0);
  });

  it('HTTP/1.1 with a response in flight: the request is retried on a new connection', () => {
    const { metrics, trace } = simulate({
      network: { rttMs: 100, bandwidthMbps: 10 },
      client: { addressChangeAtMs: 250 },
      page: { htmlBytes: 300000, objects: 0 },
    });
    expect(metrics.pageComplete).toBe(true);
    expect(metrics.requests[0]).toMatchObject({ retries: 1, connectionId: 2 });
    expect(packets(trace, (p) => p.dropReason === 'unroutable').length).toBeGreaterThan(0);
  });
});
