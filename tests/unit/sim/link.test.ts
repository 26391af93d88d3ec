import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/engine';
import type { LinkConfig } from '../../../src/sim/link';
import { Link } from '../../../src/sim/link';
import { HEADER_BYTES } from '../../../src/sim/packet';
import { mulberry32 } from '../../../src/sim/rng';
import type { Segment } from '../../../src/sim/tcp/segment';
import { recordSegment } from '../../../src/sim/tcp/segment';
import { TraceRecorder } from '../../../src/sim/trace';
import type { PacketEvent } from '../../../src/sim/trace';

function seg(len: number, dir: 'c2s' | 's2c' = 'c2s', conn = 1): Segment {
  return {
    conn,
    dir,
    seq: 1,
    ack: 0,
    len,
    wnd: 65535,
    syn: false,
    ackFlag: true,
    fin: false,
    rst: false,
    kind: len > 0 ? 'DATA' : 'ACK',
    label: 'x',
    requestIds: [],
    retransmit: false,
    wireBytes: len + HEADER_BYTES,
    dataBearing: len > 0,
    record: recordSegment,
  };
}

function setup(cfg: Partial<LinkConfig>) {
  const engine = new Engine();
  const trace = new TraceRecorder();
  const link = new Link(engine, mulberry32(1), trace, {
    oneWayUs: 10000,
    bandwidthMbps: 8,
    lossRate: 0,
    drops: [],
    ...cfg,
  });
  const arrivals: number[] = [];
  const sink = { receive: () => arrivals.push(engine.now) };
  return { engine, trace, link, arrivals, sink, packets: () => trace.events as PacketEvent[] };
}

describe('Link', () => {
  it('send delivers after serialization plus one-way delay', () => {
    // 960 B payload + 40 B headers = 1000 B = 8000 bits at 8 Mbit/s = 1000 us; + 10 ms propagation.
    const s = setup({});
    s.link.send(seg(960), s.sink);
    s.engine.run();
    expect(s.arrivals).toEqual([11000]);
    const p = s.packets()[0] as PacketEvent;
    expect(p.wireBytes).toBe(1000);
    expect([p.sendMs, p.txStartMs, p.txEndMs, p.arriveMs]).toEqual([0, 0, 1, 11]);
  });

  it('send queues packets FIFO per direction; the other direction is independent', () => {
    const s = setup({});
    s.link.send(seg(960), s.sink);
    s.link.send(seg(960), s.sink);
    s.link.send(seg(960, 's2c'), s.sink);
    s.engine.run();
    expect(s.arrivals).toEqual([11000, 11000, 12000]);
    expect(s.packets().map((p) => p.txStartMs)).toEqual([0, 1, 0]);
  });

  it('serializationUs rounds bits / Mbit/s to whole microseconds', () => {
    const s = setup({ bandwidthMbps: 100000 });
    expect(s.link.serializationUs(1500)).toBe(0); // 0.12 us
    expect(s.link.serializationUs(HEADER_BYTES)).toBe(0);
  });

  it('a drop rule removes exactly the n-th data segment of that connection and direction', () => {
    const s = setup({ drops: [{ connection: 2, segment: 2, direction: 's2c' }] });
    s.link.send(seg(100, 's2c', 1), s.sink);
    s.link.send(seg(100, 's2c', 2), s.sink);
    s.link.send(seg(0, 's2c', 2), s.sink); // pure ACK: not counted
    s.link.send(seg(100, 'c2s', 2), s.sink); // other direction: not counted
    s.link.send(seg(100, 's2c', 2), s.sink); // 2nd data segment of conn 2 s2c: dropped
    s.link.send(seg(100, 's2c', 2), s.sink);
    s.engine.run();
    expect(s.packets().map((p) => p.dropped)).toEqual([false, false, false, false, true, false]);
    expect(s.packets()[4]?.dropReason).toBe('targeted');
    expect(s.arrivals.length).toBe(5);
  });

  it('random loss follows the seeded generator', () => {
    const run = (seed: number) => {
      const engine = new Engine();
      const trace = new TraceRecorder();
      const link = new Link(engine, mulberry32(seed), trace, {
        oneWayUs: 1,
        bandwidthMbps: 1000,
        lossRate: 0.3,
        drops: [],
      });
      for (let i = 0; i < 200; i++) link.send(seg(10), { receive: () => undefined });
      return (trace.events as PacketEvent[]).map((p) => p.dropped);
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    const lost = a.filter(Boolean).length;
    expect(lost).toBeGreaterThan(30);
    expect(lost).toBeLessThan(90);
  });
});
