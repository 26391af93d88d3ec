/**
 * The contract between the link and the transports: what the link needs to carry a packet of
 * any transport (TCP segment, QUIC packet in a UDP datagram), and the header sizes they add.
 * The link knows no transport; each transport lays out its own trace record.
 */
import type { Micros } from './engine';
import type { Direction, DropReason, PacketEvent } from './trace';

/** Bytes of IPv4 (20) + TCP (20) headers added to every segment on the wire. */
export const HEADER_BYTES = 40;

/** Bytes of IPv4 (20) + UDP (8) headers added to every datagram on the wire. */
export const UDP_HEADER_BYTES = 28;

/** A packet the link carries, whatever its transport. */
export interface Packet {
  /** Connection id. */
  readonly conn: number;
  readonly dir: Direction;
  /** Bytes on the wire: payload and every header (IP, transport), which set serialization. */
  readonly wireBytes: number;
  /** Counts for targeted loss (`network.drop`): it carries data (payload, CRYPTO or STREAM). */
  readonly dataBearing: boolean;
  /**
   * The client address epoch the packet goes to (s2c) or comes from (c2s); absent: the one the
   * link holds for its connection (`Link.setConnPath`).
   */
  readonly path?: number;
  /**
   * The packet's trace record, given what the link decided: the record's id, send, transmission
   * start and end times, arrival time (when not dropped) and drop reason. Each transport writes
   * its own fields in the trace's order, then `arriveMs, dropped: false` or `dropped: true,
   * dropReason`.
   */
  record(
    id: number,
    sendUs: Micros,
    txStartUs: Micros,
    txEndUs: Micros,
    arriveUs: Micros,
    dropReason: DropReason | undefined,
  ): PacketEvent;
}

/** Something that receives packets from the link (a transport endpoint). */
export interface PacketSink<P extends Packet> {
  /** Called when a packet arrives. */
  receive(p: P): void;
}

/** A packet record while a transport fills it in. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
