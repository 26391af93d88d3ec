/**
 * QUIC packets and frames as the simulation models them: header and frame sizes, the three
 * packet number spaces, the frame and packet types, and a packet's trace record.
 */
import type { Micros } from '../engine';
import { usToMs } from '../engine';
import type { Packet } from '../packet';
import type {
  DropReason,
  FramePiece,
  PacketEvent,
  PacketKind,
  QuicPacketType,
  TcpFlag,
} from '../trace';

/** QUIC long header (Initial, Handshake, 0-RTT): flags, version, 2 x (length + 8-byte CID), token length, length, 2-byte packet number. */
export const QUIC_LONG_HEADER_BYTES = 1 + 4 + 1 + 8 + 1 + 8 + 1 + 2 + 2;
/** QUIC short header (1-RTT): flags, 8-byte destination CID, 2-byte packet number. */
export const QUIC_SHORT_HEADER_BYTES = 1 + 8 + 2;
/** AEAD authentication tag on every packet (AES-GCM, RFC 9001 §5.3). */
export const QUIC_AEAD_TAG_BYTES = 16;
/** Approximate bytes of a STREAM or CRYPTO frame header (type, stream id, offset, length varints). */
export const QUIC_STREAM_FRAME_OVERHEAD = 8;
/** Client Initial datagrams are padded to at least this size (RFC 9000 §14.1). */
export const QUIC_MIN_INITIAL_DATAGRAM = 1200;

/** Packet number spaces (RFC 9000 §12.3). */
export type SpaceId = 0 | 1 | 2;
export const INITIAL: SpaceId = 0;
export const HANDSHAKE: SpaceId = 1;
export const APP: SpaceId = 2;

/** A frame inside a packet (what the receiver processes; what a loss must resend). */
export type QuicFrame =
  | { readonly t: 'ACK'; readonly ranges: readonly (readonly [number, number])[] }
  | { readonly t: 'CRYPTO'; readonly off: number; readonly len: number }
  | {
      readonly t: 'STREAM';
      readonly id: number;
      readonly off: number;
      readonly len: number;
      readonly fin: boolean;
    }
  | { readonly t: 'PING' }
  | { readonly t: 'PADDING'; readonly len: number }
  | { readonly t: 'HANDSHAKE_DONE' }
  | { readonly t: 'PATH_CHALLENGE' }
  | { readonly t: 'PATH_RESPONSE' }
  | { readonly t: 'CONNECTION_CLOSE' };

/**
 * A QUIC packet in a UDP datagram (what the link carries). `wireBytes` = `bytes` +
 * `UDP_HEADER_BYTES`; `dataBearing`: it has a CRYPTO or STREAM frame; `record` is
 * `recordQuicPacket`.
 */
export interface QuicPacket extends Packet {
  readonly space: SpaceId;
  readonly type: QuicPacketType;
  readonly pn: number;
  readonly frames: readonly QuicFrame[];
  /** UDP payload bytes (the QUIC packet, headers and tag included). */
  readonly bytes: number;
  /** Client address epoch the packet comes from (c2s) or goes to (s2c). */
  readonly path: number;
  readonly kind: PacketKind;
  readonly label: string;
  readonly requestIds: readonly number[];
  /** Carries data sent before (a retransmission in a new packet). */
  readonly retransmit: boolean;
  /** Stream and frame records for the trace. */
  readonly pieces: readonly FramePiece[];
  /** Largest packet number acknowledged by an ACK frame in it (0 when none). */
  readonly largestAcked: number;
}

const NO_FLAGS: readonly TcpFlag[] = Object.freeze([]);

/**
 * `QuicPacket.record`: the packet's trace record (`transport: 'udp'`), one literal per outcome
 * with every field in it from the start (as `recordSegment`: no property added afterwards).
 */
export function recordQuicPacket(
  this: QuicPacket,
  id: number,
  sendUs: Micros,
  txStartUs: Micros,
  txEndUs: Micros,
  arriveUs: Micros,
  dropReason: DropReason | undefined,
): PacketEvent {
  const t = usToMs(sendUs);
  if (dropReason === undefined)
    return {
      type: 'packet',
      t,
      id,
      dir: this.dir,
      conn: this.conn,
      kind: this.kind,
      flags: NO_FLAGS,
      seq: this.pn,
      ack: this.largestAcked,
      window: 0,
      payloadBytes: this.bytes,
      wireBytes: this.wireBytes,
      label: this.label,
      requestIds: this.requestIds,
      retransmit: this.retransmit,
      sendMs: t,
      txStartMs: usToMs(txStartUs),
      txEndMs: usToMs(txEndUs),
      frames: this.pieces,
      transport: 'udp',
      packetNumber: this.pn,
      packetType: this.type,
      arriveMs: usToMs(arriveUs),
      dropped: false,
    };
  return {
    type: 'packet',
    t,
    id,
    dir: this.dir,
    conn: this.conn,
    kind: this.kind,
    flags: NO_FLAGS,
    seq: this.pn,
    ack: this.largestAcked,
    window: 0,
    payloadBytes: this.bytes,
    wireBytes: this.wireBytes,
    label: this.label,
    requestIds: this.requestIds,
    retransmit: this.retransmit,
    sendMs: t,
    txStartMs: usToMs(txStartUs),
    txEndMs: usToMs(txEndUs),
    frames: this.pieces,
    transport: 'udp',
    packetNumber: this.pn,
    packetType: this.type,
    dropped: true,
    dropReason,
  };
}
