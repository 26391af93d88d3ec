/**
 * A TCP segment as the link carries it (a `Packet`) and its trace record. A segment is an object
 * literal whose `record` is `recordSegment` (one shared function, no closure per segment).
 */
import type { Micros } from '../engine';
import { usToMs } from '../engine';
import type { Mutable, Packet } from '../packet';
import type { FastOpenOption } from './fast-open';
import type { DropReason, FramePiece, PacketEvent, PacketKind, TcpFlag } from '../trace';

/**
 * A TCP segment in flight. Sequence numbers are relative (SYN = 0). `wireBytes` = `len` +
 * `HEADER_BYTES`; `dataBearing` = `len > 0`.
 */
export interface Segment extends Packet {
  readonly seq: number;
  readonly ack: number;
  /** Payload bytes. */
  readonly len: number;
  /** Advertised receive window (bytes). */
  readonly wnd: number;
  readonly syn: boolean;
  readonly ackFlag: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  readonly kind: PacketKind;
  readonly label: string;
  readonly requestIds: readonly number[];
  readonly retransmit: boolean;
  /** Fast Open option of a SYN or SYN-ACK (`fast-open.ts`); undefined on every other segment. */
  readonly fastOpen?: FastOpenOption | undefined;
  /** HTTP/2 frames (or parts) in the payload; undefined otherwise. */
  readonly frames?: readonly FramePiece[] | undefined;
}

/**
 * The request ids of a segment that carries none (ACK, SYN, FIN): one shared array rather than a
 * new empty one per segment (every one stays in the trace).
 */
export const NO_REQUEST_IDS: readonly number[] = [];

/** `Segment.record`: the segment's trace record (fields in the trace's order). */
export function recordSegment(
  this: Segment,
  id: number,
  sendUs: Micros,
  txStartUs: Micros,
  txEndUs: Micros,
  arriveUs: Micros,
  dropReason: DropReason | undefined,
): PacketEvent {
  const flags = flagsOf(this);
  const t = usToMs(sendUs);
  const ack = this.ackFlag ? this.ack : 0;
  // One literal per outcome, every field in it from the start: fields added to an object after
  // its literal go to a separate property store (an allocation per packet), and an object
  // spread costs more still.
  const e: Mutable<PacketEvent> =
    dropReason === undefined
      ? {
          type: 'packet',
          t,
          id,
          dir: this.dir,
          conn: this.conn,
          kind: this.kind,
          flags,
          seq: this.seq,
          ack,
          window: this.wnd,
          payloadBytes: this.len,
          wireBytes: this.wireBytes,
          label: this.label,
          requestIds: this.requestIds,
          retransmit: this.retransmit,
          sendMs: t,
          txStartMs: usToMs(txStartUs),
          txEndMs: usToMs(txEndUs),
          arriveMs: usToMs(arriveUs),
          dropped: false,
        }
      : {
          type: 'packet',
          t,
          id,
          dir: this.dir,
          conn: this.conn,
          kind: this.kind,
          flags,
          seq: this.seq,
          ack,
          window: this.wnd,
          payloadBytes: this.len,
          wireBytes: this.wireBytes,
          label: this.label,
          requestIds: this.requestIds,
          retransmit: this.retransmit,
          sendMs: t,
          txStartMs: usToMs(txStartUs),
          txEndMs: usToMs(txEndUs),
          dropped: true,
          dropReason,
        };
  if (this.frames !== undefined) e.frames = this.frames;
  return e;
}

/** Flag arrays by combination (bit mask below), built once each and shared. */
const FLAG_CACHE: (readonly TcpFlag[] | undefined)[] = [];

/** The segment's flags as a shared frozen array (one per combination). */
function flagsOf(seg: Segment): readonly TcpFlag[] {
  const key =
    (seg.syn ? 1 : 0) |
    (seg.ackFlag ? 2 : 0) |
    (seg.fin ? 4 : 0) |
    (seg.rst ? 8 : 0) |
    (seg.len > 0 ? 16 : 0);
  let f = FLAG_CACHE[key];
  if (f === undefined) {
    const a: TcpFlag[] = [];
    if (seg.syn) a.push('SYN');
    if (seg.ackFlag) a.push('ACK');
    if (seg.fin) a.push('FIN');
    if (seg.rst) a.push('RST');
    if (seg.len > 0) a.push('PSH');
    f = Object.freeze(a);
    FLAG_CACHE[key] = f;
  }
  return f;
}
