import { describe, expect, it } from 'vitest';
import { packetsBy } from '../../../src/components/widgets/race-facts';
import { computeMetrics } from '../../../src/sim/metrics';
import { trace } from '../views/fixture';

describe('packetsBy', () => {
  // The fixture's packets are sent at 0, 50, 100, 100, 160, 160, 230, 300 (the FIN, dropped) and
  // 500 ms: four by 120 ms, eight by 310 ms, nine in all.
  it('counts the packets sent by t, as the metrics strip does at the same times', () => {
    expect(packetsBy(trace, -1)).toBe(0);
    expect(packetsBy(trace, 120)).toBe(4);
    expect(packetsBy(trace, 310)).toBe(8);
  });

  it('counts every packet, dropped ones too, by the end of the trace', () => {
    expect(packetsBy(trace, 700)).toBe(9);
    expect(computeMetrics(trace).packets.total).toBe(9);
  });
});
