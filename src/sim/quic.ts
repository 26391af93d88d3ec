/**
 * QUIC (RFC 9000, 9001, 9002) as one endpoint per side, over UDP datagrams on the same Link as
 * TCP (so RTT, bandwidth and loss apply alike). One QUIC packet per datagram (no coalescing).
 *
 * - Handshake (RFC 9000 §7, RFC 9001 §4): the client's Initial (ClientHello in CRYPTO frames,
 *   padded to 1,200 bytes, §14.1) is answered by the server's Initial (ServerHello) and Handshake
 *   packets (EncryptedExtensions, Certificate, CertificateVerify, Finished); the client then has
 *   1-RTT keys and sends its Handshake Finished and its first request: 1 round trip. With 0-RTT
 *   (resumption, RFC 9001 §4.6) the request goes in a 0-RTT packet right behind the Initial.
 *   The server confirms with HANDSHAKE_DONE. Flight sizes are those of TCP's TLS 1.3.
 * - Packet numbers: three spaces (Initial, Handshake, application data), each counting up from
 *   0; a retransmission is new frames in a new packet with a new number (§12.3, RFC 9002 §2).
 * - ACK frames carry ranges (§19.3); every ack-eliciting packet is acknowledged at once (as TCP
 *   with `tcp.delayedAck` off), alone or with data going the same way.
 * - Loss detection (RFC 9002 §6.1): a packet is lost when a packet sent at least 3 later
 *   (kPacketThreshold) is acknowledged, or when it was sent more than 9/8 x max(smoothed RTT,
 *   latest RTT) (kTimeThreshold) before a later one was acknowledged; otherwise a timer. Probe
 *   timeout (§6.2): smoothed RTT + max(4 x rttvar, 1 ms), doubled per consecutive PTO, first
 *   RTT kInitialRtt = 333 ms (§6.2.2); a PTO sends one probe (the oldest unacknowledged data
 *   again, or PING) without declaring anything lost. Lost frames go out again in new packets.
 * - Congestion control (RFC 9002 §7, NewReno): initial window min(10 x max_datagram_size,
 *   max(14,720 B, 2 x max_datagram_size)) (§7.2), slow start (+ acknowledged bytes), congestion
 *   avoidance (+ max_datagram_size x acked / cwnd), on loss one reduction per recovery period
 *   (ssthresh = cwnd / 2, kLossReductionFactor; floor 2 x max_datagram_size, kMinimumWindow).
 *   Persistent congestion is not modelled. max_datagram_size = network.mssBytes + 12, so a full
 *   datagram is as big on the wire as a full TCP segment (1,472 + 28 = 1,460 + 40 = 1,500 B).
 * - Streams: each stream delivers its own bytes in order; a gap stalls only that stream
 *   (`stream-stall` events, as HTTP/2's but per stream). Lost data of any stream is sent first
 *   (RFC 9000 §13.3: retransmission before new data); new data is round-robin across streams
 *   with data, at most 16,384 bytes per stream per turn (the same quantum as HTTP/2's frames, so
 *   that a comparison isolates the transport). Flow control is not modelled.
 * - Connection IDs and migration (§5.1, §9): packets carry the client's address epoch (`path`).
 *   After `client.addressChangeAtMs` the client sends from a new address with a new connection
 *   ID; the server, finding the connection by its ID, switches to the new path, resets its
 *   congestion controller and RTT estimate (§9.4) and validates the path (PATH_CHALLENGE /
 *   PATH_RESPONSE, §8.2); the client probes the path the same way. Packets the server sent to
 *   the old address are lost (the link drops them as unroutable) and recovered as any loss.
 *   Anti-amplification limits (§8.1) are not modelled.
 * - Idle timeout (§10.1): the effective value is the smaller of the two endpoints'
 *   max_idle_timeout (and at least 3 x PTO); each endpoint restarts it when it receives a packet
 *   or sends an ack-eliciting one after receiving, and closes silently when it expires.
 *   CONNECTION_CLOSE (§10.2): the closer and the peer stop after 3 x PTO (closing / draining).
 */
import type { Engine, Micros } from './engine';
import { Timer, usToMs } from './engine';
import type { Link } from './link';
import type { StreamMessage, Unblocked } from './stream';
import type {
  ConnPhase,
  Direction,
  FramePiece,
  FrameType,
  PacketKind,
  QuicPacketType,
  QuicState,
  Side,
  TraceRecorder,
} from './trace';

/** Bytes of IPv4 (20) + UDP (8) headers added to every datagram on the wire. */
export const UDP_HEADER_BYTES = 28;

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
/** kInitialRtt (RFC 9002 §6.2.2). */
export const QUIC_INITIAL_RTT_US = 333_000;
/** kPacketThreshold (RFC 9002 §6.1.1). */
export const QUIC_PACKET_THRESHOLD = 3;
/** kTimeThreshold (RFC 9002 §6.1.2): 9/8 of the RTT. */
export const QUIC_TIME_THRESHOLD = 9 / 8;
/** kGranularity (RFC 9002 §6.1.2): 1 ms. */
export const QUIC_GRANULARITY_US = 1000;
/** Bytes a stream may send per round-robin turn (as HTTP/2's largest frame). */
export const QUIC_STREAM_QUANTUM = 16384;

/** Initial congestion window (RFC 9002 §7.2). */
export function quicInitialWindow(maxDatagram: number): number {
  return Math.min(10 * maxDatagram, Math.max(14720, 2 * maxDatagram));
}

/** Packet number spaces (RFC 9000 §12.3). */
type SpaceId = 0 | 1 | 2;
const INITIAL: SpaceId = 0;
const HANDSHAKE: SpaceId = 1;
const APP: SpaceId = 2;

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

/** A QUIC packet in a UDP datagram (what the link carries). */
export interface QuicPacket {
  readonly conn: number;
  readonly dir: Direction;
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

/** What the application above QUIC (HTTP/3) is told. */
export interface QuicHandler {
  /** The application may send: handshake done (client: also right after the ClientHello with 0-RTT). */
  onOpen(): void;
  /** The first byte of a message on a stream reached the application (in stream order). */
  onStreamMessageStart(stream: number, m: StreamMessage): void;
  /** The last byte of a message on a stream reached the application. */
  onStreamMessage(stream: number, m: StreamMessage, fin: boolean): void;
  /** The connection is gone (idle timeout, CONNECTION_CLOSE from the peer). */
  onClosed(reason: 'idle-timeout' | 'peer-closed'): void;
}

/** QUIC settings in engine units. */
export interface QuicConfig {
  /** max_datagram_size: largest UDP payload. */
  readonly maxDatagramBytes: number;
  /** This endpoint's max_idle_timeout (0 = none). */
  readonly maxIdleTimeoutUs: Micros;
  /** 0-RTT: the client resumes and sends its first request in 0-RTT packets. */
  readonly zeroRtt: boolean;
  /** Handshake flights (CRYPTO data): client hello, server hello, server rest, client finished. */
  readonly flights: {
    readonly clientHello: { readonly label: string; readonly bytes: number };
    readonly serverHello: { readonly label: string; readonly bytes: number };
    readonly serverRest: { readonly label: string; readonly bytes: number };
    readonly clientFinished: { readonly label: string; readonly bytes: number };
  };
}

interface Logged {
  readonly start: number;
  readonly end: number;
  readonly msg: StreamMessage;
}

/** Adds [s, e) to a flat sorted list of disjoint ranges (merging). */
function addRange(o: number[], s: number, e: number): void {
  let k = 0;
  while (k < o.length && (o[k + 1] as number) < s) k += 2;
  let start = s;
  let end = e;
  let m = k;
  while (m < o.length && (o[m] as number) <= end) {
    start = Math.min(start, o[m] as number);
    end = Math.max(end, o[m + 1] as number);
    m += 2;
  }
  o.splice(k, m - k, start, end);
}

/** Removes [s, e) from a flat sorted list of disjoint ranges. */
function subRange(o: number[], s: number, e: number): void {
  const out: number[] = [];
  for (let i = 0; i < o.length; i += 2) {
    const a = o[i] as number;
    const b = o[i + 1] as number;
    if (b <= s || a >= e) out.push(a, b);
    else {
      if (a < s) out.push(a, s);
      if (b > e) out.push(e, b);
    }
  }
  o.splice(0, o.length, ...out);
}

/** A piece of a stream to put in a STREAM frame; `again` when it was sent before. */
interface StreamChunk {
  readonly off: number;
  readonly len: number;
  readonly fin: boolean;
  readonly again: boolean;
}

/**
 * An ordered byte stream's send side: the messages written, new data, and ranges to resend
 * (lost and not acknowledged since, each byte once).
 */
class SendBuf {
  readonly log: Logged[] = [];
  end = 0;
  next = 0;
  fin = false;
  finSent = false;
  private readonly resend: number[] = [];
  private readonly acked: number[] = [];

  write(msg: StreamMessage): void {
    this.log.push({ start: this.end, end: this.end + msg.bytes, msg });
    this.end += msg.bytes;
  }

  get pending(): boolean {
    return this.resend.length > 0 || this.next < this.end || (this.fin && !this.finSent);
  }

  /** There is lost data to send again. */
  get resending(): boolean {
    return this.resend.length > 0;
  }

  /** Takes up to `max` bytes: first a range to resend, else new data. */
  take(max: number): StreamChunk | undefined {
    if (this.resend.length > 0 && max > 0) {
      const off = this.resend[0] as number;
      const len = Math.min(max, (this.resend[1] as number) - off);
      subRange(this.resend, off, off + len);
      return { off, len, fin: this.fin && off + len === this.end, again: true };
    }
    if (this.next < this.end || (this.fin && !this.finSent)) {
      const off = this.next;
      const len = Math.min(max, this.end - this.next);
      this.next += len;
      const fin = this.fin && this.next === this.end;
      if (fin) this.finSent = true;
      return { off, len, fin, again: false };
    }
    return undefined;
  }

  /** A range (and the FIN) was lost: send again what has not been acknowledged since. */
  lost(off: number, len: number, fin: boolean): void {
    if (len > 0) {
      addRange(this.resend, off, off + len);
      for (let i = 0; i < this.acked.length; i += 2)
        subRange(this.resend, this.acked[i] as number, this.acked[i + 1] as number);
    } else if (fin) this.finSent = false;
  }

  /** A range arrived (its packet was acknowledged): never resend it. */
  ack(off: number, len: number): void {
    if (len <= 0) return;
    addRange(this.acked, off, off + len);
    if (this.resend.length > 0) subRange(this.resend, off, off + len);
  }

  /** Label and request ids of the bytes [off, off + len). */
  describe(off: number, len: number): { label: string; requestIds: number[] } {
    let label = '';
    const ids: number[] = [];
    for (const m of this.log) {
      if (m.start >= off + len) break;
      if (m.end <= off) continue;
      label = label === '' ? m.msg.label : `${label} + ${m.msg.label}`;
      for (const r of m.msg.requestIds) if (!ids.includes(r)) ids.push(r);
    }
    return { label, requestIds: ids };
  }
}

/** An ordered byte stream's receive side: reassembly, in-order delivery, head-of-line records. */
class RecvBuf {
  private ranges: number[] = [];
  delivered = 0;
  finAt = -1;
  private firstIdx = 0;
  private doneIdx = 0;
  private arrivals: number[] = [];
  closed = false;

  constructor(private readonly peer: SendBuf) {}

  /**
   * Data [off, off + len) arrived at `now`. Returns what became deliverable, and the messages
   * whose bytes had waited behind a gap (with their earliest arrival).
   */
  receive(
    off: number,
    len: number,
    fin: boolean,
    now: Micros,
    onStart: (m: StreamMessage) => void,
    onDone: (m: StreamMessage, fin: boolean) => void,
    onUnblocked: ((items: Unblocked[]) => void) | undefined,
  ): void {
    if (fin) this.finAt = off + len;
    const end = off + len;
    if (end > this.delivered) {
      if (off > this.delivered && onUnblocked !== undefined) this.arrivals.push(off, end, now);
      this.insert(Math.max(off, this.delivered), end);
    }
    const r = this.ranges;
    const before = this.delivered;
    if (r.length > 0 && (r[0] as number) <= this.delivered) {
      this.delivered = Math.max(this.delivered, r[1] as number);
      r.splice(0, 2);
    }
    if (this.delivered > before && this.arrivals.length > 0 && onUnblocked !== undefined)
      this.reportUnblocked(onUnblocked);
    const msgs = this.peer.log;
    while (this.doneIdx < msgs.length) {
      const m = msgs[this.doneIdx] as Logged;
      if (this.firstIdx <= this.doneIdx) {
        if (m.start >= this.delivered) break;
        this.firstIdx = this.doneIdx + 1;
        onStart(m.msg);
      }
      if (m.end > this.delivered) break;
      this.doneIdx++;
      const last = this.finAt >= 0 && m.end === this.finAt;
      if (last) this.closed = true;
      onDone(m.msg, last);
    }
  }

  private insert(s: number, e: number): void {
    const o = this.ranges;
    let k = 0;
    while (k < o.length && (o[k + 1] as number) < s) k += 2;
    let start = s;
    let end = e;
    let m = k;
    while (m < o.length && (o[m] as number) <= end) {
      start = Math.min(start, o[m] as number);
      end = Math.max(end, o[m + 1] as number);
      m += 2;
    }
    o.splice(k, m - k, start, end);
  }

  private reportUnblocked(hook: (items: Unblocked[]) => void): void {
    const first = new Map<StreamMessage, number>();
    const keep: number[] = [];
    const a = this.arrivals;
    for (let i = 0; i < a.length; i += 3) {
      const s = a[i] as number;
      const e = a[i + 1] as number;
      const at = a[i + 2] as number;
      if (e > this.delivered) {
        keep.push(s, e, at);
        continue;
      }
      for (const m of this.peer.log) {
        if (m.start >= e) break;
        if (m.end <= s) continue;
        const prev = first.get(m.msg);
        if (prev === undefined || at < prev) first.set(m.msg, at);
      }
    }
    this.arrivals = keep;
    if (first.size === 0) return;
    hook([...first].map(([msg, arrivedUs]) => ({ msg, arrivedUs })));
  }
}

/** A sent packet awaiting acknowledgement. */
interface Sent {
  readonly pn: number;
  readonly at: Micros;
  readonly bytes: number;
  readonly ackEliciting: boolean;
  readonly frames: readonly QuicFrame[];
}

/** One packet number space: numbers, sent packets, received ranges, pending ACK, loss timer. */
class Space {
  nextPn = 0;
  readonly sent = new Map<number, Sent>();
  largestAcked = -1;
  /** Received packet numbers, flat sorted disjoint inclusive pairs. */
  recv: number[] = [];
  ackPending = false;
  lossTime = -1;
  lastAckElicitingUs = -1;
  readonly crypto = new SendBuf();
  cryptoRecv!: RecvBuf;
  /** Keys discarded (Initial and Handshake after the handshake): nothing more is sent here. */
  dropped = false;

  addReceived(pn: number): void {
    const r = this.recv;
    const n = r.length;
    if (n > 0 && pn === (r[n - 1] as number) + 1) {
      // The usual case: the next packet number extends the last range.
      r[n - 1] = pn;
      return;
    }
    r.push(pn, pn);
    r.sort((a, b) => a - b);
    const merged: number[] = [];
    for (let i = 0; i < r.length; i += 2) {
      const s = r[i] as number;
      const e = r[i + 1] as number;
      const n = merged.length;
      if (n > 0 && s <= (merged[n - 1] as number) + 1)
        merged[n - 1] = Math.max(merged[n - 1] as number, e);
      else merged.push(s, e);
    }
    this.recv = merged;
  }

  get ackInFlight(): boolean {
    for (const s of this.sent.values()) if (s.ackEliciting) return true;
    return false;
  }
}

/** One stream (bidirectional, client-initiated ids 0, 4, 8, ...: RFC 9000 §2.1). */
interface QStream {
  readonly id: number;
  readonly send: SendBuf;
  recv: RecvBuf | undefined;
}

/**
 * One endpoint of a QUIC connection (see the file comment). Both endpoints live in the same
 * process: a receiving stream reads message boundaries from the peer's send log, as TCP does.
 */
export class QuicEndpoint {
  /** Peer endpoint (set by `connectPair`). */
  peer!: QuicEndpoint;
  /** Layer above (HTTP/3). */
  handler!: QuicHandler;
  /** Head-of-line hook (per stream); set only when the trace keeps details. */
  onUnblocked?: (stream: number, items: readonly Unblocked[]) => void;
  /** Server-model hooks: handshake complete, connection gone. */
  onConnected?: () => void;
  onGone?: () => void;
  /** Connection state. */
  state: QuicState = 'CLOSED';
  /** Congestion window (bytes). */
  cwnd: number;
  ssthresh = Infinity;
  /** Client address epoch this endpoint sends from (client) or to (server). */
  path = 0;

  private readonly spaces: [Space, Space, Space] = [new Space(), new Space(), new Space()];
  private readonly streams = new Map<number, QStream>();
  private readonly rr: QStream[] = [];
  private quantum = QUIC_STREAM_QUANTUM;
  private nextStreamId = 0;
  private bytesInFlight = 0;
  private recoveryStartUs = -1;
  private srtt = QUIC_INITIAL_RTT_US;
  private rttvar = QUIC_INITIAL_RTT_US / 2;
  private latestRtt = 0;
  private hasRtt = false;
  private ptoCount = 0;
  private probes = 0;
  private readonly lossTimer: Timer;
  private readonly idleTimer: Timer;
  private readonly endTimer: Timer;
  private idleTimeoutUs = 0;
  private sentSinceReceive = false;
  private handshakeDone = false;
  /** Handshake keys (client: after the ServerHello; server: after the ClientHello). */
  private hsKeys = false;
  private appOpen = false;
  private ended = false;
  private readonly control: QuicFrame[] = [];
  private held: QuicPacket[] = [];
  private appPhase: 'idle' | 'active' = 'idle';
  private lastReported = '';
  private readonly dir: Direction;
  private readonly mds: number;

  constructor(
    private readonly engine: Engine,
    private readonly link: Link,
    private readonly trace: TraceRecorder,
    private readonly cfg: QuicConfig,
    /** Connection id. */
    readonly conn: number,
    /** Which end this is. */
    readonly side: Side,
  ) {
    this.dir = side === 'client' ? 'c2s' : 's2c';
    this.mds = cfg.maxDatagramBytes;
    this.cwnd = quicInitialWindow(this.mds);
    this.lossTimer = new Timer(engine, () => this.onLossTimer());
    this.idleTimer = new Timer(engine, () => this.onIdle());
    this.endTimer = new Timer(engine, () => this.setState('CLOSED'));
  }

  /** Links two endpoints of one connection; the effective idle timeout is the smaller of both (RFC 9000 §10.1). */
  static connectPair(client: QuicEndpoint, server: QuicEndpoint): void {
    client.peer = server;
    server.peer = client;
    const a = client.cfg.maxIdleTimeoutUs;
    const b = server.cfg.maxIdleTimeoutUs;
    const idle = a === 0 ? b : b === 0 ? a : Math.min(a, b);
    client.idleTimeoutUs = idle;
    server.idleTimeoutUs = idle;
    for (let i = 0; i < 3; i++) {
      const s = i as SpaceId;
      client.spaces[s].cryptoRecv = new RecvBuf(server.spaces[s].crypto);
      server.spaces[s].cryptoRecv = new RecvBuf(client.spaces[s].crypto);
    }
  }

  /** True while the application may open streams. */
  get isOpen(): boolean {
    return this.appOpen && (this.state === 'HANDSHAKE' || this.state === 'CONNECTED');
  }

  /** Time of the last packet received (engine microseconds). */
  lastReceiveUs = 0;

  /** Client: sends the Initial (and, with 0-RTT, opens the application at once). */
  connect(): void {
    this.setState('HANDSHAKE');
    const f = this.cfg.flights.clientHello;
    this.spaces[INITIAL].crypto.write(cryptoMsg(f.label, f.bytes));
    this.kick();
    if (this.cfg.zeroRtt) {
      // Resumption: 0-RTT keys at once; the application may write right after the Initial.
      this.appOpen = true;
      this.engine.schedule(0, () => {
        if (!this.ended) this.handler.onOpen();
      });
    }
  }

  /** Opens a new bidirectional stream and returns its id. */
  openStream(): number {
    const id = this.nextStreamId;
    this.nextStreamId += 4;
    this.stream(id);
    return id;
  }

  /** Writes a message on a stream (`fin`: the stream's last). */
  write(id: number, msg: StreamMessage, fin: boolean): void {
    const s = this.stream(id);
    s.send.write(msg);
    if (fin) s.send.fin = true;
    if (!this.rr.includes(s)) this.rr.push(s);
    this.kick();
  }

  /** Reports the application phase for views ('active' while streams are open). */
  setAppPhase(p: 'idle' | 'active'): void {
    this.appPhase = p;
    this.report();
  }

  /** Application close: CONNECTION_CLOSE, then closing for 3 x PTO (RFC 9000 §10.2). */
  close(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    this.control.push({ t: 'CONNECTION_CLOSE' });
    this.flush();
    this.enterEnd('CLOSING');
  }

  /**
   * Client: the local address changed (epoch `path`). The next packets leave from the new
   * address with a new connection ID; PATH_CHALLENGE probes the path (RFC 9000 §9).
   */
  migrate(path: number): void {
    if (this.state !== 'CONNECTED' && this.state !== 'HANDSHAKE') return;
    this.path = path;
    this.control.push({ t: 'PATH_CHALLENGE' });
    this.kick();
  }

  /** A datagram arrived. */
  receive(p: QuicPacket): void {
    if (this.ended || (this.side === 'client' && this.state === 'CLOSED')) return;
    this.lastReceiveUs = this.engine.now;
    this.sentSinceReceive = false;
    if (this.side === 'server' && this.lastReported === '') this.setState('HANDSHAKE');
    if (this.side === 'server' && p.path !== this.path && this.handshakeDone) {
      // Same connection ID from a new address: switch paths, reset congestion state (§9.4),
      // validate the new path.
      this.path = p.path;
      this.link.setConnPath(this.conn, p.path);
      this.cwnd = quicInitialWindow(this.mds);
      this.ssthresh = Infinity;
      this.recoveryStartUs = -1;
      this.hasRtt = false;
      this.srtt = QUIC_INITIAL_RTT_US;
      this.rttvar = QUIC_INITIAL_RTT_US / 2;
      this.validating = true;
    }
    if (!this.readable(p)) {
      // No keys yet for this packet (an earlier one was lost): kept until they arrive.
      this.held.push(p);
      return;
    }
    this.process(p);
    this.processHeld();
    if (this.validating) {
      // Probe the new path after answering the client's own probe.
      this.validating = false;
      this.control.push({ t: 'PATH_CHALLENGE' });
    }
    this.restartIdle();
    this.kick();
  }

  private validating = false;

  private flushScheduled = false;

  /**
   * Sends at the end of the current instant: what is written (and every datagram arriving) at
   * the same time goes out together, as a stack coalesces writes into full packets.
   */
  private kick(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.engine.schedule(0, () => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Whether this endpoint has the keys for a packet (RFC 9001 §4, §5.7). */
  private readable(p: QuicPacket): boolean {
    switch (p.type) {
      case 'Initial':
        return true;
      case 'Handshake':
        return this.hsKeys;
      case '0-RTT':
        return this.appOpen;
      default:
        return this.handshakeDone;
    }
  }

  private processHeld(): void {
    for (let again = true; again && this.held.length > 0;) {
      again = false;
      const held = this.held;
      this.held = [];
      for (const p of held) {
        if (this.ended) return;
        if (this.readable(p)) {
          this.process(p);
          again = true;
        } else this.held.push(p);
      }
    }
  }

  // ------------------------------------------------------------------ internals

  private process(p: QuicPacket): void {
    const sp = this.spaces[p.space];
    let eliciting = false;
    for (const f of p.frames) if (f.t !== 'ACK' && f.t !== 'PADDING') eliciting = true;
    sp.addReceived(p.pn);
    if (eliciting) sp.ackPending = true;
    for (const f of p.frames) {
      switch (f.t) {
        case 'ACK':
          this.onAck(p.space, f.ranges);
          break;
        case 'CRYPTO':
          sp.cryptoRecv.receive(
            f.off,
            f.len,
            false,
            this.engine.now,
            () => {},
            (m) => this.onCrypto(m),
            undefined,
          );
          break;
        case 'STREAM': {
          const s = this.stream(f.id);
          s.recv ??= new RecvBuf(this.peer.stream(f.id).send);
          const hook = this.onUnblocked;
          s.recv.receive(
            f.off,
            f.len,
            f.fin,
            this.engine.now,
            (m) => this.handler.onStreamMessageStart(f.id, m),
            (m, fin) => this.handler.onStreamMessage(f.id, m, fin),
            hook === undefined ? undefined : (items) => hook(f.id, items),
          );
          break;
        }
        case 'HANDSHAKE_DONE':
          this.dropSpace(HANDSHAKE);
          break;
        case 'PATH_CHALLENGE':
          this.control.push({ t: 'PATH_RESPONSE' });
          break;
        case 'CONNECTION_CLOSE':
          this.enterEnd('DRAINING');
          this.handler.onClosed('peer-closed');
          return;
        default:
          break;
      }
    }
  }

  private onCrypto(m: StreamMessage): void {
    const id = (m.payload as { quicTls: string }).quicTls;
    const f = this.cfg.flights;
    if (this.side === 'client' && id === 'sh') {
      this.hsKeys = true;
    } else if (this.side === 'server' && id === 'ch') {
      this.hsKeys = true;
      this.spaces[INITIAL].crypto.write(cryptoMsg(f.serverHello.label, f.serverHello.bytes, 'sh'));
      this.spaces[HANDSHAKE].crypto.write(cryptoMsg(f.serverRest.label, f.serverRest.bytes, 'sf'));
      this.tlsEvent('start');
      // The server has 1-RTT keys once its Finished is written: it can answer 0-RTT requests.
      this.appOpen = true;
      this.handler.onOpen();
    } else if (this.side === 'client' && id === 'sf') {
      this.spaces[HANDSHAKE].crypto.write(
        cryptoMsg(f.clientFinished.label, f.clientFinished.bytes, 'cf'),
      );
      this.handshakeDone = true;
      this.dropSpace(INITIAL);
      this.tlsEvent('done');
      this.setState('CONNECTED');
      if (!this.appOpen) {
        this.appOpen = true;
        this.handler.onOpen();
      }
    } else if (this.side === 'server' && id === 'cf') {
      this.handshakeDone = true;
      this.dropSpace(INITIAL);
      this.dropSpace(HANDSHAKE);
      this.control.push({ t: 'HANDSHAKE_DONE' });
      this.tlsEvent('done');
      this.setState('CONNECTED');
      this.onConnected?.();
    }
  }

  /** Discards a packet number space's keys: its packets leave the bytes in flight (RFC 9002 §6.4). */
  private dropSpace(i: SpaceId): void {
    const sp = this.spaces[i];
    if (sp.dropped) return;
    sp.dropped = true;
    for (const x of sp.sent.values()) this.bytesInFlight -= x.bytes;
    sp.sent.clear();
    sp.lossTime = -1;
    sp.ackPending = false;
  }

  private stream(id: number): QStream {
    let s = this.streams.get(id);
    if (s === undefined) {
      s = { id, send: new SendBuf(), recv: undefined };
      this.streams.set(id, s);
    }
    return s;
  }

  private restartIdle(): void {
    if (this.idleTimeoutUs <= 0 || this.state === 'CLOSED') return;
    this.idleTimer.set(Math.max(this.idleTimeoutUs, 3 * this.ptoUs(APP)));
  }

  private onIdle(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    const quietUntil =
      Math.max(this.lastReceiveUs, this.lastAckElicitingUs()) +
      Math.max(this.idleTimeoutUs, 3 * this.ptoUs(APP));
    if (this.engine.now < quietUntil) {
      this.idleTimer.setAt(Math.ceil(quietUntil));
      return;
    }
    // Silent close (RFC 9000 §10.1).
    this.lossTimer.cancel();
    this.ended = true;
    this.setState('CLOSED', 'idle-timeout');
    this.onGone?.();
    this.handler.onClosed('idle-timeout');
  }

  private lastAckElicitingUs(): number {
    let t = 0;
    for (const s of this.spaces) t = Math.max(t, s.lastAckElicitingUs);
    return t;
  }

  private enterEnd(s: 'CLOSING' | 'DRAINING'): void {
    this.ended = true;
    this.lossTimer.cancel();
    this.idleTimer.cancel();
    this.setState(s, s === 'DRAINING' ? 'peer-closed' : undefined);
    this.onGone?.();
    this.endTimer.set(3 * this.ptoUs(APP));
  }

  private setState(s: QuicState, reason?: 'idle-timeout' | 'peer-closed'): void {
    this.state = s;
    this.report(reason);
  }

  private get phase(): ConnPhase {
    switch (this.state) {
      case 'HANDSHAKE':
        return this.appOpen && this.side === 'client' ? this.appPhase : 'handshake';
      case 'CONNECTED':
        return this.appPhase;
      case 'CLOSING':
      case 'DRAINING':
        return 'closing';
      default:
        return 'closed';
    }
  }

  private report(reason?: 'idle-timeout' | 'peer-closed'): void {
    const phase = this.phase;
    const key = `${this.state}/${phase}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'conn',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      state: this.state,
      phase,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  private tlsEvent(step: 'start' | 'done'): void {
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'tls',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      step,
      version: this.cfg.zeroRtt ? 'tls1.3-0rtt' : 'tls1.3',
    });
  }

  // -------------------------------------------------------------- recovery

  private ptoUs(space: SpaceId): number {
    const base = this.srtt + Math.max(4 * this.rttvar, QUIC_GRANULARITY_US);
    return space === APP ? base : base;
  }

  private onAck(space: SpaceId, ranges: readonly (readonly [number, number])[]): void {
    const sp = this.spaces[space];
    let largest = -1;
    for (const [, hi] of ranges) largest = Math.max(largest, hi);
    let newlyLargest: Sent | undefined;
    let any = false;
    // The map is in packet number order: start each range at the oldest unacknowledged packet.
    const first = sp.sent.keys().next();
    const oldest = first.done === true ? Infinity : first.value;
    for (const range of ranges) {
      const hi = range[1];
      for (let pn = Math.max(range[0], oldest); pn <= hi; pn++) {
        const s = sp.sent.get(pn);
        if (s === undefined) continue;
        sp.sent.delete(pn);
        any = true;
        if (pn === largest) newlyLargest = s;
        this.bytesInFlight -= s.bytes;
        this.onPacketAcked(s);
        for (const f of s.frames) {
          if (f.t === 'CRYPTO') sp.crypto.ack(f.off, f.len);
          else if (f.t === 'STREAM') this.stream(f.id).send.ack(f.off, f.len);
        }
      }
    }
    if (largest > sp.largestAcked) sp.largestAcked = largest;
    if (newlyLargest !== undefined && newlyLargest.ackEliciting)
      this.sample(this.engine.now - newlyLargest.at);
    if (!any) return;
    this.detectLost(space);
    this.ptoCount = 0;
    this.setLossTimer();
  }

  private sample(r: Micros): void {
    this.latestRtt = r;
    if (!this.hasRtt) {
      this.hasRtt = true;
      this.srtt = r;
      this.rttvar = r / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
  }

  private onPacketAcked(s: Sent): void {
    if (!s.ackEliciting) return;
    if (this.recoveryStartUs >= 0 && s.at <= this.recoveryStartUs) return;
    const before = this.cwnd;
    if (this.cwnd < this.ssthresh) this.cwnd += s.bytes;
    else this.cwnd += (this.mds * s.bytes) / this.cwnd;
    if (Math.floor(before / this.mds) !== Math.floor(this.cwnd / this.mds))
      this.emitCwnd(this.cwnd <= this.ssthresh ? 'slow-start' : 'congestion-avoidance');
  }

  private detectLost(space: SpaceId): void {
    const sp = this.spaces[space];
    sp.lossTime = -1;
    const delay = Math.max(
      QUIC_TIME_THRESHOLD * Math.max(this.latestRtt, this.srtt),
      QUIC_GRANULARITY_US,
    );
    const lostBefore = this.engine.now - delay;
    let lostLatest = -1;
    // In packet number order; deleting while iterating a Map is safe.
    for (const s of sp.sent.values()) {
      if (s.pn > sp.largestAcked) break;
      if (s.pn <= sp.largestAcked - QUIC_PACKET_THRESHOLD || s.at <= lostBefore) {
        sp.sent.delete(s.pn);
        this.bytesInFlight -= s.bytes;
        this.requeue(space, s);
        if (s.ackEliciting) lostLatest = Math.max(lostLatest, s.at);
      } else {
        const t = s.at + delay;
        sp.lossTime = sp.lossTime < 0 ? t : Math.min(sp.lossTime, t);
      }
    }
    if (lostLatest >= 0 && lostLatest > this.recoveryStartUs) {
      // One reduction per recovery period (RFC 9002 §7.3.2).
      this.recoveryStartUs = this.engine.now;
      this.ssthresh = Math.max(Math.floor(this.cwnd / 2), 2 * this.mds);
      this.cwnd = this.ssthresh;
      this.emitCwnd('fast-retransmit');
    }
  }

  /** The frames of a lost (or probed) packet go out again in new packets. */
  private requeue(space: SpaceId, s: Sent): void {
    for (const f of s.frames) {
      if (f.t === 'CRYPTO') this.spaces[space].crypto.lost(f.off, f.len, false);
      else if (f.t === 'STREAM') {
        const st = this.stream(f.id);
        st.send.lost(f.off, f.len, f.fin);
        if (!this.rr.includes(st)) this.rr.push(st);
      } else if (f.t === 'HANDSHAKE_DONE' || f.t === 'PATH_CHALLENGE' || f.t === 'PATH_RESPONSE')
        this.control.push(f);
    }
  }

  private setLossTimer(): void {
    let t = -1;
    for (const sp of this.spaces)
      if (sp.lossTime >= 0 && (t < 0 || sp.lossTime < t)) t = sp.lossTime;
    if (t >= 0) {
      this.lossTimer.setAt(Math.ceil(t));
      return;
    }
    const pto = this.ptoUs(APP) * 2 ** this.ptoCount;
    let at = -1;
    for (const sp of this.spaces) {
      if (sp.dropped || !sp.ackInFlight) continue;
      const x = sp.lastAckElicitingUs + pto;
      if (at < 0 || x < at) at = x;
    }
    if (at < 0) this.lossTimer.cancel();
    else this.lossTimer.setAt(Math.ceil(at));
  }

  private onLossTimer(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    for (let i = 0; i < 3; i++) {
      const sp = this.spaces[i as SpaceId];
      if (sp.lossTime >= 0 && sp.lossTime <= this.engine.now) {
        this.detectLost(i as SpaceId);
        this.setLossTimer();
        this.flush();
        return;
      }
    }
    // Probe timeout: resend the oldest unacknowledged ack-eliciting data of the earliest space.
    this.ptoCount++;
    this.emitCwnd('timeout');
    for (let i = 0; i < 3; i++) {
      const sp = this.spaces[i as SpaceId];
      if (sp.dropped) continue;
      const oldest = [...sp.sent.values()].find((s) => s.ackEliciting);
      if (oldest === undefined) continue;
      this.requeue(i as SpaceId, oldest);
      if (oldest.frames.every((f) => f.t !== 'CRYPTO' && f.t !== 'STREAM'))
        this.control.push({ t: 'PING' });
      break;
    }
    this.probes = 1;
    this.flush();
    this.setLossTimer();
  }

  private emitCwnd(
    reason: 'init' | 'slow-start' | 'congestion-avoidance' | 'timeout' | 'fast-retransmit',
  ): void {
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'cwnd',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      cwnd: this.cwnd / this.mds,
      ssthresh: Number.isFinite(this.ssthresh) ? this.ssthresh / this.mds : null,
      reason,
    });
  }

  // ------------------------------------------------------------------ sending

  /** Sends ACKs, handshake data, control frames and stream data as the congestion window allows. */
  private flush(): void {
    if (this.state === 'CLOSED' || this.state === 'DRAINING') return;
    for (let guard = 0; guard < 10000; guard++) {
      if (!this.sendOne()) break;
    }
  }

  private sendOne(): boolean {
    for (const i of [INITIAL, HANDSHAKE] as const) {
      const sp = this.spaces[i];
      if (sp.dropped) continue;
      if (sp.ackPending || sp.crypto.pending) {
        const cryptoOk = sp.crypto.pending && this.cwndAllows();
        if (!cryptoOk && !sp.ackPending) continue;
        this.buildPacket(i, !cryptoOk);
        return true;
      }
    }
    const app = this.spaces[APP];
    const canApp =
      this.appOpen && (this.side === 'server' || this.handshakeDone || this.cfg.zeroRtt);
    if (!canApp || this.ended) return false;
    const hasData = this.control.length > 0 || this.rr.some((s) => s.send.pending);
    if (hasData && this.cwndAllows()) {
      this.buildPacket(APP);
      return true;
    }
    if (app.ackPending && (this.side === 'server' || this.handshakeDone)) {
      this.buildPacket(APP, true);
      return true;
    }
    return false;
  }

  private cwndAllows(): boolean {
    if (this.probes > 0) return true;
    return this.bytesInFlight + this.mds <= this.cwnd;
  }

  private buildPacket(space: SpaceId, ackOnly = false): void {
    const sp = this.spaces[space];
    const type: QuicPacketType =
      space === INITIAL
        ? 'Initial'
        : space === HANDSHAKE
          ? 'Handshake'
          : this.side === 'client' && !this.handshakeDone
            ? '0-RTT'
            : '1-RTT';
    const header =
      (type === '1-RTT' ? QUIC_SHORT_HEADER_BYTES : QUIC_LONG_HEADER_BYTES) + QUIC_AEAD_TAG_BYTES;
    let room = this.mds - header;
    const frames: QuicFrame[] = [];
    const pieces: FramePiece[] = [];
    let label = '';
    const ids: number[] = [];
    let again = false;
    const add = (part: string, reqs: readonly number[]): void => {
      if (part !== '') label = label === '' ? part : `${label} + ${part}`;
      for (const r of reqs) if (!ids.includes(r)) ids.push(r);
    };
    let largestAcked = 0;
    if (sp.ackPending && type !== '0-RTT') {
      const ranges: [number, number][] = [];
      for (let i = sp.recv.length - 2; i >= 0; i -= 2)
        ranges.push([sp.recv[i] as number, sp.recv[i + 1] as number]);
      const kept = ranges.slice(0, 32);
      frames.push({ t: 'ACK', ranges: kept });
      largestAcked = kept[0]?.[1] ?? 0;
      pieces.push({ stream: 0, type: 'ACK' });
      room -= 7 + 2 * (kept.length - 1);
      sp.ackPending = false;
    }
    if (!ackOnly && space !== APP) {
      const c = sp.crypto.take(room - QUIC_STREAM_FRAME_OVERHEAD);
      if (c !== undefined && c.len > 0) {
        frames.push({ t: 'CRYPTO', off: c.off, len: c.len });
        pieces.push({ stream: 0, type: 'CRYPTO' });
        room -= c.len + QUIC_STREAM_FRAME_OVERHEAD;
        again ||= c.again;
        add(sp.crypto.describe(c.off, c.len).label, []);
      }
    }
    if (!ackOnly && space === APP) {
      while (this.control.length > 0 && room > 16) {
        const f = this.control.shift() as QuicFrame;
        frames.push(f);
        pieces.push({ stream: 0, type: f.t as FrameType });
        room -= 9;
        add(f.t, []);
      }
      // Lost data of any stream goes before new data of all of them (RFC 9000 §13.3: "SHOULD
      // prioritize retransmission of data over sending new data"), without changing whose turn
      // it is in the round-robin of new data.
      for (const s of this.rr) {
        while (room > QUIC_STREAM_FRAME_OVERHEAD + 1 && s.send.resending) {
          const c = s.send.take(room - QUIC_STREAM_FRAME_OVERHEAD) as StreamChunk;
          frames.push({ t: 'STREAM', id: s.id, off: c.off, len: c.len, fin: c.fin });
          pieces.push({ stream: s.id, type: 'STREAM' });
          room -= c.len + QUIC_STREAM_FRAME_OVERHEAD;
          again = true;
          const d = s.send.describe(c.off, Math.max(1, c.len));
          add(d.label, d.requestIds);
        }
      }
      while (room > QUIC_STREAM_FRAME_OVERHEAD + 1 && this.rr.length > 0) {
        const s = this.rr[0] as QStream;
        if (!s.send.pending) {
          this.rr.shift();
          this.quantum = QUIC_STREAM_QUANTUM;
          continue;
        }
        const c = s.send.take(Math.min(room - QUIC_STREAM_FRAME_OVERHEAD, this.quantum));
        if (c === undefined) break;
        frames.push({ t: 'STREAM', id: s.id, off: c.off, len: c.len, fin: c.fin });
        pieces.push({ stream: s.id, type: 'STREAM' });
        room -= c.len + QUIC_STREAM_FRAME_OVERHEAD;
        again ||= c.again;
        const d = s.send.describe(c.off, Math.max(1, c.len));
        add(d.label, d.requestIds);
        this.quantum -= c.len;
        if (this.quantum <= 0 || !s.send.pending) {
          // Next stream's turn (round-robin).
          this.rr.shift();
          if (s.send.pending) this.rr.push(s);
          this.quantum = QUIC_STREAM_QUANTUM;
        }
      }
    }
    if (frames.length === 0) frames.push({ t: 'PING' });
    let bytes = this.mds - room;
    if (type === 'Initial' && this.side === 'client' && bytes < QUIC_MIN_INITIAL_DATAGRAM) {
      frames.push({ t: 'PADDING', len: QUIC_MIN_INITIAL_DATAGRAM - bytes });
      bytes = QUIC_MIN_INITIAL_DATAGRAM;
    }
    const ackEliciting = frames.some((f) => f.t !== 'ACK' && f.t !== 'PADDING');
    const pn = sp.nextPn++;
    const hasStream = frames.some((f) => f.t === 'STREAM');
    const hasCrypto = frames.some((f) => f.t === 'CRYPTO');
    const kind: PacketKind = hasStream ? 'DATA' : hasCrypto ? 'TLS' : ackEliciting ? 'DATA' : 'ACK';
    if (label === '') label = ackEliciting ? frames.map((f) => f.t).join(', ') : 'ACK';
    const now = this.engine.now;
    if (ackEliciting) {
      sp.sent.set(pn, { pn, at: now, bytes, ackEliciting, frames });
      this.bytesInFlight += bytes;
      sp.lastAckElicitingUs = now;
      if (this.probes > 0) this.probes--;
      if (!this.sentSinceReceive) {
        this.sentSinceReceive = true;
        this.restartIdle();
      }
    }
    this.link.sendDatagram(
      {
        conn: this.conn,
        dir: this.dir,
        space,
        type,
        pn,
        frames,
        bytes,
        path: this.path,
        kind,
        label: `${type} ${label}`,
        requestIds: ids,
        retransmit: again,
        pieces,
        largestAcked,
      },
      this.peer,
    );
    if (ackEliciting) this.setLossTimer();
  }
}

/** A CRYPTO stream message (a handshake flight). */
function cryptoMsg(label: string, bytes: number, id = 'ch'): StreamMessage {
  return { bytes, kind: 'TLS', label, requestIds: [], payload: { quicTls: id } };
}
