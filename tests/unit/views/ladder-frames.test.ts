import { describe, expect, it } from 'vitest';
import {
  frameSummary,
  labelKinds,
  packetLabel,
  quicLabelBody,
} from '../../../src/components/views/ladder/labels';
import { ladderPackets } from '../../../src/components/views/ladder/packets';
import type { PacketEvent } from '../../../src/sim/trace';
import { packet, packets as h1Packets, trace as h1Trace } from './fixture';
import { framed, muxPackets, muxTrace } from './fixture-mux';

/** A QUIC packet: type, number, frames and the simulation's label. */
function quic(
  type: NonNullable<PacketEvent['packetType']>,
  n: number,
  label: string,
  kind: PacketEvent['kind'],
  frames: Parameters<typeof framed>[1],
): PacketEvent {
  return {
    ...framed(packet({ id: 50 + n, dir: 's2c', kind, label, send: 0, arrive: 50 }), frames),
    transport: 'udp',
    seq: n,
    packetNumber: n,
    packetType: type,
  };
}

describe('frameSummary', () => {
  it('frameSummary names a single frame: a stream frame with its stream, another alone', () => {
    expect(frameSummary([{ type: 'DATA', stream: 7 }])).toBe('DATA 7');
    expect(frameSummary([{ type: 'STREAM', stream: 0 }])).toBe('STREAM 0');
    expect(frameSummary([{ type: 'ACK', stream: 0 }])).toBe('ACK');
    expect(frameSummary([])).toBe('');
  });
  it('frameSummary lists each frame type once, in wire order, with its streams', () => {
    expect(
      frameSummary([
        { type: 'HEADERS', stream: 3 },
        { type: 'HEADERS', stream: 5 },
        { type: 'DATA', stream: 3 },
      ]),
    ).toBe('HEADERS 3,5 + DATA 3');
  });
  it('frameSummary gives connection frames without a stream id', () => {
    expect(
      frameSummary([
        { type: 'SETTINGS', stream: 0 },
        { type: 'SETTINGS', stream: 0 },
        { type: 'HEADERS', stream: 1 },
        { type: 'DATA', stream: 1 },
      ]),
    ).toBe('SETTINGS + HEADERS 1 + DATA 1');
  });
  it('frameSummary keeps QUIC stream 0 (a real stream) but not the stream of an ACK', () => {
    expect(
      frameSummary([
        { type: 'ACK', stream: 0 },
        { type: 'STREAM', stream: 0 },
        { type: 'STREAM', stream: 4 },
        { type: 'STREAM', stream: 0 },
      ]),
    ).toBe('ACK + STREAM 0,4');
  });
});

describe('packetLabel', () => {
  it('packetLabel keeps a TLS record before the HTTP/2 frames', () => {
    expect(packetLabel(muxPackets[0]!)).toBe('Finished + SETTINGS + HEADERS 1');
  });
  it('packetLabel compacts HTTP/2 data packets to their frames', () => {
    expect(muxPackets.map(packetLabel)).toEqual([
      'Finished + SETTINGS + HEADERS 1',
      'HEADERS 3,5',
      'HEADERS 3,5 + DATA 3',
      'DATA 3,5',
      'DATA 5',
      'DATA 3,5',
    ]);
  });
  it('packetLabel keeps a FIN after the frames', () => {
    const p = framed(
      packet({ id: 9, dir: 's2c', kind: 'DATA', label: 'DATA [5] 200 OK /b.png + FIN', send: 0 }),
      [['DATA', 5]],
    );
    expect(packetLabel(p)).toBe('DATA 5 + FIN');
  });
  it('packetLabel gives a QUIC packet its type, number and frames', () => {
    const p = quic('1-RTT', 12, '1-RTT DATA 200 OK /a.png + DATA 200 OK /b.png', 'DATA', [
      ['STREAM', 4],
      ['ACK', 0],
      ['STREAM', 8],
      ['STREAM', 4],
    ]);
    expect(packetLabel(p)).toBe('1-RTT #12: STREAM 4,8 + ACK');
  });
  it('packetLabel gives a QUIC handshake packet the TLS messages it carries', () => {
    const p = quic('Initial', 0, 'Initial ClientHello', 'TLS', [['CRYPTO', 0]]);
    expect(packetLabel(p)).toBe('Initial #0: ClientHello');
    expect(quicLabelBody(p)).toBe('ClientHello');
  });
  it('packetLabel leaves HTTP/1.x packets as the simulation labelled them', () => {
    expect(h1Packets.map(packetLabel)).toEqual(h1Packets.map((p) => p.label));
  });
});

describe('ladderPackets (HTTP/2)', () => {
  it('ladderPackets labels packets by packetLabel and marks the lost one dropped', () => {
    const ps = ladderPackets(muxTrace);
    expect(ps.map((p) => [p.id, p.label, p.dropped])).toEqual([
      [1, 'Finished + SETTINGS + HEADERS 1', false],
      [2, 'HEADERS 3,5', false],
      [3, 'HEADERS 3,5 + DATA 3', false],
      [4, 'DATA 3,5', true],
      [5, 'DATA 5', false],
      [6, 'DATA 3,5', false],
    ]);
  });
});

describe('labelKinds', () => {
  it('labelKinds tells HTTP/2 frames and QUIC packets apart, and finds neither in HTTP/1.1', () => {
    expect(labelKinds(muxPackets)).toEqual({ frames: true, quic: false });
    expect(labelKinds([quic('1-RTT', 1, '1-RTT ACK', 'ACK', [['ACK', 0]])])).toEqual({
      frames: false,
      quic: true,
    });
    expect(labelKinds(h1Trace.filter((e) => e.type === 'packet'))).toEqual({
      frames: false,
      quic: false,
    });
  });
});
