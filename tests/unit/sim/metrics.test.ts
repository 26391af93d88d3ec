import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/sim/metrics';
import type { TraceEvent } from '../../../src/sim/trace';
import { simulate } from '../../../src/sim/simulate';
import { FAST } from './helpers';

const req = (
  t: number,
  step: Extract<TraceEvent, { type: 'request' }>['step'],
  requestId: number,
  extra: object = {},
): TraceEvent => ({
  type: 'request',
  t,
  step,
  requestId,
  path: requestId === 1 ? '/index.html' : `/img${requestId - 1}.png`,
  host: 'example.com',
  method: 'GET',
  attempt: 1,
  followUp: false,
  ...extra,
});

describe('computeMetrics', () => {
  it('derives request timings, connections and packets from a hand-written trace', () => {
    const trace: TraceEvent[] = [
      req(0, 'queued', 1),
      {
        type: 'conn-open',
        t: 0,
        conn: 1,
        host: 'example.com',
        transport: 'tcp',
        tls: 'tls1.3',
        tlsRoundTrips: 1,
      },
      { type: 'tls', t: 100, conn: 1, side: 'client', step: 'done', version: 'tls1.3' },
      req(100, 'assigned', 1, { conn: 1, reused: false }),
      req(100, 'sent', 1, { conn: 1 }),
      {
        type: 'packet',
        t: 100,
        id: 1,
        dir: 'c2s',
        conn: 1,
        kind: 'DATA',
        flags: ['ACK', 'PSH'],
        seq: 1,
        ack: 1,
        window: 65535,
        payloadBytes: 400,
        wireBytes: 440,
        label: 'GET /index.html',
        requestIds: [1],
        retransmit: false,
        sendMs: 100,
        txStartMs: 100,
        txEndMs: 100,
        arriveMs: 150,
        dropped: false,
      },
      {
        type: 'packet',
        t: 150,
        id: 2,
        dir: 's2c',
        conn: 1,
        kind: 'DATA',
        flags: ['ACK', 'PSH'],
        seq: 1,
        ack: 401,
        window: 65535,
        payloadBytes: 1000,
        wireBytes: 1040,
        label: '200 OK /index.html',
        requestIds: [1],
        retransmit: false,
        sendMs: 150,
        txStartMs: 150,
        txEndMs: 150,
        dropped: true,
        dropReason: 'random',
      },
      req(250, 'first-byte', 1, { conn: 1 }),
      req(250, 'done', 1, { conn: 1, bytes: 1000 }),
      req(250, 'queued', 2),
      req(250, 'assigned', 2, { conn: 1, reused: true }),
      req(250, 'sent', 2, { conn: 1 }),
      req(350, 'done', 2, { conn: 1, bytes: 10 }),
      { type: 'end', t: 400, events: 42, outcome: 'idle' },
    ];
    const m = computeMetrics(trace);
    expect(m.pageLoadMs).toBe(350);
    expect(m.pageComplete).toBe(true);
    expect(m.connectionsOpened).toBe(1);
    expect(m.packets).toEqual({ total: 2, dropped: 1, retransmitted: 0 });
    expect(m.wireBytes).toEqual({ c2s: 440, s2c: 1040 });
    expect(m.events).toBe(42);
    expect(m.endMs).toBe(400);
    expect(m.handshakeRoundTrips).toBe(2);
    // The HTML left the moment TLS was done (it waited: 1 + 1 round trips); the last request
    // reused the warm connection and was discovered from the HTML: only the HTML's counts.
    expect(m.criticalPathHandshakeRoundTrips).toBe(2);
    expect(m.requests[0]).toMatchObject({
      connectionId: 1,
      reused: false,
      queuedMs: 0,
      sentMs: 100,
      firstByteMs: 250,
      doneMs: 250,
      retries: 0,
      bytes: 1000,
    });
  });

  it('an errored page request makes the page incomplete', () => {
    const m = computeMetrics([
      req(0, 'queued', 1),
      req(5, 'error', 1, { error: 'connection-reset' }),
      { type: 'end', t: 5, events: 1, outcome: 'idle' },
    ]);
    expect(m.pageComplete).toBe(false);
    expect(m.pageLoadMs).toBe(5);
    expect(m.requests[0]?.error).toBe('connection-reset');
  });

  it('counts handshake round trips of every connection (HTTP/1.0, TLS 1.2: 3 per connection)', () => {
    const { metrics } = simulate({
      network: { rttMs: 50, ...FAST },
      tls: 'tls1.2',
      http: { version: '1.0' },
      page: { htmlBytes: 1000, objects: 2 },
    });
    expect(metrics.connectionsOpened).toBe(3);
    expect(metrics.handshakeRoundTrips).toBe(9);
    expect(metrics.criticalPathHandshakeRoundTrips).toBe(6);
  });

  it('metrics.events equals the engine event count recorded in the trace', () => {
    const { trace, metrics } = simulate({ page: { objects: 3 } });
    const end = trace[trace.length - 1];
    expect(end?.type).toBe('end');
    expect(end?.type === 'end' && end.events).toBe(metrics.events);
  });
});
