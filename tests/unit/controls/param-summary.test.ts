import { describe, expect, it } from 'vitest';
import { defaults, defineSchema, type ParamGroup } from '../../../src/components/controls/params';
import { paramSummary, SUMMARY_ALL } from '../../../src/components/controls/param-summary';
import { raceSchema } from '../../../src/components/widgets/race-params';
import { ui } from '../../../src/i18n/ui';

const en = ui('en').widgets;
const zh = ui('zh').widgets;

describe('paramSummary', () => {
  it("lists every value of a short schema as its inputs show it (the Race's defaults)", () => {
    // Labels, option label and units as the Race's inputs show them; numbers grouped by thousands.
    expect(paramSummary(raceSchema, defaults(raceSchema), en)).toBe(
      'Round-trip time 100 ms · Images on the page 6 · Size of each image 10,000 bytes · ' +
        'Bandwidth 10 Mbit/s · Keep-alive side HTTP/1.1 (persistent by default) · ' +
        'Parallel connections 1 · Server keep-alive timeout 5,000 ms',
    );
  });

  const label = (name: string) => () => name;
  const tcp: ParamGroup = { key: 'tcp', legend: label('TCP'), applies: (v) => v['quic'] !== true };
  const long = defineSchema([
    { key: 'rtt', type: 'number', min: 1, max: 500, step: 1, default: 100, label: label('RTT') },
    { key: 'loss', type: 'number', min: 0, max: 50, step: 0.5, default: 0, label: label('Loss') },
    { key: 'quic', type: 'boolean', default: false, label: label('QUIC') },
    ...Array.from({ length: SUMMARY_ALL }, (_, i) => ({
      key: `k${i}`,
      type: 'boolean' as const,
      default: false,
      label: label(`K${i}`),
      group: tcp,
    })),
  ]);

  it('lists only the changed values of a long schema, then how many others are at their defaults', () => {
    const values = { ...defaults(long), loss: 2.5, k3: true };
    // 11 parameters: Loss and K3 changed, the other 9 at their defaults.
    expect(paramSummary(long, values, en)).toBe('Loss 2.5 · K3 on · 9 others at their defaults');
    expect(paramSummary(long, values, zh)).toBe('Loss 2.5 · K3 开 · 其余 9 项为默认值');
  });

  it('says when every value is at its default, and leaves out a group that does not apply', () => {
    expect(paramSummary(long, defaults(long), en)).toBe('All 11 at their defaults');
    // QUIC on: the TCP group (8 parameters) does not apply, even with a changed value in it.
    const quic = { ...defaults(long), quic: true, k0: true };
    expect(paramSummary(long, quic, en)).toBe('QUIC on · 2 others at their defaults');
  });
});
