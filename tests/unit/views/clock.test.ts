import { describe, expect, it } from 'vitest';
import { timeAxis } from '../../../src/components/views/axis';
import { defaultLadderHeight, sharedBusy, sharedClock } from '../../../src/components/views/clock';
import { packet, request } from './fixture';

// Run A: a packet at 0–50 ms and one at 4,000–4,050 ms. Run B: a packet at 1,500–1,600 ms and a
// request waiting from 1,600 to 3,000 ms with nothing on the wire.
const a = [
  packet({ id: 1, dir: 'c2s', kind: 'SYN', label: 'SYN', send: 0, arrive: 50 }),
  packet({ id: 2, dir: 's2c', kind: 'DATA', label: 'x', send: 4000, arrive: 4050 }),
];
const b = [
  packet({ id: 1, dir: 'c2s', kind: 'SYN', label: 'SYN', send: 1500, arrive: 1600 }),
  request(1600, 'queued', 1, '/a.png'),
  request(3000, 'done', 1, '/a.png'),
];

describe('sharedBusy', () => {
  it('sharedBusy merges packets (send → arrival) and requests (first → last event) of every run', () => {
    expect(sharedBusy([a, b])).toEqual([
      [0, 50],
      [1500, 3000],
      [4000, 4050],
    ]);
  });
  it('sharedBusy of a dropped packet ends at the end of its serialization', () => {
    const dropped = [packet({ id: 1, dir: 'c2s', kind: 'DATA', label: 'x', send: 10, txEnd: 12 })];
    expect(sharedBusy([dropped])).toEqual([[10, 12]]);
  });
});

describe('one clock for two runs', () => {
  it('sharedClock gives both panes the same axis: gaps collapse only where both runs are quiet', () => {
    const clock = sharedClock([a, b]);
    const axisA = timeAxis(4050, 0, 600, { busy: clock.busy });
    // Alone, run A would collapse 50–4,000 ms; shared, only the stretches quiet in both runs
    // can collapse: 50–1,500 (1,450 ms) and 3,000–4,000 (1,000 ms) are the candidates.
    const own = timeAxis(4050, 0, 600, {
      busy: [
        [0, 50],
        [4000, 4050],
      ],
    });
    expect(own.gaps.map((g) => [g.ms0, g.ms1])).toEqual([[50, 4000]]);
    for (const g of axisA.gaps) {
      expect(g.ms1 <= 1500 || g.ms0 >= 3000).toBe(true);
    }
  });
  it('sharedClock sizes the ladder for the run with the most packets', () => {
    expect(sharedClock([a, b]).ladderHeight).toBe(defaultLadderHeight(2));
  });
});
