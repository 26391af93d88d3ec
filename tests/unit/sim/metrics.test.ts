import { describe, expect, it } from 'vitest';
import {
  EMPTY_METRICS,
  computeMetrics,
  pageLoad,
  stallSummary,
  stalledBy,
  uniteStalls,
} from '../../../src/sim/metrics';
import type { StallCause, TraceEvent } from '../../../src/sim/trace';
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
  it('of an empty trace is EMPTY_METRICS, the placeholder widgets show before a run', () => {
    expect(computeMetrics([])).toEqual(EMPTY_METRICS);
  });

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

const hol = (startMs: number, endMs: number) => ({
  startMs,
  endMs,
  cause: 'head-of-line' as const,
});
const own = (startMs: number, endMs: number) => ({ startMs, endMs, cause: 'own-data' as const });

describe('uniteStalls', () => {
  it('uniteStalls merges overlapping, nested and touching intervals of one kind', () => {
    // [0,10) + [5,20) overlap, [6,8) is nested, [20,25) touches: one interval [0,25).
    expect(uniteStalls([hol(5, 20), hol(0, 10), hol(6, 8), hol(20, 25)])).toEqual([hol(0, 25)]);
  });
  it('uniteStalls keeps disjoint intervals apart, sorted, and drops empty ones', () => {
    expect(uniteStalls([own(30, 40), own(0, 10), own(15, 15)])).toEqual([own(0, 10), own(30, 40)]);
  });
  it('uniteStalls gives an overlap of both kinds to own data: head-of-line is what remains', () => {
    // head-of-line [0,100), own data [20,30) and [50,120): head-of-line [0,20) and [30,50).
    expect(uniteStalls([hol(0, 100), own(20, 30), own(50, 120)])).toEqual([
      hol(0, 20),
      own(20, 30),
      hol(30, 50),
      own(50, 120),
    ]);
  });
  it('uniteStalls leaves nothing of a head-of-line interval nested in an own-data one', () => {
    expect(uniteStalls([own(0, 100), hol(10, 90)])).toEqual([own(0, 100)]);
  });
});

describe('stallSummary', () => {
  const stall = (
    t: number,
    stream: number,
    fromMs: number,
    cause: StallCause,
    side: 'client' | 'server' = 'client',
  ): TraceEvent => ({
    type: 'stream-stall',
    t,
    conn: 1,
    side,
    stream,
    requestIds: [stream === 1 ? 1 : 2],
    fromMs,
    toMs: t,
    cause,
  });
  // Request 1 on stream 1 lives 100 -> 500; request 2 on stream 3 lives 100 -> 300.
  const trace: TraceEvent[] = [
    req(100, 'sent', 1, { conn: 1, stream: 1 }),
    req(100, 'sent', 2, { conn: 1, stream: 3 }),
    // Stream 3: two overlapping waits, [150,250) and [200,280) -> united [150,280) = 130 ms,
    // not 100 + 80 = 180 ms; a third one crossing its end [290,400) is clipped to [290,300).
    stall(250, 3, 150, 'head-of-line'),
    stall(280, 3, 200, 'head-of-line'),
    req(300, 'done', 2, { conn: 1, stream: 3 }),
    // Stream 1: head-of-line [120,400) with own data [300,450) over it and a nested own [310,320):
    // head-of-line [120,300) = 180 ms, own data [300,450) = 150 ms.
    stall(320, 1, 310, 'own-data'),
    stall(400, 1, 120, 'head-of-line'),
    stall(400, 3, 290, 'head-of-line'),
    stall(450, 1, 300, 'own-data'),
    // The server side of stream 1 (its own entry): [50,140) starts before the request was sent,
    // clipped to [100,140) = 40 ms.
    stall(140, 1, 50, 'head-of-line', 'server'),
    req(500, 'done', 1, { conn: 1, stream: 1 }),
    { type: 'end', t: 600, events: 0, outcome: 'idle' },
  ];
  const s = stallSummary(trace);

  it('stallSummary unites each stream side and clips it to the stream lifetime', () => {
    expect(s.streams.map((x) => [x.side, x.stream, x.ms, x.headOfLineMs, x.ownDataMs])).toEqual([
      ['client', 1, 330, 180, 150],
      ['client', 3, 140, 140, 0],
      ['server', 1, 40, 40, 0],
    ]);
    expect(s.streams[1]?.intervals).toEqual([hol(150, 280), hol(290, 300)]);
    expect(s.streams[1]?.lifetime).toEqual({ startMs: 100, endMs: 300 });
    for (const x of s.streams)
      expect(x.ms).toBeLessThanOrEqual(x.lifetime.endMs - x.lifetime.startMs);
  });
  it('stallSummary totals are sums of the united per-stream times; counts are streams', () => {
    expect(s.total).toBe(330 + 140 + 40);
    expect(s.longest).toBe(330);
    expect(s.count).toBe(2);
    expect(s.headOfLine).toEqual({ total: 180 + 140 + 40, longest: 180, count: 2 });
    expect(s.ownData).toEqual({ total: 150, longest: 150, count: 1 });
  });
  it('stalledBy counts the part of each interval before t and ends at the totals', () => {
    // At 200: stream 1 head-of-line [120,200) = 80, stream 3 [150,200) = 50, server side 40.
    expect(stalledBy(s.streams, 200)).toEqual({ total: 170, headOfLine: 170, ownData: 0 });
    // At 350: stream 1 180 + own [300,350) = 50; stream 3 140; server 40.
    expect(stalledBy(s.streams, 350)).toEqual({ total: 410, headOfLine: 360, ownData: 50 });
    expect(stalledBy(s.streams, 600)).toEqual({
      total: s.total,
      headOfLine: s.headOfLine.total,
      ownData: s.ownData.total,
    });
  });
  it('stallSummary of a trace without stalls is all zero', () => {
    const none = { total: 0, longest: 0, count: 0 };
    expect(stallSummary(trace.filter((e) => e.type !== 'stream-stall'))).toEqual({
      ...none,
      headOfLine: none,
      ownData: none,
      streams: [],
    });
  });
});

describe('the metric definitions the views share', () => {
  it('page load: the latest end among page requests; follow-ups do not count', () => {
    expect(
      pageLoad([
        { followUp: false, endMs: 120 },
        { followUp: false, endMs: 340 },
        { followUp: true, endMs: 900 },
      ]),
    ).toEqual({ ms: 340, allEnded: true, count: 2 });
    expect(
      pageLoad([
        { followUp: false, endMs: 120 },
        { followUp: false, endMs: null },
      ]),
    ).toEqual({ ms: 120, allEnded: false, count: 2 });
    expect(pageLoad([])).toEqual({ ms: 0, allEnded: true, count: 0 });
  });
});
