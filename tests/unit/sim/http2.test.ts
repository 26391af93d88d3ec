import { describe, expect, it } from 'vitest';
import { hpackBytes } from '../../../src/sim/http/header-size';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { validateScenario } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { FramePiece } from '../../../src/sim/trace';
import { FAST, ofType, packets, requestEvents } from './helpers';

const h2 = (extra: ScenarioInput = {}): ScenarioInput => ({
  ...extra,
  http: { version: '2', ...extra.http },
  network: { rttMs: 100, ...FAST, ...extra.network },
});

/** The frames on the wire in one direction, consecutive pieces of one frame merged. */
function wireFrames(sc: ScenarioInput, dir: 'c2s' | 's2c'): string[] {
  const out: string[] = [];
  let last: FramePiece | undefined;
  for (const p of packets(simulate(sc).trace, (x) => x.dir === dir && !x.retransmit)) {
    for (const f of p.frames ?? []) {
      if (last !== undefined && last.stream === f.stream && last.type === f.type) continue;
      out.push(`${f.type}:${f.stream}`);
      last = f;
    }
  }
  return out;
}

describe('HTTP/2: one connection, many streams', () => {
  const page = { htmlBytes: 1000, objects: 5, objectBytes: 1000 } as const;

  it('opens one connection per origin and gives requests odd stream ids in issue order', () => {
    const { trace, metrics } = simulate(h2({ page }));
    expect(metrics.connectionsOpened).toBe(1);
    expect(requestEvents(trace, 'sent').map((e) => [e.requestId, e.conn, e.stream])).toEqual([
      [1, 1, 1],
      [2, 1, 3],
      [3, 1, 5],
      [4, 1, 7],
      [5, 1, 9],
      [6, 1, 11],
    ]);
    expect(ofType(trace, 'conn-open')[0]).toMatchObject({ transport: 'tcp', http: '2' });
  });

  it('loads HTML + 5 small objects in 3 RTT (HTTP/1.1 on one connection: 7 RTT)', () => {
    // TCP 1 RTT; HTML request/response 1 RTT (done at 200); the five requests leave together at
    // 200 and the five responses (5 x 1,043 B, within the initial window) arrive at 300.
    const m2 = simulate(h2({ page })).metrics;
    expect(m2.requests.map((r) => r.doneMs)).toEqual([200, 300, 300, 300, 300, 300]);
    expect(m2.pageLoadMs).toBe(300);
    // One request at a time: 200 + 5 x 100.
    const m1 = simulate({
      network: { rttMs: 100, ...FAST },
      client: { maxConnectionsPerHost: 1 },
      page,
    }).metrics;
    expect(m1.pageLoadMs).toBe(700);
  });

  it('respects maxConcurrentStreams: 2 streams at a time load 5 objects in 3 waves', () => {
    const { metrics } = simulate(h2({ page, http: { maxConcurrentStreams: 2 } }));
    // Waves sent at 200, 300, 400; each answered one RTT later.
    expect(metrics.requests.map((r) => r.doneMs)).toEqual([200, 300, 300, 400, 400, 500]);
    expect(metrics.requests.map((r) => r.sentMs)).toEqual([100, 200, 200, 300, 300, 400]);
  });

  it('HPACK: the first header block is Huffman-coded, later ones mostly indexed', () => {
    // Requests: first 0.7 x 400 = 280 B; later 0.1 x 400 = 40 B + a :path literal of
    // 1 + ceil(0.7 x 9) = 8 B for "/img1.png" (9 characters) = 48 B.
    expect(hpackBytes(400, true, '/index.html')).toBe(280);
    expect(hpackBytes(400, false, '/img1.png')).toBe(48);
    // Responses: first 0.7 x 250 = 175 B; later 0.1 x 250 = 25 B.
    expect(hpackBytes(250, true)).toBe(175);
    expect(hpackBytes(250, false)).toBe(25);
    const { trace } = simulate(h2({ page }));
    expect(requestEvents(trace, 'sent').map((e) => e.bytes)).toEqual([280, 48, 48, 48, 48, 48]);
    // 'done' bytes: header block + body.
    expect(requestEvents(trace, 'done').map((e) => e.bytes)).toEqual([
      1175, 1025, 1025, 1025, 1025, 1025,
    ]);
  });

  it('the first client flight carries the preface, SETTINGS and the first HEADERS', () => {
    const { trace } = simulate(h2({ page }));
    const first = packets(trace, (p) => p.dir === 'c2s' && p.payloadBytes > 0)[0];
    expect(first?.t).toBe(100);
    expect(first?.label).toBe('preface, SETTINGS [0] + HEADERS [1] GET /index.html');
    // 24 B preface + 27 B SETTINGS + 9 B frame header + 280 B header block.
    expect(first?.payloadBytes).toBe(24 + 27 + 9 + 280);
    expect(first?.frames).toEqual([
      { stream: 0, type: 'SETTINGS' },
      { stream: 1, type: 'HEADERS' },
    ]);
  });

  it('interleaves DATA frames round-robin across streams (16 KiB frames)', () => {
    // Everything requested up front: the HTML (1 DATA frame) and three 40,000-byte objects
    // (DATA frames of 16,384 + 16,384 + 7,232 bytes) are ready together at 150 ms.
    const frames = wireFrames(
      h2({ page: { htmlBytes: 1000, objects: 3, objectBytes: 40000, discovery: 'upfront' } }),
      's2c',
    );
    // SETTINGS:0 is the server's SETTINGS and its ACK of the client's (merged as consecutive);
    // GOAWAY closes the connection at the server's keep-alive timeout.
    expect(frames).toEqual([
      'SETTINGS:0',
      ...['HEADERS:1', 'HEADERS:3', 'HEADERS:5', 'HEADERS:7'],
      ...['DATA:1', 'DATA:3', 'DATA:5', 'DATA:7'],
      ...['DATA:3', 'DATA:5', 'DATA:7'],
      ...['DATA:3', 'DATA:5', 'DATA:7'],
      'GOAWAY:0',
    ]);
  });

  it('tls "none" is h2c (no TLS events); with TLS 1.3 the handshake precedes the preface', () => {
    expect(ofType(simulate(h2({ page })).trace, 'tls')).toEqual([]);
    const { trace } = simulate(h2({ page, tls: 'tls1.3' }));
    const first = packets(trace, (p) => p.dir === 'c2s' && (p.frames?.length ?? 0) > 0)[0];
    expect(first?.t).toBe(200);
    expect(first?.label).toBe('Finished + preface, SETTINGS [0] + HEADERS [1] GET /index.html');
  });
});

describe('HTTP/2: TCP head-of-line blocking', () => {
  // Up front: HTML (1,000 B) and three 3,000-byte objects, all ready at 150 ms; the server's
  // 10,358 bytes fill 8 segments (7 x 1,460 + 138) that all arrive at 200 ms. Segment 2 (part of
  // stream 3's DATA) is dropped: segments 3-8 arrive out of order, three duplicate ACKs reach the
  // server at 250, the retransmission arrives at 300.
  const sc = h2({
    page: { htmlBytes: 1000, objects: 3, objectBytes: 3000, discovery: 'upfront' },
    network: { drop: [{ connection: 1, segment: 2 }] },
  });

  it('one lost segment stalls every stream whose bytes follow it, until the same instant', () => {
    const { trace, metrics } = simulate(sc);
    const stalls = ofType(trace, 'stream-stall').map((e) => [
      e.side,
      e.stream,
      e.requestIds,
      e.fromMs,
      e.toMs,
      e.cause,
    ]);
    // Segment 2 carried only stream 3's DATA: stream 3 waits for its own bytes, streams 5 and 7
    // lost nothing and wait behind them (head-of-line blocked).
    expect(packets(trace, (p) => p.dropped)[0]?.frames).toEqual([{ stream: 3, type: 'DATA' }]);
    expect(stalls).toEqual([
      ['client', 3, [2], 200, 300, 'own-data'],
      ['client', 5, [3], 200, 300, 'head-of-line'],
      ['client', 7, [4], 200, 300, 'head-of-line'],
    ]);
    const retransmission = packets(trace, (p) => p.retransmit && p.dir === 's2c')[0];
    expect(retransmission?.arriveMs).toBe(300);
    // Streams 5 and 7 lost nothing, yet complete only when stream 3's bytes are repaired.
    expect(metrics.requests.map((r) => r.doneMs)).toEqual([200, 300, 300, 300]);
    // Requests 2-4 are sent with the HTML's at 100 (up front) and done at 300.
    const stream = (n: number, id: number, cause: 'own-data' | 'head-of-line') => ({
      conn: 1,
      side: 'client',
      stream: n,
      requestId: id,
      lifetime: { startMs: 100, endMs: 300 },
      ms: 100,
      headOfLineMs: cause === 'head-of-line' ? 100 : 0,
      ownDataMs: cause === 'own-data' ? 100 : 0,
      intervals: [{ startMs: 200, endMs: 300, cause }],
    });
    expect(metrics.streamStallMs).toEqual({
      total: 300,
      longest: 100,
      count: 3,
      headOfLine: { total: 200, longest: 100, count: 2 },
      ownData: { total: 100, longest: 100, count: 1 },
      streams: [
        stream(3, 2, 'own-data'),
        stream(5, 3, 'head-of-line'),
        stream(7, 4, 'head-of-line'),
      ],
    });
  });

  it('without the drop nothing stalls and every response is done at 200 ms', () => {
    const { metrics } = simulate(
      h2({ page: { htmlBytes: 1000, objects: 3, objectBytes: 3000, discovery: 'upfront' } }),
    );
    expect(metrics.requests.map((r) => r.doneMs)).toEqual([200, 200, 200, 200]);
    const none = { total: 0, longest: 0, count: 0 };
    expect(metrics.streamStallMs).toEqual({
      ...none,
      headOfLine: none,
      ownData: none,
      streams: [],
    });
  });

  describe('at 10 Mbit/s: the wait is one RTT plus serialization (fast retransmit)', () => {
    // The same page and drop at 10 Mbit/s: a full segment is 1,500 B on the wire, 1.2 ms; an ACK
    // 40 B, 0.032 ms. Segments 3-8 arrive 1.2 ms apart; segment 5 (3rd duplicate ACK) triggers
    // fast retransmit: its ACK reaches the server 0.032 + 50 ms later, and the retransmission of
    // segment 2 arrives 1.2 + 50 ms after that. Stream 3's and 5's first waiting bytes came in
    // segment 3 (they wait 2 x 1.2 + 0.032 + 100 + 1.2 = 103.632 ms), stream 7's in segment 6
    // (3.6 ms later: 100.032 ms).
    const slow = h2({
      page: { htmlBytes: 1000, objects: 3, objectBytes: 3000, discovery: 'upfront' },
      network: { bandwidthMbps: 10, drop: [{ connection: 1, segment: 2 }] },
    });
    const { trace, metrics } = simulate(slow);
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    const dropped = data.find((p) => p.dropped);
    const resent = data.find((p) => p.retransmit);

    it('the trace has the packet times the closed form assumes', () => {
      const arrivals = data.slice(2, 8).map((p) => p.arriveMs ?? NaN);
      for (let i = 1; i < arrivals.length - 1; i++)
        expect((arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0)).toBeCloseTo(1.2, 9);
      expect((resent?.arriveMs ?? 0) - (arrivals[2] ?? 0)).toBeCloseTo(0.032 + 100 + 1.2, 9);
      expect(dropped?.frames).toEqual([{ stream: 3, type: 'DATA' }]);
    });

    it('stream 3 waits for its own lost data, streams 5 and 7 are head-of-line blocked', () => {
      // From the trace: each stream waits from the first arrival of its bytes after the hole to
      // the retransmission's arrival; own data when the lost segment carried its frames.
      const lost = new Set((dropped?.frames ?? []).map((f) => f.stream));
      const firstArrival = new Map<number, number>();
      for (const p of data)
        if (p.seq > (dropped?.seq ?? 0) && (p.arriveMs ?? Infinity) < (resent?.arriveMs ?? 0))
          for (const f of p.frames ?? [])
            if (!firstArrival.has(f.stream)) firstArrival.set(f.stream, p.arriveMs ?? NaN);
      const end = resent?.arriveMs ?? NaN;
      const fromTrace = [...firstArrival].map(([stream, from]) => ({
        stream,
        ms: end - from,
        cause: lost.has(stream) ? 'own-data' : 'head-of-line',
      }));
      const got = (metrics.streamStallMs?.streams ?? []).map((s) => ({
        stream: s.stream,
        ms: s.ms,
        cause: s.ownDataMs > 0 ? 'own-data' : 'head-of-line',
      }));
      expect(got.map((g) => g.stream)).toEqual(fromTrace.map((f) => f.stream));
      got.forEach((g, i) => {
        expect(g.cause).toBe(fromTrace[i]?.cause);
        expect(g.ms).toBeCloseTo(fromTrace[i]?.ms ?? NaN, 9);
      });
      // The closed form above.
      expect(got).toEqual([
        { stream: 3, ms: 103.632, cause: 'own-data' },
        { stream: 5, ms: 103.632, cause: 'head-of-line' },
        { stream: 7, ms: 100.032, cause: 'head-of-line' },
      ]);
      expect(metrics.streamStallMs?.headOfLine).toEqual({
        total: 203.664,
        longest: 103.632,
        count: 2,
      });
      expect(metrics.streamStallMs?.ownData).toEqual({
        total: 103.632,
        longest: 103.632,
        count: 1,
      });
    });
  });

  it('HTTP/1.x metrics have no streamStallMs field (older traces unchanged)', () => {
    expect('streamStallMs' in simulate({ page: { objects: 2 } }).metrics).toBe(false);
  });

  it('determinism with random loss: same seed, identical trace', () => {
    const lossy = h2({
      seed: 7,
      network: { lossRate: 0.03, bandwidthMbps: 10 },
      page: { objects: 30, objectBytes: 10000 },
      tls: 'tls1.3',
    });
    expect(simulate(lossy).trace).toEqual(simulate(lossy).trace);
  });
});

describe('HTTP/2 scenario validation', () => {
  it('rejects keepAlive false with version 2 and explains why', () => {
    const r = validateScenario({ http: { version: '2', keepAlive: false } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        {
          path: 'http.keepAlive',
          message:
            'must be true (or absent) with http.version "2": HTTP/2 connections are always persistent (keepAlive applies to HTTP/1.0 and 1.1)',
        },
      ]);
  });

  it('rejects pipelining with version 2', () => {
    const r = validateScenario({ http: { version: '2', pipelining: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('http.pipelining');
  });

  it('maxConcurrentStreams defaults to 100 and must be 1..1000', () => {
    const r = validateScenario({ http: { version: '2' } });
    expect(r.ok && r.scenario.http.maxConcurrentStreams).toBe(100);
    expect(validateScenario({ http: { version: '2', maxConcurrentStreams: 0 } }).ok).toBe(false);
  });
});
