import type { Engine, Micros } from './engine';
import { usToMs } from './engine';
import type { Rng } from './rng';
import type { Direction, DropReason, PacketKind, TcpFlag, TraceRecorder } from './trace';

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
}

/** Something that receives segments from the link (a TCP endpoint). */
export interface SegmentSink {
  /** Called when a segment arrives. */
  receive(seg: Segment): void;
}

/**
 * Targeted loss: drop the `segment`-th data-bearing transmission (payload > 0, counting
 * retransmissions and TLS records, 1-based) sent in `direction` on connection `connection`.
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

  /** Sends `seg` towards `dst`: records the packet and schedules its arrival unless it is lost. */
  send(seg: Segment, dst: SegmentSink): void {
    const now = this.engine.now;
    const di = seg.dir === 'c2s' ? 0 : 1;
    const wireBytes = seg.len + HEADER_BYTES;
    const txStart = Math.max(now, this.freeAt[di]);
    const txEnd = txStart + this.serializationUs(wireBytes);
    this.freeAt[di] = txEnd;
    let dropReason: DropReason | undefined;
    if (seg.len > 0 && this.dropKeys.size > 0) {
      const key = seg.conn * 2 + di;
      const n = (this.dataCount.get(key) ?? 0) + 1;
      this.dataCount.set(key, n);
      if (this.dropKeys.has(`${seg.conn}:${seg.dir}:${n}`)) dropReason = 'targeted';
    }
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
    const common = {
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
    } as const;
    if (dropReason !== undefined) {
      this.trace.emit({ ...common, dropped: true, dropReason });
      return;
    }
    this.trace.emit({ ...common, arriveMs: usToMs(arrive), dropped: false });
    this.inFlight[di].push(seg, dst);
    this.engine.scheduleAt(arrive, this.deliver[di]);
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

/** A FIFO of packets in flight in one direction (array with a moving head). */
class InFlight {
  private segs: (Segment | undefined)[] = [];
  private dsts: (SegmentSink | undefined)[] = [];
  private head = 0;

  push(seg: Segment, dst: SegmentSink): void {
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
