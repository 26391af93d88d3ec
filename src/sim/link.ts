/**
 * The network path between client and server, one per run: per direction a FIFO with
 * serialisation (wire bytes / bandwidth) and propagation delay, seeded random loss and targeted
 * drops. It carries any transport's packets through one send path (`packet.ts` is the contract)
 * and imports no transport.
 */
import type { Engine, Micros } from './engine';
import type { Packet, PacketSink } from './packet';
import type { Rng } from './rng';
import type { Direction, DropReason, TraceRecorder } from './trace';

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

  /**
   * Sends `p` towards `to`: queues it behind the packets already leaving in its direction,
   * decides its loss (targeted, unroutable, random), records it (when the trace keeps details)
   * and schedules its arrival unless it is lost. The same path for every transport.
   */
  send<P extends Packet>(p: P, to: PacketSink<P>): void {
    const now = this.engine.now;
    const di = p.dir === 'c2s' ? 0 : 1;
    const txStart = Math.max(now, this.freeAt[di]);
    const txEnd = txStart + this.serializationUs(p.wireBytes);
    this.freeAt[di] = txEnd;
    let dropReason: DropReason | undefined;
    if (p.dataBearing && this.dropKeys.size > 0 && this.targeted(p.conn, p.dir, di))
      dropReason = 'targeted';
    if (
      this.clientPath > 0 &&
      di === 1 &&
      (p.path ?? this.connPath.get(p.conn) ?? 0) !== this.clientPath
    )
      dropReason = 'unroutable';
    if (dropReason === undefined && this.cfg.lossRate > 0 && this.rng() < this.cfg.lossRate)
      dropReason = 'random';
    const arrive = txEnd + this.cfg.oneWayUs;
    if (this.trace.detail)
      this.trace.emitPacket(
        p.record(this.trace.nextPacketId(), now, txStart, txEnd, arrive, dropReason),
      );
    if (dropReason !== undefined) return;
    this.inFlight[di].push(p, to);
    this.engine.scheduleAt(arrive, this.deliver[di]);
  }
}

/**
 * A FIFO of packets in flight in one direction, each with its destination, in [head, tail). The
 * arrays keep their storage when the queue drains (no reallocation per burst).
 */
class InFlight {
  private packets: (Packet | undefined)[] = [];
  /** The destination of each packet: given with that packet, so it accepts that packet's type. */
  private dsts: (PacketSink<Packet> | undefined)[] = [];
  private head = 0;
  private tail = 0;

  push<P extends Packet>(p: P, to: PacketSink<P>): void {
    this.packets[this.tail] = p;
    this.dsts[this.tail] = to as PacketSink<Packet>;
    this.tail++;
  }

  deliverHead(): void {
    const i = this.head;
    const p = this.packets[i] as Packet;
    const dst = this.dsts[i] as PacketSink<Packet>;
    this.packets[i] = undefined;
    this.dsts[i] = undefined;
    this.head = i + 1;
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    } else if (this.head > 1024 && this.head * 2 > this.tail) {
      this.packets = this.packets.slice(this.head, this.tail);
      this.dsts = this.dsts.slice(this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    dst.receive(p);
  }
}
