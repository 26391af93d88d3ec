/**
 * The packet inspector's pure part (`views/ladder/inspector.ts`): the arrow-key order, the click's
 * hit test (hand geometry) and what it reads about a packet from a trace (the transmission a
 * retransmission repeats, the sender's window when it left, the heads a packet starts).
 */
import { describe, expect, it } from 'vitest';
import {
  axisTime,
  distanceToSegment,
  packetAt,
  packetFacts,
  requestChoices,
  requestLines,
  visibleMarks,
} from '../../../src/components/views/ladder/inspector';
import type { LadderLayout } from '../../../src/components/views/ladder/layout';
import { simulate } from '../../../src/sim/simulate';
import type { PacketEvent, Trace } from '../../../src/sim/trace';

/** A layout with only what the inspector reads: packets' send times, lines and marks. */
function layoutOf(
  packets: { id: number; sendMs: number }[],
  lines: { x1: number; y1: number; x2: number; y2: number }[],
  marks: number[][],
): LadderLayout {
  return {
    packets,
    lines,
    marks: marks.map((members) => ({ members, conn: 1, label: '', endMs: 0 })),
  } as unknown as LadderLayout;
}

describe('geometry', () => {
  it('distance to a segment: across, beyond an end, and to a point', () => {
    const s = { x1: 0, y1: 0, x2: 10, y2: 0 };
    expect(distanceToSegment(4, 5, s)).toBe(5);
    expect(distanceToSegment(13, 4, s)).toBe(5); // 3-4-5 from the end (10, 0)
    expect(distanceToSegment(3, 4, { x1: 0, y1: 0, x2: 0, y2: 0 })).toBe(5);
  });
  it('a click picks the nearest line within 10 px, among the marks given', () => {
    const layout = layoutOf(
      [
        { id: 1, sendMs: 0 },
        { id: 2, sendMs: 5 },
        { id: 3, sendMs: 6 },
      ],
      [
        { x1: 0, y1: 0, x2: 100, y2: 50 },
        { x1: 0, y1: 20, x2: 100, y2: 70 },
        { x1: 0, y1: 24, x2: 100, y2: 74 },
      ],
      [[0], [1, 2]],
    );
    // The lines have slope 1/2, so a point d px above or below one is d × 2/√5 px from it:
    // (50, 48) is 1 px above packet 3's line (0.89 px), 3 below packet 2's (2.68 px) and 23
    // below packet 1's (20.6 px).
    expect(packetAt(layout, [0, 1], 50, 48)).toBe(2);
    expect(packetAt(layout, [0, 1], 50, 46)).toBe(1);
    expect(packetAt(layout, [0], 50, 48)).toBeUndefined();
    expect(packetAt(layout, [0, 1], 50, 90)).toBeUndefined();
  });
  it('the arrow keys walk the marks sent by t, in send order', () => {
    const layout = layoutOf(
      [
        { id: 1, sendMs: 0 },
        { id: 2, sendMs: 10 },
        { id: 3, sendMs: 5 },
      ],
      [],
      [[0], [1], [2]],
    );
    expect(visibleMarks(layout, 7)).toEqual([0, 2]);
    expect(visibleMarks(layout, 10)).toEqual([0, 2, 1]);
    expect(visibleMarks(layout, -1)).toEqual([]);
  });
});

describe('packetFacts', () => {
  // HTTP/1.1, one connection, the server's 2nd data segment lost: it goes again later.
  const { trace } = simulate({
    seed: 1,
    network: { rttMs: 100, bandwidthMbps: 10, drop: [{ connection: 1, segment: 2 }] },
    client: { maxConnectionsPerHost: 1 },
    page: { htmlBytes: 20000, objects: 1, objectBytes: 1000 },
  });
  const packets = trace.filter((e): e is PacketEvent => e.type === 'packet');
  const data = (dir: 'c2s' | 's2c'): PacketEvent[] =>
    packets.filter((p) => p.dir === dir && p.payloadBytes > 0);

  it('a retransmission names the lost transmission of the same sequence number', () => {
    const lost = data('s2c')[1]!;
    expect(lost.dropped).toBe(true);
    const again = packets.find((p) => p.retransmit && p.seq === lost.seq)!;
    expect(packetFacts(trace, again.id)?.original?.id).toBe(lost.id);
    expect(packetFacts(trace, lost.id)?.original).toBeUndefined();
  });
  it("the sender's congestion window when the packet left: the initial 10 segments at first", () => {
    expect(packetFacts(trace, data('s2c')[0]!.id)?.cwnd).toBe(10);
  });
  it('the GET carries the request head; the first part of a response its head, later parts none', () => {
    const [get] = data('c2s');
    expect(packetFacts(trace, get!.id)?.heads).toEqual([
      { kind: 'request', lines: expect.arrayContaining(['GET /index.html HTTP/1.1']) as unknown },
    ]);
    const [first, second] = data('s2c');
    expect(first!.label).toMatch(/\(part 1\//);
    expect(packetFacts(trace, first!.id)?.heads[0]?.lines[0]).toBe('HTTP/1.1 200 OK');
    expect(packetFacts(trace, second!.id)?.heads).toEqual([]);
  });
  it('no facts for an id the trace lacks', () => {
    expect(packetFacts([] as Trace, 1)).toBeUndefined();
  });
});

describe('the Show filter and the zoom window', () => {
  it('lists requests by path in first-made order, with the stream they were first sent on', () => {
    const trace = [
      { type: 'request', t: 0, step: 'queued', requestId: 1, path: '/index.html' },
      { type: 'request', t: 1, step: 'queued', requestId: 2, path: '/a.png' },
      { type: 'request', t: 2, step: 'sent', requestId: 1, path: '/index.html', stream: 1 },
      { type: 'request', t: 3, step: 'sent', requestId: 2, path: '/a.png', stream: 3 },
      // A retry on another stream does not change the one offered.
      { type: 'request', t: 4, step: 'sent', requestId: 2, path: '/a.png', stream: 5 },
      { type: 'request', t: 5, step: 'queued', requestId: 3, path: '/next1' },
    ] as unknown as Trace;
    expect(requestChoices(trace)).toEqual([
      { path: '/index.html', stream: 1 },
      { path: '/a.png', stream: 3 },
      { path: '/next1' },
    ]);
  });

  it('draws the lines of the packets carrying a path’s requests that have ended by t', () => {
    // Packets 1 (request 1), 2 (request 2), 3 (requests 1 and 2), 4 (none); request 2 is /a.png.
    const trace = [
      { type: 'request', step: 'queued', requestId: 1, path: '/index.html' },
      { type: 'request', step: 'queued', requestId: 2, path: '/a.png' },
      { type: 'packet', id: 1, requestIds: [1] },
      { type: 'packet', id: 2, requestIds: [2] },
      { type: 'packet', id: 3, requestIds: [1, 2] },
      { type: 'packet', id: 4, requestIds: [] },
    ] as unknown as Trace;
    const layout = {
      packets: [1, 2, 3, 4].map((id) => ({ id, endMs: 10 * id })),
      lines: [1, 2, 3, 4].map((id) => ({ x1: 0, y1: id, x2: 100, y2: id + 5 })),
    } as unknown as LadderLayout;
    expect(requestLines(layout, trace, '/a.png', 40)).toBe('M0,2L100,7M0,3L100,8');
    // Packet 3 ends at 30 ms: at 25 ms only packet 2 has.
    expect(requestLines(layout, trace, '/a.png', 25)).toBe('M0,2L100,7');
    expect(requestLines(layout, trace, '/none', 40)).toBe('');
  });

  it('reads times off a ladder axis with a collapsed gap (the inverse of its positions)', () => {
    // 0–100 ms over 34–234 px (2 px per ms), a gap 100–1,000 ms drawn in 234–254 px, then
    // 1,000–1,100 ms over 254–454 px.
    const layout = {
      axis: {
        segments: [
          { ms0: 0, ms1: 100, px0: 34, px1: 234, gap: false },
          { ms0: 100, ms1: 1000, px0: 234, px1: 254, gap: true },
          { ms0: 1000, ms1: 1100, px0: 254, px1: 454, gap: false },
        ],
      },
    } as unknown as LadderLayout;
    expect(axisTime(layout, 0)).toBe(0);
    expect(axisTime(layout, 134)).toBe(50);
    expect(axisTime(layout, 244)).toBe(550);
    expect(axisTime(layout, 354)).toBe(1050);
    expect(axisTime(layout, 900)).toBe(1100);
  });
});
