import { describe, expect, it } from 'vitest';
import {
  clipRow,
  waterfallFrames,
  waterfallMarks,
  waterfallStalls,
} from '../../../src/components/views/waterfall/frame';
import {
  waterfallGroupLabel,
  waterfallLines,
  waterfallRowLabel,
} from '../../../src/components/views/waterfall/lines';
import { waterfallRows } from '../../../src/components/views/waterfall/rows';
import type { TraceEvent } from '../../../src/sim/trace';
import { conn, packet, request, sortTrace, trace as h1Trace } from './fixture';
import { h2Open, muxTrace } from './fixture-mux';
import { recordStalls } from './recorded';

const rows = waterfallRows(muxTrace);

describe('waterfallRows (HTTP/2)', () => {
  it('waterfallRows counts the handshake the first stream waited for: connect 0–100, TLS 100–200', () => {
    expect(rows[0]!.phases).toEqual([
      { phase: 'connect', startMs: 0, endMs: 100 },
      { phase: 'tls', startMs: 100, endMs: 200 },
      { phase: 'send', startMs: 200, endMs: 202 },
      { phase: 'wait', startMs: 202, endMs: 310 },
      { phase: 'receive', startMs: 310, endMs: 320 },
    ]);
  });
  it('waterfallRows gives each row its stream id from its sending on', () => {
    expect(rows.map((r) => [r.requestId, r.stream, r.streamMs])).toEqual([
      [1, 1, 200],
      [2, 3, 320],
      [3, 5, 320],
    ]);
  });
  it('waterfallRows puts the stall of stream 5 (460–760, its own lost data) on /b.png only', () => {
    expect(rows[2]!.stalls).toEqual([{ startMs: 460, endMs: 760, cause: 'own-data' }]);
    expect(rows[0]!.stalls).toBeUndefined();
    expect(rows[1]!.stalls).toBeUndefined();
    expect(rows[2]!.phases).toEqual([
      { phase: 'send', startMs: 320, endMs: 321 },
      { phase: 'wait', startMs: 321, endMs: 440 },
      { phase: 'receive', startMs: 440, endMs: 760 },
    ]);
  });
  it('waterfallRows ends TLS 0-RTT handshake phases at the request it let out early', () => {
    // HTTP/1.1 with 0-RTT: TCP 0–100, the request leaves at 100 with the ClientHello, TLS done at 200.
    const t: TraceEvent[] = sortTrace([
      {
        type: 'conn-open',
        t: 0,
        conn: 1,
        host: 'example.com',
        transport: 'tcp',
        tls: 'tls1.3-0rtt',
        tlsRoundTrips: 0,
      },
      conn(0, 'client', 'SYN_SENT', 'handshake'),
      request(0, 'queued', 1, '/'),
      conn(100, 'client', 'ESTABLISHED', 'tls'),
      { type: 'tls', t: 100, conn: 1, side: 'client', step: 'start', version: 'tls1.3-0rtt' },
      request(100, 'assigned', 1, '/', { conn: 1, reused: false }),
      request(100, 'sent', 1, '/', { conn: 1 }),
      packet({
        id: 1,
        dir: 'c2s',
        kind: 'DATA',
        label: 'GET /',
        send: 100,
        txEnd: 101,
        arrive: 151,
        payload: 80,
        requestIds: [1],
      }),
      { type: 'tls', t: 200, conn: 1, side: 'client', step: 'done', version: 'tls1.3-0rtt' },
      request(200, 'first-byte', 1, '/', { conn: 1 }),
      request(210, 'done', 1, '/', { conn: 1 }),
    ]);
    expect(waterfallRows(t)[0]!.phases).toEqual([
      { phase: 'connect', startMs: 0, endMs: 100 },
      { phase: 'send', startMs: 100, endMs: 101 },
      { phase: 'wait', startMs: 101, endMs: 200 },
      { phase: 'receive', startMs: 200, endMs: 210 },
    ]);
  });
});

describe('clipRow (HTTP/2)', () => {
  it('clipRow at 600 ms cuts the stall at 600 and shows stream 5', () => {
    const f = clipRow(rows[2]!, 600);
    expect(f.stream).toBe(5);
    expect(f.stalls).toEqual([{ startMs: 460, endMs: 600, cause: 'own-data' }]);
  });
  it('clipRow at 450 ms has no stall yet', () => {
    expect(clipRow(rows[2]!, 450).stalls).toBeUndefined();
  });
  it('clipRow before the stream is opened shows no stream id', () => {
    expect(clipRow(rows[0]!, 150).stream).toBeUndefined();
    expect(clipRow(rows[0]!, 200).stream).toBe(1);
  });
  it('waterfallFrames matches clipRow at any time', () => {
    const framesAt = waterfallFrames(rows);
    for (const t of [-1, 0, 150, 200, 330, 460, 600, 760, 900])
      expect(framesAt(t)).toEqual(rows.map((r) => clipRow(r, t)));
  });
});

describe('waterfallMarks (HTTP/2)', () => {
  const framesAt = waterfallFrames(rows);
  it("waterfallMarks keeps a row's object while nothing beside its bars changes (250 → 300 ms)", () => {
    const marksOf = waterfallMarks();
    const a = marksOf(framesAt(250));
    const b = marksOf(framesAt(300));
    expect(b[0]).toBe(a[0]);
    expect(b[0]).toEqual({ row: rows[0], started: true, conn: 1, stream: 1 });
    // /b.png has not started: it is sent at 320 ms.
    expect(b[2]).toBe(a[2]);
    expect(b[2]).toEqual({ row: rows[2], started: false });
  });
  it('waterfallMarks gives a row a new object when it starts, gets its stream or ends (330 ms)', () => {
    const marksOf = waterfallMarks();
    const a = marksOf(framesAt(300));
    const b = marksOf(framesAt(330));
    expect(b[0]).not.toBe(a[0]);
    expect(b[0]).toEqual({ row: rows[0], started: true, conn: 1, stream: 1, outcome: 'done' });
    expect(b[2]).toEqual({ row: rows[2], started: true, conn: 1, stream: 5 });
  });
});

describe('waterfallLines', () => {
  it('waterfallLines puts a heading over the rows of a multiplexed connection', () => {
    // Every row is for example.com, the host the connection was opened to.
    expect(waterfallLines(rows, muxTrace)).toEqual([
      { kind: 'group', open: h2Open, sameHost: true },
      { kind: 'row', index: 0, sameHost: true },
      { kind: 'row', index: 1, sameHost: true },
      { kind: 'row', index: 2, sameHost: true },
    ]);
  });
  it('waterfallLines: a connection that also carries another host’s row (coalesced) is not of one host', () => {
    const t = recordStalls(
      sortTrace([
        ...muxTrace,
        request(330, 'queued', 4, '/c.png', { host: 'cdn.example.com' }),
        request(330, 'assigned', 4, '/c.png', {
          host: 'cdn.example.com',
          conn: 1,
          reused: true,
        }),
      ]),
    );
    expect(waterfallLines(waterfallRows(t), t)).toEqual([
      { kind: 'group', open: h2Open, sameHost: false },
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
      { kind: 'row', index: 2 },
      { kind: 'row', index: 3 },
    ]);
  });
  it('waterfallLines of an HTTP/1.1 trace is one line per row, in order, without headings', () => {
    const h1 = waterfallRows(h1Trace);
    expect(waterfallLines(h1, h1Trace)).toEqual([{ kind: 'row', index: 0 }]);
  });
  it('waterfallLines groups rows by connection, rows not yet assigned last', () => {
    const open2 = { ...h2Open, t: 330, conn: 2 };
    const t = recordStalls(
      sortTrace([
        ...muxTrace,
        open2,
        request(330, 'queued', 4, '/c.png'),
        request(330, 'assigned', 4, '/c.png', { conn: 2, reused: false }),
        request(340, 'queued', 5, '/d.png'),
      ]),
    );
    const r = waterfallRows(t);
    expect(r.map((x) => [x.requestId, x.conn])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, undefined],
    ]);
    expect(waterfallLines(r, t)).toEqual([
      { kind: 'group', open: h2Open, sameHost: true },
      { kind: 'row', index: 0, sameHost: true },
      { kind: 'row', index: 1, sameHost: true },
      { kind: 'row', index: 2, sameHost: true },
      { kind: 'group', open: open2, sameHost: true },
      { kind: 'row', index: 3, sameHost: true },
      { kind: 'row', index: 4 },
    ]);
  });
});

describe('waterfallRowLabel', () => {
  const row = rows[2]!;
  it('waterfallRowLabel names the stream in English and Chinese', () => {
    expect(waterfallRowLabel(row, 5, false, 40, 'en')).toBe('/b.png · stream 5');
    expect(waterfallRowLabel(row, 5, false, 40, 'zh')).toBe('/b.png · 流 5');
  });
  it('waterfallRowLabel is the bare path before the stream is known', () => {
    expect(waterfallRowLabel(row, undefined, false, 40, 'en')).toBe('/b.png');
  });
  it('waterfallRowLabel shortens the path, not the stream id', () => {
    // " · stream 5" is 11 characters: 15 - 11 = 4 for the path, "/b.…".
    expect(waterfallRowLabel(row, 5, false, 15, 'en')).toBe('/b.… · stream 5');
  });
  it('waterfallRowLabel keeps the last segment of a long path, and the stream id', () => {
    // " · stream 11" is 12 characters: 21 - 12 = 9 for the path, "/…/12.jpg".
    expect(waterfallRowLabel({ ...row, path: '/photos/12.jpg' }, 11, false, 21, 'en')).toBe(
      '/…/12.jpg · stream 11',
    );
  });
  it('waterfallRowLabel adds the host when asked and the attempt after a retry', () => {
    expect(waterfallRowLabel({ ...row, attempt: 2 }, 7, true, 60, 'en')).toBe(
      'example.com/b.png · stream 7 ↻2',
    );
  });
});

describe('waterfallGroupLabel', () => {
  it('waterfallGroupLabel names the connection and its stack', () => {
    expect(waterfallGroupLabel(h2Open, 'en')).toBe('connection 1 · HTTP/2 · TCP + TLS 1.3');
    expect(waterfallGroupLabel(h2Open, 'zh')).toBe('连接 1 · HTTP/2 · TCP + TLS 1.3');
    expect(
      waterfallGroupLabel({ ...h2Open, transport: 'quic', http: '3', tlsRoundTrips: 0 }, 'en'),
    ).toBe('connection 1 · HTTP/3 · QUIC');
  });
  it('waterfallGroupLabel names the host too when asked', () => {
    expect(waterfallGroupLabel(h2Open, 'en', true)).toBe(
      'connection 1 · example.com · HTTP/2 · TCP + TLS 1.3',
    );
    expect(waterfallGroupLabel(h2Open, 'zh', true)).toBe(
      '连接 1 · example.com · HTTP/2 · TCP + TLS 1.3',
    );
  });
});

describe('waterfallStalls', () => {
  const none = { requests: 0, ms: 0 };
  it('waterfallStalls at 600 ms counts /b.png waiting 140 ms so far for its own lost data', () => {
    expect(waterfallStalls(rows.map((r) => clipRow(r, 600)))).toEqual({
      headOfLine: none,
      ownData: { requests: 1, ms: 140 },
    });
  });
  it('waterfallStalls is zero before any stall and for HTTP/1.1', () => {
    expect(waterfallStalls(rows.map((r) => clipRow(r, 400)))).toEqual({
      headOfLine: none,
      ownData: none,
    });
    expect(waterfallStalls(waterfallRows(h1Trace).map((r) => clipRow(r, 700)))).toEqual({
      headOfLine: none,
      ownData: none,
    });
  });
  describe('with a head-of-line stall of /a.png and a server-side one of /b.png', () => {
    // Added by hand: stream 3 (/a.png) head-of-line blocked at the client [400, 700) and again
    // [650, 760) (united: [400, 760) = 360 ms); stream 5 (/b.png) head-of-line blocked at the
    // server [330, 470), which overlaps its own-data wait [460, 760) at the client: the row
    // shows head-of-line [330, 460) and own data [460, 760).
    const stall = (
      t: number,
      stream: number,
      fromMs: number,
      side: 'client' | 'server',
    ): TraceEvent => ({
      type: 'stream-stall',
      t,
      conn: 1,
      side,
      stream,
      requestIds: [stream === 3 ? 2 : 3],
      fromMs,
      toMs: t,
      cause: 'head-of-line',
    });
    const more = waterfallRows(
      recordStalls(
        sortTrace([
          ...muxTrace,
          stall(700, 3, 400, 'client'),
          stall(760, 3, 650, 'client'),
          stall(470, 5, 330, 'server'),
        ]),
      ),
    );
    it('waterfallRows unites both sides of a request, own data winning an overlap', () => {
      expect(more[1]!.stalls).toEqual([{ startMs: 400, endMs: 760, cause: 'head-of-line' }]);
      expect(more[2]!.stalls).toEqual([
        { startMs: 330, endMs: 460, cause: 'head-of-line' },
        { startMs: 460, endMs: 760, cause: 'own-data' },
      ]);
    });
    it('waterfallStalls counts each kind per request, united', () => {
      expect(waterfallStalls(more.map((r) => clipRow(r, 800)))).toEqual({
        headOfLine: { requests: 2, ms: 360 + 130 },
        ownData: { requests: 1, ms: 300 },
      });
    });
  });
});
