import { describe, expect, it } from 'vitest';
import {
  clipRow,
  waterfallCounts,
  waterfallEndMs,
  waterfallFrames,
} from '../../../src/components/views/waterfall/frame';
import { waterfallRows } from '../../../src/components/views/waterfall/rows';
import type { TraceEvent } from '../../../src/sim/trace';
import { conn, request, sortTrace, trace } from './fixture';

// Request 2 (/b.png) is retried: attempt 1 waits on connection 1 and is closed at 300 ms; attempt 2
// opens connection 2 (TCP 320–420, TLS 1.3 420–520), is sent at 520 and reset at 600.
const extra: TraceEvent[] = [
  request(230, 'queued', 2, '/b.png'),
  request(240, 'assigned', 2, '/b.png', { conn: 1, reused: true }),
  request(240, 'sent', 2, '/b.png', { conn: 1 }),
  request(300, 'retry', 2, '/b.png', { conn: 1, error: 'connection-closed' }),
  request(300, 'queued', 2, '/b.png', { attempt: 2 }),
  request(320, 'assigned', 2, '/b.png', { attempt: 2, conn: 2, reused: false }),
  {
    type: 'conn-open',
    t: 320,
    conn: 2,
    host: 'example.com',
    transport: 'tcp',
    tls: 'tls1.3',
    tlsRoundTrips: 1,
  },
  conn(320, 'client', 'SYN_SENT', 'handshake', 2),
  conn(420, 'client', 'ESTABLISHED', 'tls', 2),
  { type: 'tls', t: 420, conn: 2, side: 'client', step: 'start', version: 'tls1.3' },
  { type: 'tls', t: 520, conn: 2, side: 'client', step: 'done', version: 'tls1.3' },
  conn(520, 'client', 'ESTABLISHED', 'active', 2),
  request(520, 'sent', 2, '/b.png', { attempt: 2, conn: 2 }),
  request(600, 'error', 2, '/b.png', { attempt: 2, conn: 2, error: 'connection-reset' }),
];
const rows = waterfallRows(sortTrace([...trace, ...extra]));

describe('waterfallRows', () => {
  it('waterfallRows gives one row per attempt, ordered by request id then attempt', () => {
    expect(rows.map((r) => [r.requestId, r.attempt, r.outcome])).toEqual([
      [1, 1, 'done'],
      [2, 1, 'retry'],
      [2, 2, 'error'],
    ]);
  });
  it('waterfallRows splits request 1 into connect 0–100, send 100–104, wait 104–220, receive 220–230', () => {
    expect(rows[0]!.phases).toEqual([
      { phase: 'connect', startMs: 0, endMs: 100 },
      { phase: 'send', startMs: 100, endMs: 104 },
      { phase: 'wait', startMs: 104, endMs: 220 },
      { phase: 'receive', startMs: 220, endMs: 230 },
    ]);
    expect(rows[0]).toMatchObject({ conn: 1, reused: false, startMs: 0, endMs: 230 });
    expect(rows[0]!.server).toEqual({ startMs: 154, endMs: 160 });
  });
  it('waterfallRows ends the retried attempt at the retry with its cause', () => {
    expect(rows[1]!.phases).toEqual([
      { phase: 'queued', startMs: 230, endMs: 240 },
      { phase: 'wait', startMs: 240, endMs: 300 },
    ]);
    expect(rows[1]).toMatchObject({ conn: 1, reused: true, error: 'connection-closed' });
  });
  it('waterfallRows starts attempt 2 at the retry and counts connect and TLS on the new connection', () => {
    expect(rows[2]!.phases).toEqual([
      { phase: 'queued', startMs: 300, endMs: 320 },
      { phase: 'connect', startMs: 320, endMs: 420 },
      { phase: 'tls', startMs: 420, endMs: 520 },
      { phase: 'wait', startMs: 520, endMs: 600 },
    ]);
    expect(rows[2]).toMatchObject({ conn: 2, startMs: 300, endMs: 600, error: 'connection-reset' });
  });
  it('waterfallRows draws the wait for a DNS lookup as dns, then the wait for a slot as queued', () => {
    // Request 3 is queued at 230 while its host is looked up (230–260), then waits for a free
    // connection until 270, when it is assigned to the open connection 1 and sent.
    const dns = waterfallRows(
      sortTrace([
        ...trace,
        request(230, 'queued', 3, '/c.png'),
        request(260, 'resolved', 3, '/c.png'),
        request(270, 'assigned', 3, '/c.png', { conn: 1, reused: true }),
        request(270, 'sent', 3, '/c.png', { conn: 1 }),
        request(400, 'done', 3, '/c.png', { conn: 1, bytes: 300 }),
      ]),
    );
    expect(dns.find((r) => r.requestId === 3)?.phases).toEqual([
      { phase: 'dns', startMs: 230, endMs: 260 },
      { phase: 'queued', startMs: 260, endMs: 270 },
      { phase: 'wait', startMs: 270, endMs: 400 },
    ]);
  });
  it('waterfallRows of a trace without requests is empty', () => {
    expect(waterfallRows([{ type: 'end', t: 0, events: 0, outcome: 'idle' }])).toEqual([]);
  });
});

describe('clipRow', () => {
  it('clipRow at 450 ms cuts TLS at 450 and hides the outcome', () => {
    const f = clipRow(rows[2]!, 450);
    expect(f.started).toBe(true);
    expect(f.conn).toBe(2);
    expect(f.outcome).toBeUndefined();
    expect(f.phases).toEqual([
      { phase: 'queued', startMs: 300, endMs: 320 },
      { phase: 'connect', startMs: 320, endMs: 420 },
      { phase: 'tls', startMs: 420, endMs: 450 },
    ]);
  });
  it('clipRow before the attempt starts draws nothing and shows no connection', () => {
    const f = clipRow(rows[2]!, 250);
    expect(f).toEqual({ row: rows[2], started: false, phases: [] });
  });
  it('clipRow at the end shows the outcome and the server time', () => {
    const f = clipRow(rows[0]!, 230);
    expect(f.outcome).toBe('done');
    expect(f.phases).toBe(f.phases);
    expect(f.phases).toEqual(rows[0]!.phases);
    expect(f.server).toEqual({ startMs: 154, endMs: 160 });
  });
  it('clipRow at 157 ms cuts the server time to 154–157', () => {
    expect(clipRow(rows[0]!, 157).server).toEqual({ startMs: 154, endMs: 157 });
  });
});

describe('waterfallEndMs', () => {
  it('waterfallEndMs is the latest row end', () => {
    expect(waterfallEndMs(rows)).toBe(600);
    expect(waterfallEndMs([])).toBe(1);
  });
});

describe('waterfallCounts', () => {
  it('waterfallCounts at 450 ms has 2 requests started, 1 done, on 2 connections', () => {
    expect(waterfallCounts(rows.map((r) => clipRow(r, 450)))).toEqual({
      started: 2,
      done: 1,
      conns: 2,
    });
  });
  it('waterfallCounts at 100 ms has 1 request started, none done, on 1 connection', () => {
    expect(waterfallCounts(rows.map((r) => clipRow(r, 100)))).toEqual({
      started: 1,
      done: 0,
      conns: 1,
    });
  });
});

describe('waterfallFrames', () => {
  const framesAt = waterfallFrames(rows);
  it('waterfallFrames matches clipRow at any time', () => {
    for (const t of [-5, 0, 100, 157, 230, 299, 300, 450, 600, 1000])
      expect(framesAt(t)).toEqual(rows.map((r) => clipRow(r, t)));
  });
  it('waterfallFrames reuses the settled frame of a finished row', () => {
    expect(framesAt(500)[0]).toBe(framesAt(900)[0]);
  });
});
