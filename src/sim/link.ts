import type { Engine, Micros } from './engine';
import { usToMs } from './engine';
import type { QuicPacket } from './quic';
import { UDP_HEADER_BYTES } from './quic';
import type { Rng } from './rng';
import type {
  Direction,
  DropReason,
  FramePiece,
  PacketEvent,
  PacketKind,
  TcpFlag,
  TraceRecorder,
} from './trace';

/** Bytes of IPv4 (20) + TCP (20) headers added to every segment on the wire. */
export const HEADER_BYTES = 40;

/** A TCP segment in flight (what the link carries). Sequence numbers are relative (SYN = 0). */
export interface Segment {
  readonly conn: number;
  readonly dir: Direction;
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
  /** HTTP/2 frames (or parts) in the payload; undefined otherwise. */
  readonly frames?: readonly FramePiece[] | undefined;
}

/** Something that receives segments from the link (a TCP endpoint). */
export interface SegmentSink {
  /** Called when a segment arrives. */
  receive(seg: Segment): void;
}

/** Something that receives QUIC datagrams from the link (a QUIC endpoint). */
export interface DatagramSink {
  /** Called when a datagram arrives. */
  receive(p: QuicPacket): void;
}

/**
 * Targeted loss: drop the `segment`-th data-bearing transmission (payload > 0, counting
 * retransmissions and TLS records, 1-based; for QUIC a packet with CRYPTO or STREAM frames)
 * sent in `direction` on connection `connection`.
 * Scenario field `network.drop: [{connection: 1, segment: 3}]`; direction defaults to 's2c'.
 */
export interface DropRule {
  readonly connection: number;
  readonly segment: number;
  readonly direction: Direction;
}

/** Link parameters in engine units. */
export interface LinkConfig {
  /** One-way propagation delay (RTT/2) in microseconds. */
  readonly oneWayUs: Micros;
  /** Bandwidth per direction in megabits per second (= bits per microsecond). */
  readonly bandwidthMbps: number;
  /** Probability that any packet is lost (seeded). */
  readonly lossRate: number;
  readonly drops: readonly DropRule[];
}

/**
 * The network path between client and server. It owns propagation: each direction has a FIFO
 * queue, a serialization delay (wire bytes / bandwidth) and a propagation delay; random loss
 * uses the seeded generator, targeted loss counts data segments per connection and direction.
 */
export class Link {
  private readonly freeAt: [number, number] = [0, 0];
  /**
   * Packets in flight per direction, in arrival order: a direction is FIFO with a constant delay,
   * so arrivals come in send order and one shared callback per direction delivers the head
   * (no closure per packet).
   */
  private readonly inFlight: [InFlight, InFlight] = [new InFlight(), new InFlight()];
  private readonly deliver: [() => void, () => void] = [
    () => this.inFlight[0].deliverHead(),
    () => this.inFlight[1].deliverHead(),
  ];
  private readonly dataCount = new Map<number, number>();
  private readonly dropKeys = new Set<string>();
  /**
   * The client's address epoch (0 at start, +1 per `changeClientAddress`), and per connection the
   * epoch the server sends to (absent = 0). Server packets to an old address are dropped.
   */
  private clientPath = 0;
  private readonly connPath = new Map<number, number>();

  constructor(
    private readonly engine: Engine,
    private readonly rng: Rng,
    private readonly trace: TraceRecorder,
    private readonly cfg: LinkConfig,
  ) {
    for (const d of cfg.drops) this.dropKeys.add(`${d.connection}:${d.direction}:${d.segment}`);
  }

  /** Serialization time of `wireBytes` on this link, in microseconds. */
  serializationUs(wireBytes: number): Micros {
    return Math.round((wireBytes * 8) / this.cfg.bandwidthMbps);
  }

  /** The client moved to a new address: packets the server sends to the old one are lost. */
  changeClientAddress(): number {
    return ++this.clientPath;
  }

  /** The client's current address epoch. */
  get clientAddress(): number {
    return this.clientPath;
  }

  /** The address epoch the server side of `conn` sends to (set at dial and on QUIC migration). */
  setConnPath(conn: number, path: number): void {
    this.connPath.set(conn, path);
  }

  /** Counts a data-bearing transmission and says whether a `network.drop` rule targets it. */
  private targeted(conn: number, dir: Direction, di: number): boolean {
    if (this.dropKeys.size === 0) return false;
    const key = conn * 2 + di;
    const n = (this.dataCount.get(key) ?? 0) + 1;
    this.dataCount.set(key, n);
    return this.dropKeys.has(`${conn}:${dir}:${n}`);
  }

  /** Sends `seg` towards `dst`: records the packet and schedules its arrival unless it is lost. */
  send(seg: Segment, dst: SegmentSink): void {
    const now = this.engine.now;
    const di = seg.dir === 'c2s' ? 0 : 1;
    const wireBytes = seg.len + HEADER_BYTES;
    const txStart = Math.max(now, this.freeAt[di]);
    const txEnd = txStart + this.serializationUs(wireBytes);
    this.freeAt[di] = txEnd;
    let dropReason: DropReason | undefined;
    if (seg.len > 0 && this.dropKeys.size > 0 && this.targeted(seg.conn, seg.dir, di))
      dropReason = 'targeted';
    if (this.clientPath > 0 && di === 1 && (this.connPath.get(seg.conn) ?? 0) !== this.clientPath)
      dropReason = 'unroutable';
    if (dropReason === undefined && this.cfg.lossRate > 0 && this.rng() < this.cfg.lossRate)
      dropReason = 'random';
    const arrive = txEnd + this.cfg.oneWayUs;
    if (!this.trace.detail) {
      if (dropReason !== undefined) return;
      this.inFlight[di].push(seg, dst);
      this.engine.scheduleAt(arrive, this.deliver[di]);
      return;
    }
    const flags = flagsOf(seg);
    const t = usToMs(now);
    const id = this.trace.nextPacketId();
    const ack = seg.ackFlag ? seg.ack : 0;
    // Filled in place in the trace's field order (an object spread per packet costs about 10 %
    // of the simulation's speed): the fields every record has, then arrival or drop, then frames.
    const e = {
      type: 'packet',
      t,
      id,
      dir: seg.dir,
      conn: seg.conn,
      kind: seg.kind,
      flags,
      seq: seg.seq,
      ack,
      window: seg.wnd,
      payloadBytes: seg.len,
      wireBytes,
      label: seg.label,
      requestIds: seg.requestIds,
      retransmit: seg.retransmit,
      sendMs: t,
      txStartMs: usToMs(txStart),
      txEndMs: usToMs(txEnd),
    } as Mutable<PacketEvent>;
    arrivalOrDrop(e, arrive, dropReason);
    if (seg.frames !== undefined) e.frames = seg.frames;
    this.trace.emit(e);
    if (dropReason !== undefined) return;
    this.inFlight[di].push(seg, dst);
    this.engine.scheduleAt(arrive, this.deliver[di]);
  }

  /** Sends a QUIC packet in a UDP datagram towards `dst` (same queue, bandwidth and loss as TCP). */
  sendDatagram(p: QuicPacket, dst: DatagramSink): void {
    const now = this.engine.now;
    const di = p.dir === 'c2s' ? 0 : 1;
    const wireBytes = p.bytes + UDP_HEADER_BYTES;
    const txStart = Math.max(now, this.freeAt[di]);
    const txEnd = txStart + this.serializationUs(wireBytes);
    this.freeAt[di] = txEnd;
    let dropReason: DropReason | undefined;
    const data = p.frames.some((f) => f.t === 'CRYPTO' || f.t === 'STREAM');
    if (data && this.targeted(p.conn, p.dir, di)) dropReason = 'targeted';
    if (di === 1 && p.path !== this.clientPath) dropReason = 'unroutable';
    if (dropReason === undefined && this.cfg.lossRate > 0 && this.rng() < this.cfg.lossRate)
      dropReason = 'random';
    const arrive = txEnd + this.cfg.oneWayUs;
    if (this.trace.detail) {
      const t = usToMs(now);
      const e = {
        type: 'packet',
        t,
        id: this.trace.nextPacketId(),
        dir: p.dir,
        conn: p.conn,
        kind: p.kind,
        flags: NO_FLAGS,
        seq: p.pn,
        ack: p.largestAcked,
        window: 0,
        payloadBytes: p.bytes,
        wireBytes,
        label: p.label,
        requestIds: p.requestIds,
        retransmit: p.retransmit,
        sendMs: t,
        txStartMs: usToMs(txStart),
        txEndMs: usToMs(txEnd),
        frames: p.pieces,
        transport: 'udp',
        packetNumber: p.pn,
        packetType: p.type,
      } as Mutable<PacketEvent>;
      arrivalOrDrop(e, arrive, dropReason);
      this.trace.emit(e);
    }
    if (dropReason !== undefined) return;
    this.inFlight[di].push(p, dst);
    this.engine.scheduleAt(arrive, this.deliver[di]);
  }
}

const NO_FLAGS: readonly TcpFlag[] = Object.freeze([]);

/** A packet record while the link fills it in. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Appends `arriveMs, dropped: false`, or `dropped: true, dropReason`, to a packet record. */
function arrivalOrDrop(
  e: Mutable<PacketEvent>,
  arriveUs: number,
  dropReason: DropReason | undefined,
): void {
  if (dropReason === undefined) {
    e.arriveMs = usToMs(arriveUs);
    e.dropped = false;
  } else {
    e.dropped = true;
    e.dropReason = dropReason;
  }
}

const FLAG_CACHE = new Map<number, readonly TcpFlag[]>();

/** The segment's flags as a shared frozen array (one per combination). */
function flagsOf(seg: Segment): readonly TcpFlag[] {
  const key =
    (seg.syn ? 1 : 0) |
    (seg.ackFlag ? 2 : 0) |
    (seg.fin ? 4 : 0) |
    (seg.rst ? 8 : 0) |
    (seg.len > 0 ? 16 : 0);
  let f = FLAG_CACHE.get(key);
  if (f === undefined) {
    const a: TcpFlag[] = [];
    if (seg.syn) a.push('SYN');
    if (seg.ackFlag) a.push('ACK');
    if (seg.fin) a.push('FIN');
    if (seg.rst) a.push('RST');
    if (seg.len > 0) a.push('PSH');
    f = Object.freeze(a);
    FLAG_CACHE.set(key, f);
  }
  return f;
}

/** A FIFO of packets (TCP segments or QUIC datagrams) in flight in one direction. */
class InFlight {
  private segs: (Segment | QuicPacket | undefined)[] = [];
  private dsts: (SegmentSink | DatagramSink | undefined)[] = [];
  private head = 0;

  push(seg: Segment, dst: SegmentSink): void;
  push(p: QuicPacket, dst: DatagramSink): void;
  push(seg: Segment | QuicPacket, dst: SegmentSink | DatagramSink): void {
    this.segs.push(seg);
    this.dsts.push(dst);
  }

  deliverHead(): void {
    const i = this.head;
    const seg = this.segs[i] as Segment;
    const dst = this.dsts[i] as SegmentSink;
    this.segs[i] = undefined;
    this.dsts[i] = undefined;
    this.head = i + 1;
    if (this.head === this.segs.length) {
      this.segs.length = 0;
      this.dsts.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.segs.length) {
      this.segs = this.segs.slice(this.head);
      this.dsts = this.dsts.slice(this.head);
      this.head = 0;
    }
    dst.receive(seg);
  }
}
