import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../../src/components/views/text';
import { ladderFrame, ladderFrames } from '../../../src/components/views/ladder/frame';
import { defaultLadderHeight } from '../../../src/components/views/clock';
import { layoutLadder } from '../../../src/components/views/ladder/layout';
import { ladderPackets, oneWayDelays } from '../../../src/components/views/ladder/packets';
import { packets, trace } from './fixture';

// Layout used below: width 400, height 280, so top 34, bottom 266, axis at x 52, client column at
// x 76, server column at x 360; the axis ends at the last line end, 550 ms (the retransmitted FIN),
// so y(ms) = 34 + ms * 232 / 550.
const y = (ms: number): number => 34 + (ms * 232) / 550;
const layout = layoutLadder(ladderPackets(trace), { width: 400, height: 280 });
const countM = (d: string): number => (d.match(/M/g) ?? []).length;

describe('oneWayDelays', () => {
  it('oneWayDelays reads 50 ms both ways from the first delivered packets', () => {
    expect(oneWayDelays(packets)).toEqual({ c2s: 50, s2c: 50 });
  });
  it('oneWayDelays falls back to the other direction, then to 50 ms', () => {
    expect(oneWayDelays([packets[1]!])).toEqual({ c2s: 50, s2c: 50 });
    expect(oneWayDelays([packets[7]!])).toEqual({ c2s: 50, s2c: 50 });
  });
});

describe('ladderPackets', () => {
  it('ladderPackets ends a dropped packet halfway, 25 ms after its last bit', () => {
    const fin = ladderPackets(trace).find((p) => p.id === 8)!;
    expect(fin).toMatchObject({ dropped: true, reach: 0.5, owdMs: 50, endMs: 325 });
  });
  it('ladderPackets keeps only the connections asked for', () => {
    expect(ladderPackets(trace, [2])).toEqual([]);
    expect(ladderPackets(trace, [1])).toHaveLength(9);
  });
  it('ladderPackets sorts by send time, then id', () => {
    expect(ladderPackets(trace).map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('layoutLadder', () => {
  it('layoutLadder puts the columns and axis at the margins', () => {
    expect(layout).toMatchObject({ top: 34, bottom: 266, axisX: 52, xClient: 76, xServer: 360 });
    expect(layout.domainMs).toBe(550);
    expect(layout.axis.gaps).toEqual([]);
  });
  it('layoutLadder draws the SYN from the client at 0 ms to the server at 50 ms', () => {
    const l = layout.lines[0]!;
    expect(l.x1).toBe(76);
    expect(l.y1).toBeCloseTo(34, 9);
    expect(l.x2).toBe(360);
    expect(l.y2).toBeCloseTo(y(50), 9);
  });
  it('layoutLadder stops the dropped FIN halfway across at 325 ms', () => {
    const l = layout.lines[7]!;
    expect(l.x2).toBe(218);
    expect(l.y2).toBeCloseTo(y(325), 9);
  });
  it('layoutLadder makes one path per connection with 8 solid lines, 1 dashed, 8 heads, 1 cross', () => {
    expect(layout.conns).toHaveLength(1);
    const c = layout.conns[0]!;
    expect(c.color).toBe('var(--ka-c1)');
    expect(c.endTimes).toEqual([50, 100, 150, 154, 220, 230, 280, 325, 550]);
    expect(countM(c.line.full)).toBe(8);
    expect(countM(c.dashed.full)).toBe(1);
    expect(countM(c.heads.full)).toBe(8);
    expect(countM(c.crosses.full)).toBe(2);
  });
  it('layoutLadder draws bands only where serialization is at least 1.5 px (GET and both 200 OK parts)', () => {
    expect(countM(layout.conns[0]!.bands.full)).toBe(3);
  });
  it('layoutLadder places labels without overlap, skipping the ACK under GET and the second 200 OK part', () => {
    expect(layout.labels.map((l) => l.id)).toEqual([1, 2, 4, 5, 7, 8, 9]);
    const fin = layout.labels.find((l) => l.id === 8)!;
    expect(fin.x).toBe(147);
    expect(fin.showMs).toBe(312.5);
  });
  it('layoutLadder hides labels when the columns are under 140 px apart', () => {
    expect(layoutLadder(ladderPackets(trace), { width: 250 }).labels).toEqual([]);
  });
  it('layoutLadder starts the axis at 0 ms at the top', () => {
    expect(layout.ticks[0]).toEqual({ value: 0, pos: 34, label: '0' });
    expect(layout.ticks.at(-1)!.value).toBe(500);
  });
});

describe('ladderFrame', () => {
  it('ladderFrame at 0 ms shows the SYN leaving the client and nothing completed', () => {
    const f = ladderFrame(layout, 0);
    expect(f.sent).toBe(1);
    expect(f.connsSeen).toBe(1);
    expect(f.conns).toEqual([]);
    expect(f.inFlight).toHaveLength(1);
    expect(f.inFlight[0]).toMatchObject({ id: 1, x1: 76, x2: 76, y2: 34 });
    expect(f.labels).toEqual([]);
  });
  it('ladderFrame at 75 ms has the SYN done and the SYN-ACK halfway back', () => {
    const f = ladderFrame(layout, 75);
    expect(f.sent).toBe(2);
    expect(f.conns[0]!.line).toBe('M76,34L360,55.1');
    expect(f.inFlight.map((p) => p.id)).toEqual([2]);
    expect(f.inFlight[0]).toMatchObject({ x1: 360, x2: 218, y2: 65.6 });
    expect(f.labels.map((l) => l.id)).toEqual([1, 2]);
    expect(f.nowY).toBe(65.6);
  });
  it('ladderFrame at 310 ms has the lost FIN a fifth of the way across', () => {
    const f = ladderFrame(layout, 310);
    expect(f.inFlight).toHaveLength(1);
    expect(f.inFlight[0]).toMatchObject({ id: 8, x2: 132.8, y2: 164.8 });
  });
  it('ladderFrame after the end has everything completed and nothing in flight', () => {
    const f = ladderFrame(layout, 10_000);
    expect(f.sent).toBe(9);
    expect(f.inFlight).toEqual([]);
    expect(f.conns[0]!.line).toBe(layout.conns[0]!.line.full);
    expect(f.labels).toHaveLength(7);
    expect(f.nowY).toBe(266);
  });
  it('ladderFrame before 0 ms draws nothing', () => {
    const f = ladderFrame(layout, -1);
    expect(f.sent).toBe(0);
    expect(f.inFlight).toEqual([]);
    expect(f.conns).toEqual([]);
  });
});

describe('ladderFrames', () => {
  it("ladderFrames keeps a connection's paths and the labels while no packet completes (75 → 80 ms)", () => {
    // Completed packets end at 50, 100, …: none between 75 and 80 ms.
    const at = ladderFrames(layout);
    const a = at(75);
    const b = at(80);
    expect(b.conns[0]).toBe(a.conns[0]);
    expect(b.labels).toBe(a.labels);
    expect(b.inFlight[0]!.y2).toBeGreaterThan(a.inFlight[0]!.y2);
  });
  it("ladderFrames makes new paths once the SYN-ACK completes at 100 ms, equal to ladderFrame's", () => {
    const at = ladderFrames(layout);
    const a = at(75);
    const b = at(101);
    expect(b.conns[0]).not.toBe(a.conns[0]);
    expect(b).toEqual(ladderFrame(layout, 101));
    expect(at(75)).toEqual(ladderFrame(layout, 75));
  });
});

describe('helpers', () => {
  it('defaultLadderHeight clamps 22 px per packet between 280 and 640', () => {
    expect(defaultLadderHeight(3)).toBe(280);
    expect(defaultLadderHeight(20)).toBe(500);
    expect(defaultLadderHeight(1000)).toBe(640);
  });
  it('fitLabel shortens with an ellipsis', () => {
    expect(fitLabel('GET /a.png', 20)).toBe('GET /a.png');
    expect(fitLabel('GET /a.png', 5)).toBe('GET …');
  });
});

describe('layoutLadder with a long quiet gap', () => {
  // The FIN retransmission moved to 15,000 ms: the 14,675 ms without packets (from the lost FIN's
  // drop point at 325 ms to 15,000 ms) collapse to one 28 px gap; the last FIN ends at the bottom.
  const late = trace.map((e) =>
    e.type === 'packet' && e.id === 9
      ? { ...e, t: 15_000, sendMs: 15_000, txStartMs: 15_000, txEndMs: 15_000, arriveMs: 15_050 }
      : e,
  );
  const gapped = layoutLadder(ladderPackets(late), { width: 400, height: 280 });
  it('layoutLadder collapses the 14,675 ms without packets into one gap', () => {
    expect(gapped.axis.gaps).toHaveLength(1);
    expect(gapped.axis.gaps[0]).toMatchObject({ ms0: 325, ms1: 15_000 });
    expect(gapped.axis.gaps[0]!.px1 - gapped.axis.gaps[0]!.px0).toBe(28);
  });
  it('layoutLadder ends the last FIN at the bottom of the axis', () => {
    expect(gapped.lines[8]!.y2).toBe(266);
  });
  it('layoutLadder with compressIdle false keeps the axis linear', () => {
    const plain = layoutLadder(ladderPackets(late), { width: 400, compressIdle: false });
    expect(plain.axis.gaps).toEqual([]);
  });
});
