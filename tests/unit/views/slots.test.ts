import { describe, expect, it } from 'vitest';
import type { WorkloadTimeline } from '../../../src/sim/workload-timeline';
import {
  layoutSlots,
  mergeSlotBins,
  slotAt,
  slotBins,
  slotReadout,
  slotStats,
  slotSummary,
  slotsMax,
  stepArea,
} from '../../../src/components/views/slots';

/**
 * Three 1 s bins, 10 workers: 2 + 3, 5 + 5 (full) and 8 + 2 (full, 4 waiting, 3 SYNs dropped).
 * Free is 10 − 2 − 3 = 5, then 0 and 0.
 */
const timeline: WorkloadTimeline = {
  stepMs: 1000,
  capacity: 10,
  busy: [2, 5, 8],
  idle: [3, 5, 2],
  backlog: [0, 0, 4],
  synDrops: [0, 0, 3],
  timeWait: [0, 0, 0],
};

/** The same without a capacity (unlimited). */
const unlimited: WorkloadTimeline = { ...timeline, capacity: null };

describe('slotBins', () => {
  it('slotBins gives each bin its span and free = capacity − busy − idle', () => {
    expect(slotBins(timeline)).toEqual([
      { startMs: 0, endMs: 1000, busy: 2, idle: 3, free: 5, backlog: 0, synDrops: 0 },
      { startMs: 1000, endMs: 2000, busy: 5, idle: 5, free: 0, backlog: 0, synDrops: 0 },
      { startMs: 2000, endMs: 3000, busy: 8, idle: 2, free: 0, backlog: 4, synDrops: 3 },
    ]);
  });
  it('slotBins leaves free null without a capacity', () => {
    expect(slotBins(unlimited).map((b) => b.free)).toEqual([null, null, null]);
  });
  it('slotBins never makes free negative', () => {
    expect(slotBins({ ...timeline, capacity: 9 }).map((b) => b.free)).toEqual([4, 0, 0]);
  });
});

describe('slotAt', () => {
  const bins = slotBins(timeline);
  it('slotAt finds the bin holding a time, the first before 0 and the last at the end', () => {
    expect(slotAt(bins, 1500)?.startMs).toBe(1000);
    expect(slotAt(bins, 1000)?.startMs).toBe(1000);
    expect(slotAt(bins, -5)?.startMs).toBe(0);
    expect(slotAt(bins, 3000)?.startMs).toBe(2000);
    expect(slotAt([], 10)).toBeUndefined();
  });
});

describe('mergeSlotBins', () => {
  // Five 1 s bins merged three by three: [0, 3) s and [3, 5) s.
  const five = slotBins({
    stepMs: 1000,
    capacity: 10,
    busy: [1, 2, 3, 4, 6],
    idle: [0, 3, 3, 1, 1],
    backlog: [0, 2, 1, 0, 5],
    synDrops: [0, 1, 2, 0, 4],
    timeWait: [0, 0, 0, 0, 0],
  });
  it('mergeSlotBins averages busy, idle and free, keeps the longest backlog and sums drops', () => {
    expect(mergeSlotBins(five, 2)).toEqual([
      { startMs: 0, endMs: 3000, busy: 2, idle: 2, free: 6, backlog: 2, synDrops: 3 },
      { startMs: 3000, endMs: 5000, busy: 5, idle: 1, free: 4, backlog: 5, synDrops: 4 },
    ]);
  });
  it('mergeSlotBins returns the bins unchanged when they fit', () => {
    expect(mergeSlotBins(five, 5)).toEqual(five);
  });
});

describe('slotStats', () => {
  it('slotStats gives the peaks, the drops and the first full bin (busy + idle = capacity)', () => {
    expect(slotStats(timeline)).toEqual({
      durationMs: 3000,
      stepMs: 1000,
      capacity: 10,
      peakBusy: 8,
      peakIdle: 5,
      peakBacklog: 4,
      synDrops: 3,
      firstFull: { startMs: 1000, endMs: 2000 },
    });
  });
  it('slotStats counts a bin with a backlog as full even when its average is below capacity', () => {
    const queued = { ...timeline, busy: [2, 3, 7], idle: [3, 3, 2] };
    expect(slotStats(queued).firstFull).toEqual({ startMs: 2000, endMs: 3000 });
  });
  it('slotStats has no full bin when the capacity is never reached', () => {
    const calm = { ...timeline, capacity: 20, backlog: [0, 0, 0], synDrops: [0, 0, 0] };
    expect(slotStats(calm).firstFull).toBeUndefined();
    expect(slotStats(unlimited).firstFull).toBeUndefined();
  });
});

describe('slotsMax', () => {
  it('slotsMax leaves room above the capacity: 10 workers → 11.2 → 12', () => {
    expect(slotsMax(10, 10)).toBe(12);
  });
  it('slotsMax without a capacity is the nice peak, and at least 1', () => {
    expect(slotsMax(null, 13)).toBe(14);
    expect(slotsMax(null, 0)).toBe(1);
  });
});

describe('stepArea', () => {
  it('stepArea runs along the upper steps, then back along the lower ones', () => {
    expect(stepArea([0, 10, 20], [50, 50], [30, 40])).toBe('M0,30H10V40H20V50H10V50H0Z');
  });
  it('stepArea of no bins is empty', () => {
    expect(stepArea([0], [], [])).toBe('');
  });
});

describe('layoutSlots', () => {
  // Width 254: the axis runs 44–244 px, bins are 66.67 px wide (edges 44, 110.67, 177.33, 244).
  // The stack runs 0–12 over 196–46 px: y(v) = 196 − 12.5 v.
  const layout = layoutSlots(timeline, 254);
  it('layoutSlots stacks busy from the base, idle on busy and free up to the capacity', () => {
    expect(layout.areas.busy).toBe(
      'M44,171H110.67V133.5H177.33V96H244V196H177.33V196H110.67V196H44Z',
    );
    expect(layout.areas.idle).toBe(
      'M44,133.5H110.67V71H177.33V71H244V96H177.33V133.5H110.67V171H44Z',
    );
    expect(layout.areas.free).toBe('M44,71H110.67V71H177.33V71H244V71H177.33V71H110.67V133.5H44Z');
  });
  it('layoutSlots puts the capacity line at y(10) = 71 and the value axis from 0 to 12', () => {
    expect(layout.limitY).toBe(71);
    expect(layout.main).toEqual({ top: 46, bottom: 196, max: 12 });
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const expected = [196, 171, 146, 121, 96, 71, 46];
    layout.yTicks.forEach((t, i) => expect(t.pos).toBeCloseTo(expected[i]!, 9));
  });
  it('layoutSlots labels the time axis in seconds, one tick per second', () => {
    expect(layout.axis.ticks.map((t) => [t.value, t.label])).toEqual([
      [0, '0'],
      [1000, '1'],
      [2000, '2'],
      [3000, '3'],
    ]);
    expect(layout.axis.ticks[1]!.pos).toBeCloseTo(110.667, 3);
    expect(layout.axis.domainMs).toBe(3000);
  });
  // Each track 30 px below the one above it (its title's row), 30 px (backlog) and 14 px tall.
  it('layoutSlots draws the backlog on its own track scaled to its longest queue (4)', () => {
    expect(layout.backlog).toEqual({
      top: 226,
      bottom: 256,
      max: 4,
      path: 'M44,256H110.67V256H177.33V226H244V256H177.33V256H110.67V256H44Z',
    });
  });
  it('layoutSlots draws one full-height bar for the bin with dropped SYNs', () => {
    expect(layout.drops).toEqual({
      top: 286,
      bottom: 300,
      max: 3,
      bars: [{ x: 177.33, y: 286, width: 66.67, height: 14, count: 3 }],
    });
    expect(layout.height).toBe(306);
  });
  it('layoutSlots draws no free area and no capacity line when unlimited', () => {
    const open = layoutSlots(unlimited, 254);
    expect(open.areas.free).toBe('');
    expect(open.limitY).toBeNull();
    // The peak stack is 10: the axis tops out at 10, so busy 2 sits at 196 − 2 × 15 = 166.
    expect(open.main.max).toBe(10);
    expect(open.areas.busy.startsWith('M44,166H')).toBe(true);
  });
});

describe('slotSummary and slotReadout', () => {
  it('slotSummary gives the peaks, when the workers were first all taken and the refusals', () => {
    expect(slotSummary(timeline, 'threaded', 'en')).toBe(
      'Server workers over 3 s: at most 8 busy and 5 idle in keep-alive (averages per 1 s); all 10 workers are first taken between 1 s and 2 s; 3 SYNs refused (backlog full).',
    );
    expect(slotSummary(timeline, 'threaded', 'zh')).toBe(
      '服务器工作进程，共 3 s：最多 8 个忙碌、5 个被 keep-alive 占用而空闲（每 1 s 的平均值）；在 1 s 到 2 s 之间首次用满全部 10 个工作进程；3 个 SYN 因积压队列已满被拒绝。',
    );
  });
  it('slotSummary speaks of connections and no cap for an unlimited event server', () => {
    expect(slotSummary(unlimited, 'event', 'en')).toBe(
      'Server connections over 3 s: at most 8 active and 5 idle (averages per 1 s); no connection cap; 3 SYNs refused (backlog full).',
    );
    expect(slotSummary(unlimited, 'event', 'zh')).toBe(
      '服务器连接，共 3 s：最多 8 个活跃、5 个空闲（每 1 s 的平均值）；连接数不设上限；3 个 SYN 因积压队列已满被拒绝。',
    );
  });
  it('slotSummary says when the limit is never reached and nothing was refused', () => {
    const calm = { ...timeline, capacity: 20, backlog: [0, 0, 0], synDrops: [0, 0, 0] };
    expect(slotSummary(calm, 'threaded', 'en')).toBe(
      'Server workers over 3 s: at most 8 busy and 5 idle in keep-alive (averages per 1 s); the limit of 20 workers is never reached; no SYN refused.',
    );
  });
  it('slotReadout reads the bin under the cursor, in both languages', () => {
    const bin = slotBins(timeline)[2]!;
    expect(slotReadout(bin, 2500, 'threaded', 'en')).toBe(
      'At 2.5 s: busy 8, idle 2, free 0, backlog 4, SYNs refused 3.',
    );
    expect(slotReadout(bin, 2500, 'event', 'zh')).toBe(
      '2.5 s 时：活跃 8、空闲 2、可用 0、积压 4、拒绝的 SYN 3。',
    );
  });
  it('slotReadout leaves out free without a capacity and rounds averages to one decimal', () => {
    const bin = { ...slotBins(unlimited)[0]!, busy: 2.25, idle: 1.04 };
    expect(slotReadout(bin, 0, 'threaded', 'en')).toBe(
      'At 0 s: busy 2.3, idle 1, backlog 0, SYNs refused 0.',
    );
  });
});

describe('layoutSlots with no bins', () => {
  it('layoutSlots of an empty timeline draws empty areas on a 0–1 s axis', () => {
    const empty = layoutSlots({ ...timeline, busy: [], idle: [], backlog: [], synDrops: [] }, 254);
    expect(empty.axis.domainMs).toBe(1000);
    expect([empty.areas.busy, empty.backlog.path, empty.drops.bars]).toEqual(['', '', []]);
  });
});
