/**
 * "Drop this packet" (`src/sim/drop-rule.ts`): the rule found for a packet of a run loses that
 * packet, and nothing before it changes, when the scenario runs again with the rule added.
 */
import { describe, expect, it } from 'vitest';
import { dataBearing, dropRuleFor } from '../../../src/sim/drop-rule';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { PacketEvent, Trace } from '../../../src/sim/trace';
import { packets } from './helpers';

const h1: ScenarioInput = {
  seed: 1,
  network: { rttMs: 100, bandwidthMbps: 10 },
  http: { version: '1.1' },
  client: { maxConnectionsPerHost: 2 },
  page: { htmlBytes: 5000, objects: 4, objectBytes: 20000 },
};

const h3: ScenarioInput = { ...h1, http: { version: '3' } };

function withDrop(input: ScenarioInput, rule: NonNullable<ReturnType<typeof dropRuleFor>>) {
  return {
    ...input,
    network: { ...input.network, drop: [...(input.network?.drop ?? []), rule] },
  } as ScenarioInput;
}

/** Checks that re-running with packet `p`'s rule drops exactly it, after an identical prefix. */
function dropsExactly(input: ScenarioInput, trace: Trace, p: PacketEvent): void {
  const rule = dropRuleFor(trace, p.id);
  expect(rule).toBeDefined();
  const again = simulate(withDrop(input, rule!)).trace;
  const i = trace.indexOf(p);
  expect(again.slice(0, i)).toEqual(trace.slice(0, i));
  const lost = again[i] as PacketEvent;
  expect(lost).toMatchObject({ type: 'packet', id: p.id, conn: p.conn, dir: p.dir, seq: p.seq });
  expect(lost.dropped).toBe(true);
  expect(lost.dropReason).toBe('targeted');
}

describe('dropRuleFor', () => {
  it('counts data-bearing packets per connection and direction (hand count)', () => {
    const { trace } = simulate(h1);
    // Server data on connection 1: its 1st, 2nd and 5th data segments get segments 1, 2, 5.
    const s2c = packets(trace, (p) => p.conn === 1 && p.dir === 's2c' && p.payloadBytes > 0);
    expect(dropRuleFor(trace, s2c[0]!.id)).toEqual({ connection: 1, direction: 's2c', segment: 1 });
    expect(dropRuleFor(trace, s2c[4]!.id)).toEqual({ connection: 1, direction: 's2c', segment: 5 });
    // The first request (the client's first data segment on connection 1).
    const get = packets(trace, (p) => p.conn === 1 && p.dir === 'c2s' && p.payloadBytes > 0)[0]!;
    expect(get.label).toBe('GET /index.html');
    expect(dropRuleFor(trace, get.id)).toEqual({ connection: 1, direction: 'c2s', segment: 1 });
  });
  it('has no rule for a packet without data (SYN, pure ACK) or an unknown id', () => {
    const { trace } = simulate(h1);
    const syn = packets(trace, (p) => p.label === 'SYN')[0]!;
    expect(dataBearing(syn)).toBe(false);
    expect(dropRuleFor(trace, syn.id)).toBeUndefined();
    expect(dropRuleFor(trace, 1e9)).toBeUndefined();
  });
  it('TCP: re-running with the rule drops that packet and only changes what follows', () => {
    const { trace } = simulate(h1);
    const data = packets(trace, dataBearing);
    for (const p of [data[0]!, data[7]!, data.at(-1)!]) dropsExactly(h1, trace, p);
  });
  it('QUIC: the same for a packet with STREAM or CRYPTO frames', () => {
    const { trace } = simulate(h3);
    const data = packets(trace, dataBearing);
    expect(data.every((p) => p.transport === 'udp')).toBe(true);
    for (const p of [data[0]!, data[5]!, data.at(-2)!]) dropsExactly(h3, trace, p);
  });
  it('a second drop on a run that already lost one packet', () => {
    const first = dropRuleFor(simulate(h1).trace, packets(simulate(h1).trace, dataBearing)[6]!.id)!;
    const input = withDrop(h1, first);
    const { trace } = simulate(input);
    const later = packets(trace, (p) => dataBearing(p) && !p.dropped).at(-3)!;
    dropsExactly(input, trace, later);
  });
});
