import { describe, expect, it } from 'vitest';
import {
  dirBit,
  flightGapPx,
  flightJoins,
  flightLabel,
  formatBytes,
  groupPackets,
  ladderMarks,
} from '../../../src/components/views/ladder/flights';
import { ladderFrame } from '../../../src/components/views/ladder/frame';
import { layoutLadder } from '../../../src/components/views/ladder/layout';
import { ladderPackets } from '../../../src/components/views/ladder/packets';
import type { PacketEvent } from '../../../src/sim/trace';
import { packet } from './fixture';

/**
 * One connection, one-way delay 50 ms: SYN 0 → 50, SYN-ACK 50 → 100, GET 100 → 150, ten response
 * segments of 1,460 bytes leaving 0.1 ms apart from 150 ms, five ACKs 0.2 ms apart from 200.2 ms,
 * and a FIN at 210 ms. The axis ends at 260 ms (the FIN's arrival): at height 280 (232 px of
 * axis) that is 0.89 px per ms, so segments 0.1 ms apart start 0.09 px apart (one flight) and
 * packets 5 ms apart start 4.5 px apart (single marks).
 */
function exchange(opts: { lose?: number; spacing?: number } = {}): PacketEvent[] {
  const gap = opts.spacing ?? 0.1;
  const out: PacketEvent[] = [
    packet({ id: 1, dir: 'c2s', kind: 'SYN', label: 'SYN', send: 0, arrive: 50 }),
    packet({ id: 2, dir: 's2c', kind: 'SYN-ACK', label: 'SYN-ACK', send: 50, arrive: 100 }),
    packet({ id: 3, dir: 'c2s', kind: 'DATA', label: 'GET /a.png', send: 100, arrive: 150 }),
  ];
  for (let i = 0; i < 10; i++) {
    const send = 150 + i * gap;
    out.push(
      packet({
        id: 4 + i,
        dir: 's2c',
        kind: 'DATA',
        label: `200 OK /a.png (part ${i + 1}/10)`,
        send,
        payload: 1460,
        ...(opts.lose === i ? {} : { arrive: send + 50 }),
      }),
    );
  }
  for (let i = 0; i < 5; i++) {
    const send = 200.2 + i * 0.2;
    out.push(
      packet({ id: 14 + i, dir: 'c2s', kind: 'ACK', label: 'ACK', send, arrive: send + 50 }),
    );
  }
  out.push(packet({ id: 19, dir: 'c2s', kind: 'FIN', label: 'FIN', send: 210, arrive: 260 }));
  return out;
}

const layoutOf = (trace: PacketEvent[]) =>
  layoutLadder(ladderPackets(trace), { width: 400, height: 280 });
const labelsOf = (trace: PacketEvent[]) =>
  ladderMarks(layoutOf(trace).packets, layoutOf(trace).lines).map((m) => m.label);

describe('flights', () => {
  it('back-to-back segments become one flight labelled with what they carry, a count and the bytes', () => {
    expect(labelsOf(exchange())).toEqual([
      'SYN',
      'SYN-ACK',
      'GET /a.png',
      '200 OK /a.png ×10, 14.6 kB',
      'ACK ×5',
      'FIN',
    ]);
  });
  it('a TLS flight sent back to back is one flight too, not three lines with one label', () => {
    // A server's TLS 1.2 flight (certificate chain included) in three segments 0.1 ms apart.
    const tls = [0, 1, 2].map((i) =>
      packet({
        id: 30 + i,
        dir: 's2c',
        kind: 'TLS',
        label: `ServerHello, Certificate, ServerHelloDone (part ${i + 1}/3)`,
        send: 150 + i * 0.1,
        arrive: 200 + i * 0.1,
        payload: 1400,
      }),
    );
    expect(labelsOf(tls)).toEqual(['ServerHello, Certificate, ServerHelloDone ×3, 4.2 kB']);
  });
  it('packets 5 ms apart (4.5 px) stay single marks', () => {
    expect(layoutOf(exchange({ spacing: 5 })).marks).toHaveLength(3 + 10 + 1 + 1);
  });
  it('a lost segment is its own mark and splits the flight around it', () => {
    expect(labelsOf(exchange({ lose: 4 })).slice(3, 6)).toEqual([
      '200 OK /a.png ×4, 5.8 kB',
      '200 OK /a.png (part 5/10)',
      '200 OK /a.png ×5, 7.3 kB',
    ]);
  });
  it('another connection in between does not split a flight', () => {
    const other = packet({
      id: 40,
      conn: 2,
      dir: 's2c',
      kind: 'DATA',
      label: 'x',
      send: 150.35,
      arrive: 200.35,
    });
    const marks = layoutOf([...exchange(), other]).marks;
    expect(marks.filter((m) => m.conn === 1)).toHaveLength(6);
    expect(marks.filter((m) => m.conn === 2)).toHaveLength(1);
  });
  it('the flight draws one band and two edges; its members are drawn on their own until the last arrives', () => {
    const layout = layoutOf(exchange());
    const c = layout.conns[0]!;
    expect((c.flights.full.match(/M/g) ?? []).length).toBe(2); // data and ACK flights
    // 200.45 ms: segments 1–5 arrived (200, 200.1 … 200.4), the rest in flight; no band yet.
    const mid = ladderFrame(layout, 200.45);
    const own = mid.inFlight.filter((p) => p.id >= 4 && p.id <= 13);
    expect(own).toHaveLength(10);
    expect(own.filter((p) => p.arrived).map((p) => p.id)).toEqual([4, 5, 6, 7, 8]);
    expect(mid.conns[0]!.flights).toBe('');
    // 201 ms: the tenth segment arrived at 200.9: the band replaces them.
    const done = ladderFrame(layout, 201);
    expect(done.inFlight.filter((p) => p.id >= 4 && p.id <= 13)).toEqual([]);
    expect((done.conns[0]!.flights.match(/M/g) ?? []).length).toBe(1);
  });
  it('labels a flight once, when it is complete', () => {
    const layout = layoutOf(exchange());
    const label = layout.labels.find((l) => l.text.startsWith('200 OK'));
    expect(label).toMatchObject({ id: 4, text: '200 OK /a.png ×10, 14.6 kB', showMs: 200.9 });
  });
});

describe('groupPackets with a limit', () => {
  // The exchange's six flights, by hand: SYN, SYN-ACK, GET, the ten segments, the five ACKs, FIN.
  const { packets, lines } = layoutOf(exchange());
  const keys = packets.map((p) => p.conn * 2 + dirBit(p));
  const group = (limit?: number) =>
    groupPackets(packets, lines, keys, flightJoins, flightGapPx, limit);
  const six = [[0], [1], [2], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [13, 14, 15, 16, 17], [18]];
  it('gives the groups when there are at most `limit` of them', () => {
    expect(group()).toEqual(six);
    expect(group(6)).toEqual(six);
  });
  it('gives up as soon as a group beyond the limit starts', () => {
    expect(group(5)).toBeUndefined();
    expect(group(0)).toBeUndefined();
  });
});

describe('flightLabel and formatBytes', () => {
  it('names the kind when the members carry different things', () => {
    const a = ladderPackets([
      packet({
        id: 1,
        dir: 's2c',
        kind: 'DATA',
        label: 'DATA 1',
        send: 0,
        arrive: 1,
        payload: 900,
      }),
      packet({
        id: 2,
        dir: 's2c',
        kind: 'DATA',
        label: 'DATA 3',
        send: 0,
        arrive: 1,
        payload: 300,
      }),
    ]);
    expect(flightLabel(a)).toBe('DATA ×2, 1.2 kB');
  });
  it('names a response whose last segment carries the FIN by the response', () => {
    // HTTP/1.0: the server closes after the response, its FIN on the last segment.
    const parts = [1460, 1460, 870].map((payload, i) =>
      packet({
        id: i + 1,
        dir: 's2c',
        kind: 'DATA',
        label: `200 OK /index.html (part ${i + 1}/3)${i === 2 ? ' + FIN' : ''}`,
        send: 0,
        arrive: 1,
        payload,
      }),
    );
    expect(flightLabel(ladderPackets(parts))).toBe('200 OK /index.html ×3, 3.8 kB');
  });
  it('writes bytes in SI units', () => {
    expect([formatBytes(900), formatBytes(14600), formatBytes(1_234_567)]).toEqual([
      '900 B',
      '14.6 kB',
      '1.2 MB',
    ]);
  });
});
