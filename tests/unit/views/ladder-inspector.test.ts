/**
 * The packet inspector's pure part (`views/ladder/inspector.ts`): the arrow-key order, the click's
 * hit test (hand geometry) and what it reads about a packet from a trace (the transmission a
 * retransmission repeats, the sender's window when it left, the heads a packet starts).
 */
import { describe, expect, it } from 'vitest';
import {
  distanceToSegment,
  packetAt,
  packetFacts,
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
