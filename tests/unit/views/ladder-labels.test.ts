import { describe, expect, it } from 'vitest';
import { layoutLadder } from '../../../src/components/views/ladder/layout';
import { ladderPackets } from '../../../src/components/views/ladder/packets';
import { defaults } from '../../../src/components/controls/params';
import { timeoutRaceSchema } from '../../../src/components/widgets/timeout-race-params';
import { timeoutRaceScenario } from '../../../src/components/widgets/timeout-race-scenarios';
import { simulate } from '../../../src/sim';

describe('placeLabels', () => {
  it('labels the server FIN that crosses a request at the same midpoint, and the RST', () => {
    const { trace } = simulate(timeoutRaceScenario(defaults(timeoutRaceSchema)));
    const packets = ladderPackets(trace);
    const layout = layoutLadder(packets, { width: 640, height: 520 });
    const labelled = new Set(layout.labels.map((l) => l.id));
    const fin = packets.find((p) => p.kind === 'FIN' && p.dir === 's2c' && p.conn === 1);
    const get = packets.find((p) => p.label === 'GET /next1' && p.conn === 1);
    const rst = packets.find((p) => p.kind === 'RST');
    expect(fin && get && rst).toBeTruthy();
    expect(labelled.has(get?.id ?? -1)).toBe(true);
    expect(labelled.has(fin?.id ?? -1)).toBe(true);
    expect(labelled.has(rst?.id ?? -1)).toBe(true);
  });
});
