import type { Engine, Micros } from './engine';
import { Timer, usToMs } from './engine';
import type { Link } from './link';
import { HEADER_BYTES } from './packet';
import type { Segment } from './tcp-segment';
import { recordSegment } from './tcp-segment';
import type {
  ConnPhase,
  ConnReason,
  CwndReason,
  Direction,
  FramePiece,
  PacketKind,
  Side,
  TcpState,
  TraceRecorder,
} from './trace';

/** A unit the application writes on a byte stream (an HTTP message, a TLS flight). */
export interface StreamMessage {
  /** Size in bytes on the stream. */
  readonly bytes: number;
  /** 'TLS' for handshake records, 'DATA' for application data. */
  readonly kind: 'DATA' | 'TLS';
  /** Label used for packets carrying it ("GET /a.png", "ClientHello"). */
  readonly label: string;
  /** Requests this message belongs to. */
  readonly requestIds: readonly number[];
  /** Application meaning (HTTP request/response, TLS flight), read by the receiving application. */
  readonly payload: unknown;
  /** HTTP/2: the frame this message is (its stream and type), for packet records. */
  readonly frame?: FramePiece;
}

/** Bytes of a message that reached the receiver out of order, and when (see `onUnblocked`). */
export interface Unblocked {
  readonly msg: StreamMessage;
  /** Arrival of the earliest of its bytes that had to wait (engine microseconds). */
  readonly arrivedUs: Micros;
}

/** What the layer above a byte stream (TLS or HTTP) is told. */
export interface StreamHandler {
  /** The stream is ESTABLISHED (client: SYN-ACK received; server: handshake ACK received). */
  onOpen(): void;
  /** The first byte of a message reached the application (in order). */
  onMessageStart(m: StreamMessage): void;
  /** The last byte of a message reached the application. */
  onMessage(m: StreamMessage): void;
  /** The peer's FIN arrived (in order): no more bytes will come. */
  onPeerFin(): void;
  /** The connection was reset (RST received) or given up (too many retransmissions). */
  onReset(reason: 'reset' | 'retransmit-limit'): void;
}

/** A handler that ignores everything: for a socket whose layer above can no longer be called. */
export const DETACHED_HANDLER: StreamHandler = {
  onOpen() {},
  onMessageStart() {},
  onMessage() {},
  onPeerFin() {},
  onReset() {},
};

/**
 * True once a socket will never call its handler again: it entered TIME_WAIT (a retransmitted
 * FIN is only re-ACKed, a RST ignored) or closed normally (LAST_ACK -> CLOSED). A workload then
 * drops the handler, so the 60 s of TIME_WAIT (which keep both sockets reachable) do not keep
 * the connection's HTTP layer and browser in memory.
 */
export function handlerDone(from: TcpState, to: TcpState): boolean {
  return to === 'TIME_WAIT' || (to === 'CLOSED' && from === 'LAST_ACK');
}

/** Application-level phase a layer above reports while the socket is ESTABLISHED. */
export type AppPhase = 'tls' | 'active' | 'idle' | 'closing';

/** TCP parameters in engine units. */
export interface TcpConfig {
  readonly mssBytes: number;
  /** Initial congestion window in segments. */
  readonly initialWindow: number;
  /** Receive window advertised by each side (bytes). */
  readonly receiveWindowBytes: number;
  readonly delayedAck: boolean;
  readonly delayedAckUs: Micros;
  readonly slowStartAfterIdle: boolean;
  readonly initialRtoUs: Micros;
  readonly minRtoUs: Micros;
  readonly maxRtoUs: Micros;
  readonly timeWaitUs: Micros;
  /** Consecutive timeouts after which the connection is aborted. */
  readonly maxRetries: number;
}

interface Logged {
  readonly start: number;
  readonly end: number;
  readonly msg: StreamMessage;
}

/** Index of the first message of a send log (contiguous, in stream order) that ends after `off`. */
function firstEndingAfter(log: readonly Logged[], off: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid] as Logged).end <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SEND_STATES: ReadonlySet<TcpState> = new Set([
  'ESTABLISHED',
  'CLOSE_WAIT',
  'FIN_WAIT_1',
  'LAST_ACK',
  'CLOSING',
]);
const CLOSED_BY_APP: ReadonlySet<TcpState> = new Set([
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
]);

/**
 * One end of a TCP connection, as an explicit state machine (RFC 9293): handshake, MSS
 * segmentation, cumulative ACKs (optionally delayed), slow start and congestion avoidance,
 * receive window, slow-start restart after idle, RTO with backoff (RFC 6298), fast retransmit
 * and NewReno recovery, in-order delivery (head-of-line blocking), FIN teardown with TIME_WAIT,
 * RST on data for a closed socket. Relative sequence numbers: SYN = 0, data byte i = 1 + i.
 */
export class TcpEndpoint {
  /** Current TCP state. */
  state: TcpState;
  /** Peer endpoint (set by `connectPair`). */
  peer!: TcpEndpoint;
  /** Layer above (TLS session or HTTP connection). */
  handler!: StreamHandler;
  /**
   * Server-model hook: asked when a SYN reaches this LISTEN endpoint; false drops the SYN (as
   * Linux does when the listen socket's accept queue is full), so the client retransmits it.
   * Absent = always admit (the default, unlimited server).
   */
  admit?: () => boolean;
  /** Server-model hook: told of every TCP state change (after its trace event). */
  onState?: (ep: TcpEndpoint, from: TcpState, to: TcpState) => void;
  /**
   * Frame source (HTTP/2; absent for HTTP/1.x): when everything written so far has been sent and
   * the windows still have room, `flush` asks it for more (it calls `append` and returns true, or
   * returns false when it has nothing). A scheduler thus picks each frame as the connection
   * drains, rather than committing whole responses to the socket at once.
   */
  source?: () => boolean;
  /**
   * Head-of-line hook (HTTP/2; absent for HTTP/1.x): when a gap in the byte stream fills, told
   * which messages had bytes waiting behind it (arrived out of order) and since when, and which
   * messages the missing bytes belonged to (`gap`: those overlapping the bytes that arrived to
   * fill the hole since it opened), just before the waiting messages are delivered.
   */
  onUnblocked?: (items: readonly Unblocked[], gap: readonly StreamMessage[]) => void;
  /**
   * Lingering close (HTTP/2 server): after the application closes, data that still arrives is
   * acknowledged and discarded instead of answered with RST, as nginx's lingering_close reads
   * what a client sent before it saw GOAWAY.
   */
  lingerOnClose = false;
  /** Congestion window in segments. */
  cwnd: number;
  /** Slow-start threshold in segments. */
  ssthresh = Infinity;

  private appPhase: AppPhase = 'idle';
  private lastState: TcpState | '' = '';
  private lastPhase: ConnPhase | '' = '';
  private readonly dir: Direction;

  // send side
  private readonly out: Logged[] = [];
  private writeEnd = 0;
  private sndUna = 0;
  private sndNxt = 0;
  private sndMax = 0;
  private finQueued = false;
  private appClosed = false;
  private peerWnd: number;
  private dupAcks = 0;
  private inRecovery = false;
  private recover = 0;
  private rto: Micros;
  private srtt = 0;
  private rttvar = 0;
  private hasRtt = false;
  private retries = 0;
  private readonly rtoTimer: Timer;
  private lastDataSendUs = -1;
  private synSentUs = 0;
  private synRetransmitted = false;
  private sent: number[] = []; // flat triples: endSeq, sentUs, retransmit(0/1)
  private sentHead = 0;

  // receive side
  private rcvNxt = 0;
  private ooo: number[] = []; // flat pairs start,end (sorted, disjoint)
  private oooArrivals: number[] = []; // flat triples offset start, end, arrival (only with onUnblocked)
  private gapStart = 0; // rcvNxt when the current hole opened or last released bytes
  private peerFinSeq = -1;
  private firstIdx = 0;
  private doneIdx = 0;
  private ackOwed = 0;
  private ackNow = false;
  private readonly delackTimer: Timer;
  private inReceive = false;
  private lastRecvUs = 0;

  constructor(
    private readonly engine: Engine,
    private readonly link: Link,
    private readonly trace: TraceRecorder,
    private readonly cfg: TcpConfig,
    /** Connection id. */
    readonly conn: number,
    /** Which end this is. */
    readonly side: Side,
  ) {
    this.state = side === 'server' ? 'LISTEN' : 'CLOSED';
    this.dir = side === 'client' ? 'c2s' : 's2c';
    this.cwnd = cfg.initialWindow;
    this.peerWnd = cfg.receiveWindowBytes;
    this.rto = cfg.initialRtoUs;
    this.rtoTimer = new Timer(engine, () => this.onRto());
    this.delackTimer = new Timer(engine, () => {
      if (this.ackOwed > 0 && this.state !== 'CLOSED') this.sendAck();
    });
  }

  /**
   * Drops the handler and the send log once the socket will never use them again (see
   * `handlerDone`: TIME_WAIT, or closed normally): everything it sent is acknowledged. A workload
   * calls this so that sockets in TIME_WAIT stay small.
   */
  releaseWhenDone(from: TcpState, to: TcpState): void {
    if (!handlerDone(from, to)) return;
    this.handler = DETACHED_HANDLER;
    this.out.length = 0;
    this.sent = [];
    this.sentHead = 0;
    this.ooo = [];
    this.oooArrivals = [];
  }

  /** The TCP endpoint itself (a `ByteStream` view: HTTP/2 installs its frame source here). */
  get socket(): TcpEndpoint {
    return this;
  }

  /** Plain TCP has no handshake above it (a `ByteStream` view). */
  get handshaking(): boolean {
    return false;
  }

  /** Links two endpoints of one connection. */
  static connectPair(client: TcpEndpoint, server: TcpEndpoint): void {
    client.peer = server;
    server.peer = client;
  }

  /** Coarse phase for views, derived from the TCP state and the application's phase. */
  get phase(): ConnPhase {
    switch (this.state) {
      case 'CLOSED':
        return this.lastState === '' ? 'handshake' : 'closed';
      case 'LISTEN':
      case 'SYN_SENT':
      case 'SYN_RECEIVED':
        return 'handshake';
      case 'ESTABLISHED':
        return this.appPhase;
      case 'TIME_WAIT':
        return 'time-wait';
      default:
        return 'closing';
    }
  }

  /** Bytes the application has written so far. */
  get bytesWritten(): number {
    return this.writeEnd;
  }

  /** True while the socket can still carry a new request (ESTABLISHED, not closed by the app). */
  get isOpen(): boolean {
    return this.state === 'ESTABLISHED' && !this.appClosed;
  }

  /** Sets the application phase (reported while ESTABLISHED) and records a state event if it changed. */
  setAppPhase(p: AppPhase, reason?: ConnReason): void {
    this.appPhase = p;
    this.report(reason);
  }

  /** Sets the application phase the socket will report once ESTABLISHED (no event now). */
  presetAppPhase(p: AppPhase): void {
    this.appPhase = p;
  }

  /** Client: sends the SYN (SYN_SENT). */
  connect(): void {
    this.state = 'SYN_SENT';
    this.report();
    this.synSentUs = this.engine.now;
    this.sendCtl(0, true, false, false, false, 'SYN', 'SYN');
    this.sndNxt = 1;
    this.sndMax = 1;
    this.startRto();
  }

  /** Queues a message on the byte stream; it is sent as the windows allow. */
  write(msg: StreamMessage): void {
    if (this.finQueued) return;
    this.out.push({ start: this.writeEnd, end: this.writeEnd + msg.bytes, msg });
    this.writeEnd += msg.bytes;
    if (!this.inReceive) this.flush();
  }

  /** Queues a message without sending now (for a `source`, which `flush` calls). */
  append(msg: StreamMessage): void {
    this.out.push({ start: this.writeEnd, end: this.writeEnd + msg.bytes, msg });
    this.writeEnd += msg.bytes;
  }

  /** Sends what the windows allow now (a `source` has new frames); deferred while receiving. */
  kick(): void {
    if (!this.inReceive) this.flush();
  }

  /** Application close: queues a FIN after pending data (FIN_WAIT_1 or LAST_ACK). */
  close(reason?: ConnReason): void {
    if (this.appClosed) return;
    this.appClosed = true;
    if (this.state === 'SYN_SENT' || this.state === 'LISTEN' || this.state === 'SYN_RECEIVED') {
      this.toClosed(reason);
      return;
    }
    this.finQueued = true;
    if (this.state === 'ESTABLISHED') this.setState('FIN_WAIT_1', reason);
    else if (this.state === 'CLOSE_WAIT') this.setState('LAST_ACK', reason);
    if (!this.inReceive) this.flush();
  }

  /**
   * The local address is gone (the client moved): the socket closes at once without sending
   * anything (a RST from the new address would match no connection at the server).
   */
  abandon(reason: ConnReason): void {
    this.gone = true;
    if (this.state === 'CLOSED') return;
    this.appClosed = true;
    this.toClosed(reason);
  }

  /** The local address is gone: nothing reaches this socket any more. */
  private gone = false;

  /** Aborts: sends RST and goes to CLOSED. */
  abort(reason: ConnReason): void {
    if (this.state === 'CLOSED') return;
    this.appClosed = true;
    this.sendCtl(this.sndNxt, false, true, false, true, 'RST', 'RST');
    this.toClosed(reason);
  }

  /** Time the last segment arrived (engine microseconds): lets an application detect a stall. */
  get lastReceiveUs(): Micros {
    return this.lastRecvUs;
  }

  /** A segment arrived from the link. */
  receive(seg: Segment): void {
    if (this.gone) return;
    this.lastRecvUs = this.engine.now;
    if (seg.rst) {
      if (this.state !== 'CLOSED' && this.state !== 'LISTEN' && this.state !== 'TIME_WAIT') {
        this.appClosed = true;
        this.toClosed('reset');
        this.handler.onReset('reset');
      }
      return;
    }
    switch (this.state) {
      case 'CLOSED':
        // No socket: answer anything but a reset with a reset (RFC 9293 §3.10.7.1).
        this.sendCtl(
          seg.ackFlag ? seg.ack : 0,
          false,
          true,
          false,
          seg.ackFlag,
          'RST',
          'RST',
          seg.ackFlag ? 0 : seg.seq + seg.len + (seg.syn ? 1 : 0) + (seg.fin ? 1 : 0),
        );
        return;
      case 'LISTEN':
        if (!seg.syn) return;
        if (this.admit !== undefined && !this.admit()) return;
        this.rcvNxt = 1;
        this.peerWnd = seg.wnd;
        this.setState('SYN_RECEIVED');
        this.synSentUs = this.engine.now;
        this.sendCtl(0, true, false, false, true, 'SYN-ACK', 'SYN-ACK');
        this.sndNxt = 1;
        this.sndMax = 1;
        this.startRto();
        return;
      case 'SYN_SENT':
        if (seg.syn && seg.ackFlag && seg.ack === 1) {
          this.rcvNxt = 1;
          this.sndUna = 1;
          this.peerWnd = seg.wnd;
          if (!this.synRetransmitted) this.sample(this.engine.now - this.synSentUs);
          this.stopRto();
          this.establish();
          this.inReceive = true;
          this.handler.onOpen();
          this.inReceive = false;
          this.ackNow = true;
          this.afterInput();
        }
        return;
      case 'SYN_RECEIVED':
        if (seg.syn) {
          this.sendCtl(0, true, false, false, true, 'SYN-ACK', 'SYN-ACK', 0, true);
          return;
        }
        if (!seg.ackFlag || seg.ack < 1) return;
        this.sndUna = 1;
        if (!this.synRetransmitted) this.sample(this.engine.now - this.synSentUs);
        this.stopRto();
        this.establish();
        this.inReceive = true;
        this.handler.onOpen();
        this.inReceive = false;
        break;
      default:
        if (seg.syn) {
          this.ackNow = true;
          this.afterInput();
          return;
        }
    }
    this.inReceive = true;
    if (seg.ackFlag) this.processAck(seg);
    if (seg.len > 0 || seg.fin) this.processData(seg);
    this.inReceive = false;
    if ((this.state as TcpState) !== 'CLOSED') this.afterInput();
  }

  // ---------------------------------------------------------------- internals

  private establish(): void {
    this.setState('ESTABLISHED');
    this.cwnd = this.cfg.initialWindow;
    this.lastDataSendUs = this.engine.now;
    this.emitCwnd('init');
  }

  private setState(s: TcpState, reason?: ConnReason): void {
    const from = this.state;
    this.state = s;
    this.report(reason);
    if (this.onState !== undefined && from !== s) this.onState(this, from, s);
  }

  private report(reason?: ConnReason): void {
    const phase = this.phase;
    if (phase === this.lastPhase && this.state === this.lastState) return;
    this.lastPhase = phase;
    this.lastState = this.state;
    if (!this.trace.detail) return;
    const t = usToMs(this.engine.now);
    this.trace.emit({
      type: 'conn',
      t,
      conn: this.conn,
      side: this.side,
      state: this.state,
      phase,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  private toClosed(reason?: ConnReason): void {
    this.rtoTimer.cancel();
    this.delackTimer.cancel();
    this.finQueued = false;
    this.setState('CLOSED', reason);
  }

  private emitCwnd(reason: CwndReason): void {
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'cwnd',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      cwnd: this.cwnd,
      ssthresh: Number.isFinite(this.ssthresh) ? this.ssthresh : null,
      reason,
    });
  }

  private sample(r: Micros): void {
    if (!this.hasRtt) {
      this.srtt = r;
      this.rttvar = r / 2;
      this.hasRtt = true;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
    this.rto = Math.min(
      this.cfg.maxRtoUs,
      Math.max(this.cfg.minRtoUs, Math.round(this.srtt + 4 * this.rttvar)),
    );
  }

  private startRto(): void {
    this.rtoTimer.set(this.rto);
  }

  private stopRto(): void {
    this.rtoTimer.cancel();
  }

  private onRto(): void {
    if (this.state === 'CLOSED') return;
    this.retries++;
    if (this.retries > this.cfg.maxRetries) {
      // Give up (Linux tcp_retries2); tell the peer with a best-effort RST.
      const wasOpen = !this.appClosed;
      this.appClosed = true;
      this.sendCtl(this.sndNxt, false, true, false, true, 'RST', 'RST');
      this.toClosed('retransmit-limit');
      if (wasOpen) this.handler.onReset('retransmit-limit');
      return;
    }
    this.rto = Math.min(this.cfg.maxRtoUs, this.rto * 2);
    if (this.state === 'SYN_SENT') {
      this.synRetransmitted = true;
      this.sendCtl(0, true, false, false, false, 'SYN', 'SYN', 0, true);
      this.startRto();
      return;
    }
    if (this.state === 'SYN_RECEIVED') {
      this.synRetransmitted = true;
      this.sendCtl(0, true, false, false, true, 'SYN-ACK', 'SYN-ACK', 0, true);
      this.startRto();
      return;
    }
    if (this.sndUna >= this.sndMax) return;
    const flight = Math.ceil((this.sndMax - this.sndUna) / this.cfg.mssBytes);
    this.ssthresh = Math.max(Math.floor(flight / 2), 2);
    this.cwnd = 1;
    this.inRecovery = false;
    this.dupAcks = 0;
    this.sent.length = 0;
    this.sentHead = 0;
    this.emitCwnd('timeout');
    this.sndNxt = this.sndUna;
    this.flush();
    if (!this.rtoTimer.armed) this.startRto();
  }

  private processAck(seg: Segment): void {
    this.peerWnd = seg.wnd;
    const ack = seg.ack;
    if (ack > this.sndMax) return;
    if (ack > this.sndUna) {
      const acked = ack - this.sndUna;
      this.sndUna = ack;
      if (this.sndNxt < ack) this.sndNxt = ack;
      this.retries = 0;
      this.dupAcks = 0;
      // RTT sample from the newest fully acknowledged, never-retransmitted segment (Karn).
      const sent = this.sent;
      let i = this.sentHead;
      let sampleAt = -1;
      let ambiguous = false;
      while (i < sent.length && (sent[i] as number) <= ack) {
        sampleAt = sent[i + 1] as number;
        ambiguous = sent[i + 2] === 1;
        i += 3;
      }
      this.sentHead = i;
      if (i === sent.length) {
        sent.length = 0;
        this.sentHead = 0;
      }
      if (sampleAt >= 0 && !ambiguous) this.sample(this.engine.now - sampleAt);
      const segs = Math.ceil(acked / this.cfg.mssBytes);
      if (this.inRecovery) {
        if (ack >= this.recover) {
          this.inRecovery = false;
          this.cwnd = this.ssthresh;
          this.emitCwnd('recovery-exit');
        } else {
          this.retransmitOne(ack);
          this.cwnd = Math.max(1, this.cwnd - segs + 1);
          this.emitCwnd('recovery');
        }
      } else {
        // Growth stops once the window covers the peer's receive window: beyond it, it would
        // change nothing on the wire (the receive window binds), only the number in the trace.
        const cap = Math.max(this.cfg.initialWindow, Math.ceil(this.peerWnd / this.cfg.mssBytes));
        if (this.cwnd < cap) {
          if (this.cwnd < this.ssthresh) {
            this.cwnd = Math.min(this.cwnd + segs, this.ssthresh, cap);
            this.emitCwnd('slow-start');
          } else {
            const before = Math.floor(this.cwnd);
            this.cwnd = Math.min(this.cwnd + segs / this.cwnd, cap);
            if (Math.floor(this.cwnd) !== before) this.emitCwnd('congestion-avoidance');
          }
        }
      }
      if (this.sndUna >= this.sndMax) this.stopRto();
      else this.startRto();
      if (this.finQueued && ack === this.finSeq() + 1) this.onFinAcked();
    } else if (ack === this.sndUna && seg.len === 0 && !seg.fin && this.sndMax > this.sndUna) {
      this.dupAcks++;
      if (this.dupAcks === 3 && !this.inRecovery) {
        const flight = Math.ceil((this.sndMax - this.sndUna) / this.cfg.mssBytes);
        this.ssthresh = Math.max(Math.floor(flight / 2), 2);
        this.cwnd = this.ssthresh + 3;
        this.inRecovery = true;
        this.recover = this.sndMax;
        this.emitCwnd('fast-retransmit');
        this.retransmitOne(this.sndUna);
      } else if (this.inRecovery) {
        this.cwnd += 1;
        this.emitCwnd('recovery');
      }
    }
  }

  private finSeq(): number {
    return 1 + this.writeEnd;
  }

  private onFinAcked(): void {
    if (this.state === 'FIN_WAIT_1') this.setState('FIN_WAIT_2');
    else if (this.state === 'CLOSING') this.enterTimeWait();
    else if (this.state === 'LAST_ACK') this.toClosed();
  }

  private enterTimeWait(): void {
    this.setState('TIME_WAIT');
    this.rtoTimer.cancel();
    this.engine.schedule(this.cfg.timeWaitUs, () => {
      if (this.state === 'TIME_WAIT') this.toClosed('time-wait-expired');
    });
  }

  private processData(seg: Segment): void {
    const end = seg.seq + seg.len;
    if (
      seg.len > 0 &&
      this.appClosed &&
      !this.lingerOnClose &&
      end > this.rcvNxt &&
      CLOSED_BY_APP.has(this.state)
    ) {
      // Data for a socket the application has closed: nobody will read it (RFC 9293 §3.10.7.4 / Linux).
      this.sendCtl(this.sndNxt, false, true, false, true, 'RST', 'RST');
      this.toClosed('reset');
      return;
    }
    if (seg.fin) this.peerFinSeq = end;
    if (seg.seq <= this.rcvNxt && end > this.rcvNxt) {
      const hadHole = this.ooo.length > 0;
      this.rcvNxt = end;
      if (hadHole) {
        const o = this.ooo;
        let k = 0;
        while (k < o.length && (o[k] as number) <= this.rcvNxt) {
          if ((o[k + 1] as number) > this.rcvNxt) this.rcvNxt = o[k + 1] as number;
          k += 2;
        }
        o.splice(0, k);
        this.ackNow = true;
        if (this.oooArrivals.length > 0) this.reportUnblocked(end);
        if (k > 0) this.gapStart = this.rcvNxt;
      }
      this.ackOwed++;
      if (!this.cfg.delayedAck) this.ackNow = true;
      this.deliver();
    } else if (seg.seq > this.rcvNxt) {
      if (this.ooo.length === 0) this.gapStart = this.rcvNxt;
      this.insertOoo(seg.seq, end);
      if (this.onUnblocked !== undefined && seg.len > 0)
        this.oooArrivals.push(seg.seq - 1, end - 1, this.engine.now);
      this.ackNow = true;
    } else if (!(seg.fin && this.peerFinSeq === this.rcvNxt)) {
      this.ackNow = true;
    }
    if (this.peerFinSeq >= 0 && this.rcvNxt === this.peerFinSeq) {
      this.rcvNxt++;
      this.ackNow = true;
      this.onPeerFin();
    } else if (seg.fin && this.peerFinSeq >= 0 && this.rcvNxt === this.peerFinSeq + 1) {
      this.ackNow = true; // retransmitted FIN
    }
  }

  /** Records an out-of-order range in the sorted, disjoint flat list of pairs (merging overlaps). */
  private insertOoo(s: number, e: number): void {
    const o = this.ooo;
    let k = 0;
    while (k < o.length && (o[k + 1] as number) < s) k += 2;
    // o[k..] ends at or after s: merge every range that overlaps or touches [s, e).
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

  /**
   * Tells `onUnblocked` which messages had out-of-order bytes that the filled gap releases, and
   * which messages the bytes that filled it (from `gapStart` to `fillEnd`, sequence space) carry.
   */
  private reportUnblocked(fillEnd: number): void {
    const hook = this.onUnblocked;
    if (hook === undefined) return;
    const upTo = this.rcvNxt - 1;
    const a = this.oooArrivals;
    const msgs = this.peer.out;
    const first = new Map<StreamMessage, number>();
    const keep: number[] = [];
    for (let i = 0; i < a.length; i += 3) {
      const s = a[i] as number;
      const e = a[i + 1] as number;
      const at = a[i + 2] as number;
      if (e > upTo) {
        keep.push(s, e, at);
        continue;
      }
      let lo = 0;
      let hi = msgs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((msgs[mid] as Logged).start <= s) lo = mid;
        else hi = mid - 1;
      }
      for (let j = lo; j < msgs.length; j++) {
        const m = msgs[j] as Logged;
        if (m.start >= e) break;
        if (m.end <= s) continue;
        const prev = first.get(m.msg);
        if (prev === undefined || at < prev) first.set(m.msg, at);
      }
    }
    this.oooArrivals = keep;
    if (first.size === 0) return;
    const items: Unblocked[] = [];
    for (const [msg, arrivedUs] of first) items.push({ msg, arrivedUs });
    const gs = this.gapStart - 1;
    const ge = fillEnd - 1;
    const gap: StreamMessage[] = [];
    for (let j = firstEndingAfter(msgs, gs); j < msgs.length; j++) {
      const m = msgs[j] as Logged;
      if (m.start >= ge) break;
      gap.push(m.msg);
    }
    hook(items, gap);
  }

  private deliver(): void {
    const upTo = this.rcvNxt - 1; // data offset delivered so far (exclusive)
    const msgs = this.peer.out;
    // Stream order: a message starts, possibly completes, then the next one starts.
    while (this.doneIdx < msgs.length) {
      const m = msgs[this.doneIdx] as Logged;
      if (this.firstIdx <= this.doneIdx) {
        if (m.start >= upTo) break;
        this.firstIdx = this.doneIdx + 1;
        this.handler.onMessageStart(m.msg);
      }
      if (m.end > upTo) break;
      this.doneIdx++;
      this.handler.onMessage(m.msg);
    }
  }

  private onPeerFin(): void {
    switch (this.state) {
      case 'ESTABLISHED':
        this.setState('CLOSE_WAIT', 'peer-closed');
        this.handler.onPeerFin();
        break;
      case 'FIN_WAIT_1':
        if (this.sndUna === this.finSeq() + 1) this.enterTimeWait();
        else this.setState('CLOSING');
        break;
      case 'FIN_WAIT_2':
        this.enterTimeWait();
        break;
      default:
        break;
    }
  }

  private afterInput(): void {
    this.flush();
    if (this.state === 'CLOSED') return;
    if (this.ackNow || this.ackOwed >= 2) {
      this.sendAck();
    } else if (this.ackOwed > 0 && !this.delackTimer.armed) {
      this.delackTimer.set(this.cfg.delayedAckUs);
    }
  }

  private sendAck(): void {
    this.sendCtl(this.sndNxt, false, false, false, true, 'ACK', 'ACK');
  }

  /** Sends as much queued data (and the FIN) as the congestion and receive windows allow. */
  private flush(): void {
    if (!SEND_STATES.has(this.state)) return;
    const mss = this.cfg.mssBytes;
    let dataEnd = 1 + this.writeEnd;
    for (;;) {
      if (
        this.source !== undefined &&
        !this.finQueued &&
        dataEnd - this.sndNxt < mss &&
        this.sndNxt - this.sndUna < Math.min(this.cwnd * mss, this.peerWnd) &&
        this.source()
      ) {
        // Fill the next segment with frames (several small ones share a segment).
        dataEnd = 1 + this.writeEnd;
        continue;
      }
      if (this.sndNxt < dataEnd) {
        const len = Math.min(mss, dataEnd - this.sndNxt);
        const flight = this.sndNxt - this.sndUna;
        if (flight === 0 && this.sndNxt >= this.sndMax) this.maybeIdleRestart();
        const wnd = Math.min(this.cwnd * mss, this.peerWnd);
        if (flight > 0 && flight + len > wnd) break;
        const fin = this.finQueued && this.sndNxt + len === dataEnd;
        this.sendData(this.sndNxt, len, fin);
        this.sndNxt += len + (fin ? 1 : 0);
      } else if (this.finQueued && this.sndNxt === dataEnd) {
        this.sendData(this.sndNxt, 0, true);
        this.sndNxt += 1;
      } else {
        break;
      }
      if (this.sndNxt > this.sndMax) this.sndMax = this.sndNxt;
    }
    if (this.sndUna < this.sndNxt && !this.rtoTimer.armed) this.startRto();
  }

  private maybeIdleRestart(): void {
    if (!this.cfg.slowStartAfterIdle || this.lastDataSendUs < 0) return;
    if (this.engine.now - this.lastDataSendUs > this.rto && this.cwnd > this.cfg.initialWindow) {
      this.cwnd = this.cfg.initialWindow;
      this.emitCwnd('idle-restart');
    }
  }

  private retransmitOne(seq: number): void {
    const dataEnd = 1 + this.writeEnd;
    if (seq < dataEnd) {
      const len = Math.min(this.cfg.mssBytes, dataEnd - seq);
      this.sendData(seq, len, this.finQueued && seq + len === dataEnd);
    } else if (this.finQueued) {
      this.sendData(seq, 0, true);
    }
  }

  private sendData(seq: number, len: number, fin: boolean): void {
    const retransmit = seq < this.sndMax;
    let kind: PacketKind = 'FIN';
    let label = 'FIN';
    let requestIds: readonly number[] = [];
    let frames: FramePiece[] | undefined;
    if (len > 0 && !this.trace.detail) {
      // Labels and kinds only feed packet events, which a summary trace does not build.
      kind = 'DATA';
      this.lastDataSendUs = this.engine.now;
    } else if (len > 0) {
      const d = this.describe(seq - 1, len);
      kind = d.kind;
      label = fin ? `${d.label} + FIN` : d.label;
      requestIds = d.requestIds;
      frames = d.frames;
      this.lastDataSendUs = this.engine.now;
    }
    this.sent.push(seq + len + (fin ? 1 : 0), this.engine.now, retransmit ? 1 : 0);
    this.sendCtl(seq, false, false, fin, true, kind, label, 0, retransmit, len, requestIds, frames);
  }

  /** Label, kind and request ids of the stream bytes [offset, offset + len). */
  private describe(
    offset: number,
    len: number,
  ): {
    kind: PacketKind;
    label: string;
    requestIds: readonly number[];
    frames: FramePiece[] | undefined;
  } {
    const out = this.out;
    let lo = 0;
    let hi = out.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((out[mid] as Logged).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const end = offset + len;
    const mss = this.cfg.mssBytes;
    let label = '';
    let tls = true;
    let requestIds: readonly number[] = [];
    let merged: number[] | undefined;
    let frames: FramePiece[] | undefined;
    for (let i = lo; i < out.length; i++) {
      const m = out[i] as Logged;
      if (m.start >= end) break;
      if (m.end <= offset) continue;
      if (m.msg.frame !== undefined) (frames ??= []).push(m.msg.frame);
      const size = m.end - m.start;
      let part = m.msg.label;
      if (size > mss) {
        const n = Math.ceil(size / mss);
        const k = Math.min(n, Math.floor((Math.max(offset, m.start) - m.start) / mss) + 1);
        part = `${part} (part ${k}/${n})`;
      }
      if (m.msg.kind !== 'TLS') tls = false;
      if (label === '') {
        label = part;
        requestIds = m.msg.requestIds;
      } else {
        label = `${label} + ${part}`;
        merged ??= [...requestIds];
        for (const r of m.msg.requestIds) if (!merged.includes(r)) merged.push(r);
      }
    }
    if (merged !== undefined) requestIds = merged;
    return { kind: tls ? 'TLS' : 'DATA', label, requestIds, frames };
  }

  private sendCtl(
    seq: number,
    syn: boolean,
    rst: boolean,
    fin: boolean,
    ackFlag: boolean,
    kind: PacketKind,
    label: string,
    ackOverride = 0,
    retransmit = false,
    len = 0,
    requestIds: readonly number[] = [],
    frames?: readonly FramePiece[],
  ): void {
    if (ackFlag && !rst) {
      this.ackOwed = 0;
      this.ackNow = false;
      this.delackTimer.cancel();
    }
    const ack = ackOverride > 0 ? ackOverride : this.rcvNxt;
    this.link.send(
      {
        conn: this.conn,
        dir: this.dir,
        seq,
        ack,
        len,
        wnd: this.cfg.receiveWindowBytes,
        syn,
        ackFlag,
        fin,
        rst,
        kind: syn && ackFlag ? 'SYN-ACK' : kind,
        label,
        requestIds,
        retransmit,
        frames,
        wireBytes: len + HEADER_BYTES,
        dataBearing: len > 0,
        record: recordSegment,
      },
      this.peer,
    );
  }
}
