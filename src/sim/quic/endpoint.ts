/**
 * One endpoint of a QUIC connection: handshake and keys, connection state, streams, receiving,
 * idle timeout and close, migration, and building packets (README.md is the map).
 */
import type { Engine, Micros } from '../engine';
import { Timer } from '../engine';
import type { Link } from '../link';
import { UDP_HEADER_BYTES } from '../packet';
import type { StreamMessage, Unblocked } from '../stream';
import type {
  Direction,
  PacketKind,
  QuicPacketType,
  QuicState,
  QuicTls,
  Side,
  TraceRecorder,
} from '../trace';
import type { QuicPacket, SpaceId } from './frames';
import {
  APP,
  HANDSHAKE,
  INITIAL,
  QUIC_AEAD_TAG_BYTES,
  QUIC_LONG_HEADER_BYTES,
  QUIC_MIN_INITIAL_DATAGRAM,
  QUIC_SHORT_HEADER_BYTES,
  recordQuicPacket,
} from './frames';
import type { Sent } from './packet-space';
import { Space } from './packet-space';
import type { QuicCloseReason } from './conn-state';
import { ConnState } from './conn-state';
import { Recovery } from './recovery';
import { PacketDraft, Scheduler } from './scheduler';
import type { QStream } from './stream-buffers';
import { RecvBuf, SendBuf } from './stream-buffers';

/** The spaces whose packets carry the handshake, in sending order. */
const HANDSHAKE_SPACES = [INITIAL, HANDSHAKE] as const;

/** What the application above QUIC (HTTP/3) is told. */
export interface QuicHandler {
  /** The application may send: handshake done (client: also right after the ClientHello with 0-RTT). */
  onOpen(): void;
  /** The first byte of a message on a stream reached the application (in stream order). */
  onStreamMessageStart(stream: number, m: StreamMessage): void;
  /** The last byte of a message on a stream reached the application. */
  onStreamMessage(stream: number, m: StreamMessage, fin: boolean): void;
  /** The connection is gone (idle timeout, CONNECTION_CLOSE from the peer). */
  onClosed(reason: QuicCloseReason): void;
}

/**
 * Head-of-line listener (HTTP/3): when a gap in one stream fills, told which of its messages had
 * bytes waiting behind it and since when (QUIC orders each stream alone).
 */
export type QuicUnblockedListener = (stream: number, items: readonly Unblocked[]) => void;

/** Told of every state change of a QUIC endpoint (after its trace event). */
export type QuicStateListener = (ep: QuicEndpoint, from: QuicState, to: QuicState) => void;

/** QUIC settings in engine units. */
export interface QuicConfig {
  /** max_datagram_size: largest UDP payload. */
  readonly maxDatagramBytes: number;
  /** This endpoint's max_idle_timeout (0 = none). */
  readonly maxIdleTimeoutUs: Micros;
  /**
   * TLS 1.3 mode: a full handshake, a resumption ('tls1.3-resumed': no certificate), or 0-RTT
   * ('tls1.3-0rtt': the client resumes and sends its first request in 0-RTT packets).
   */
  readonly tls: QuicTls;
  /** Handshake flights (CRYPTO data): client hello, server hello, server rest, client finished. */
  readonly flights: {
    readonly clientHello: { readonly label: string; readonly bytes: number };
    readonly serverHello: { readonly label: string; readonly bytes: number };
    readonly serverRest: { readonly label: string; readonly bytes: number };
    readonly clientFinished: { readonly label: string; readonly bytes: number };
  };
}

/**
 * One endpoint of a QUIC connection (see README.md). Both endpoints live in the same
 * process: a receiving stream reads message boundaries from the peer's send log, as TCP does.
 */
export class QuicEndpoint {
  /** Peer endpoint (set by `connectPair`). */
  private peer!: QuicEndpoint;
  /** Layer above (HTTP/3; installed by `setHandler`). */
  private handler!: QuicHandler;
  /** Head-of-line listener (per stream); installed only when the trace keeps details. */
  private unblocked?: QuicUnblockedListener;
  private readonly stateListeners: QuicStateListener[] = [];
  /** Client address epoch this endpoint sends from (client) or to (server). */
  private path = 0;
  /** Time of the last packet received (engine microseconds). */
  private lastRecvUs = 0;

  private readonly spaces: [Space, Space, Space] = [new Space(), new Space(), new Space()];
  private readonly streams = new Map<number, QStream>();
  private readonly connState: ConnState;
  private readonly scheduler = new Scheduler();
  private readonly recovery: Recovery;
  private nextStreamId = 0;
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
  private held: QuicPacket[] = [];
  private readonly dir: Direction;
  private readonly mds: number;

  constructor(
    private readonly engine: Engine,
    private readonly link: Link,
    trace: TraceRecorder,
    private readonly cfg: QuicConfig,
    /** Connection id. */
    readonly conn: number,
    /** Which end this is. */
    readonly side: Side,
  ) {
    this.dir = side === 'client' ? 'c2s' : 's2c';
    this.mds = cfg.maxDatagramBytes;
    this.connState = new ConnState(engine, trace, conn, side, cfg.tls);
    this.recovery = new Recovery(engine, trace, conn, side, this.mds);
    this.lossTimer = new Timer(engine, () => this.onLossTimer());
    this.idleTimer = new Timer(engine, () => this.onIdle());
    this.endTimer = new Timer(engine, () => this.setState('CLOSED'));
  }

  /** 0-RTT: the client's first request goes out in 0-RTT packets. */
  private get zeroRtt(): boolean {
    return this.cfg.tls === 'tls1.3-0rtt';
  }

  /** Connection state. */
  get state(): QuicState {
    return this.connState.state;
  }

  /** Congestion window (bytes). */
  get cwnd(): number {
    return this.recovery.cwnd;
  }

  get ssthresh(): number {
    return this.recovery.ssthresh;
  }

  /**
   * Links two endpoints of one connection, both on client address epoch `path` (see `migrate`);
   * the effective idle timeout is the smaller of both (RFC 9000 §10.1).
   */
  static connectPair(client: QuicEndpoint, server: QuicEndpoint, path = 0): void {
    client.peer = server;
    server.peer = client;
    client.path = path;
    server.path = path;
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

  /** Installs the layer above (HTTP/3). */
  setHandler(h: QuicHandler): void {
    this.handler = h;
  }

  /** Installs the head-of-line listener (see `QuicUnblockedListener`). */
  setUnblockedListener(listener: QuicUnblockedListener): void {
    this.unblocked = listener;
  }

  /**
   * Adds a listener told of every state change (after its trace event), in the order added. The
   * server models watch the server endpoint: CONNECTED (handshake complete) takes a worker;
   * CLOSING, DRAINING or CLOSED (the connection is gone) frees it.
   */
  onStateChange(listener: QuicStateListener): void {
    this.stateListeners.push(listener);
  }

  /** True while the application may open streams. */
  get isOpen(): boolean {
    return this.appOpen && (this.state === 'HANDSHAKE' || this.state === 'CONNECTED');
  }

  /** Time of the last packet received (engine microseconds). */
  get lastReceiveUs(): Micros {
    return this.lastRecvUs;
  }

  /** Client: sends the Initial (and, with 0-RTT, opens the application at once). */
  connect(): void {
    this.setState('HANDSHAKE');
    const f = this.cfg.flights.clientHello;
    this.spaces[INITIAL].crypto.write(cryptoMsg(f.label, f.bytes));
    this.kick();
    if (this.zeroRtt) {
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
    this.scheduler.queue(s);
    this.kick();
  }

  /** Reports the application phase for views ('active' while streams are open). */
  setAppPhase(p: 'idle' | 'active'): void {
    this.connState.setAppPhase(p, this.appOpen);
  }

  /** Application close: CONNECTION_CLOSE, then closing for 3 x PTO (RFC 9000 §10.2). */
  close(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    this.scheduler.control.push({ t: 'CONNECTION_CLOSE' });
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
    this.scheduler.control.push({ t: 'PATH_CHALLENGE' });
    this.kick();
  }

  /** A datagram arrived. */
  receive(p: QuicPacket): void {
    if (this.ended || (this.side === 'client' && this.state === 'CLOSED')) return;
    this.lastRecvUs = this.engine.now;
    this.sentSinceReceive = false;
    if (this.side === 'server' && this.connState.unreported) this.setState('HANDSHAKE');
    if (this.side === 'server' && p.path !== this.path && this.handshakeDone) {
      // Same connection ID from a new address: switch paths, reset congestion state (§9.4),
      // validate the new path.
      this.path = p.path;
      this.recovery.resetPath();
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
      this.scheduler.control.push({ t: 'PATH_CHALLENGE' });
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
    this.engine.schedule(0, this.scheduledFlush);
  }

  /** `kick`'s event (one function for the endpoint's life, not a closure per datagram). */
  private readonly scheduledFlush = (): void => {
    this.flushScheduled = false;
    this.flush();
  };

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
          if (this.recovery.onAck(sp, f.ranges, this.ackedFrames, this.requeue))
            this.setLossTimer();
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
          const hook = this.unblocked;
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
          this.scheduler.control.push({ t: 'PATH_RESPONSE' });
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
      this.connState.tls('start');
      // The server has 1-RTT keys once its Finished is written: it can answer 0-RTT requests.
      this.appOpen = true;
      this.handler.onOpen();
    } else if (this.side === 'client' && id === 'sf') {
      this.spaces[HANDSHAKE].crypto.write(
        cryptoMsg(f.clientFinished.label, f.clientFinished.bytes, 'cf'),
      );
      this.handshakeDone = true;
      this.dropSpace(INITIAL);
      this.connState.tls('done');
      this.setState('CONNECTED');
      if (!this.appOpen) {
        this.appOpen = true;
        this.handler.onOpen();
      }
    } else if (this.side === 'server' && id === 'cf') {
      this.handshakeDone = true;
      this.dropSpace(INITIAL);
      this.dropSpace(HANDSHAKE);
      this.scheduler.control.push({ t: 'HANDSHAKE_DONE' });
      this.connState.tls('done');
      this.setState('CONNECTED');
    }
  }

  /**
   * Discards a packet number space's keys: its packets leave the bytes in flight, and the PTO
   * backoff and the loss detection timer are reset (RFC 9002 §6.2.2, §6.4, Appendix A.11), so a
   * timer armed for the discarded space (the client's Handshake Finished, never acknowledged)
   * does not fire a probe timeout with nothing in flight.
   */
  private dropSpace(i: SpaceId): void {
    const sp = this.spaces[i];
    if (sp.dropped) return;
    sp.dropped = true;
    this.recovery.discard(sp);
    sp.lossTime = -1;
    sp.ackPending = false;
    this.recovery.ptoCount = 0;
    if (!this.ended) this.setLossTimer();
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
    this.idleTimer.set(Math.max(this.idleTimeoutUs, 3 * this.recovery.ptoUs()));
  }

  private onIdle(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    const quietUntil =
      Math.max(this.lastRecvUs, this.lastAckElicitingUs()) +
      Math.max(this.idleTimeoutUs, 3 * this.recovery.ptoUs());
    if (this.engine.now < quietUntil) {
      this.idleTimer.setAt(Math.ceil(quietUntil));
      return;
    }
    // Silent close (RFC 9000 §10.1).
    this.lossTimer.cancel();
    this.ended = true;
    this.setState('CLOSED', 'idle-timeout');
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
    this.endTimer.set(3 * this.recovery.ptoUs());
  }

  private setState(s: QuicState, reason?: QuicCloseReason): void {
    const from = this.connState.state;
    this.connState.set(s, this.appOpen, reason);
    if (from !== s) for (const l of this.stateListeners) l(this, from, s);
  }

  // -------------------------------------------------------------- recovery

  /** The frames of an acknowledged packet never go out again. */
  private readonly ackedFrames = (sp: Space, s: Sent): void => {
    for (const f of s.frames) {
      if (f.t === 'CRYPTO') sp.crypto.ack(f.off, f.len);
      else if (f.t === 'STREAM') this.stream(f.id).send.ack(f.off, f.len);
    }
  };

  /** The frames of a lost (or probed) packet go out again in new packets. */
  private readonly requeue = (sp: Space, s: Sent): void => {
    for (const f of s.frames) {
      if (f.t === 'CRYPTO') sp.crypto.lost(f.off, f.len, false);
      else if (f.t === 'STREAM') {
        const st = this.stream(f.id);
        st.send.lost(f.off, f.len, f.fin);
        this.scheduler.queue(st);
      } else if (f.t === 'HANDSHAKE_DONE' || f.t === 'PATH_CHALLENGE' || f.t === 'PATH_RESPONSE')
        this.scheduler.control.push(f);
    }
  };

  private setLossTimer(): void {
    const at = this.recovery.timerAt(this.spaces);
    if (at < 0) this.lossTimer.cancel();
    else this.lossTimer.setAt(at);
  }

  private onLossTimer(): void {
    if (this.state === 'CLOSED' || this.state === 'CLOSING' || this.state === 'DRAINING') return;
    for (const sp of this.spaces) {
      if (sp.lossTime >= 0 && sp.lossTime <= this.engine.now) {
        this.recovery.detectLost(sp, this.requeue);
        this.setLossTimer();
        this.flush();
        return;
      }
    }
    // Probe timeout: resend the oldest unacknowledged ack-eliciting data of the earliest space.
    this.recovery.onProbeTimeout();
    for (const sp of this.spaces) {
      if (sp.dropped) continue;
      const oldest = [...sp.sent.values()].find((s) => s.ackEliciting);
      if (oldest === undefined) continue;
      this.requeue(sp, oldest);
      if (oldest.frames.every((f) => f.t !== 'CRYPTO' && f.t !== 'STREAM'))
        this.scheduler.control.push({ t: 'PING' });
      break;
    }
    this.recovery.probes = 1;
    this.flush();
    this.setLossTimer();
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
    for (const i of HANDSHAKE_SPACES) {
      const sp = this.spaces[i];
      if (sp.dropped) continue;
      if (sp.ackPending || sp.crypto.pending) {
        const cryptoOk = sp.crypto.pending && this.recovery.cwndAllows();
        if (!cryptoOk && !sp.ackPending) continue;
        this.buildPacket(i, !cryptoOk);
        return true;
      }
    }
    const app = this.spaces[APP];
    const canApp = this.appOpen && (this.side === 'server' || this.handshakeDone || this.zeroRtt);
    if (!canApp || this.ended) return false;
    if (this.scheduler.hasData && this.recovery.cwndAllows()) {
      this.buildPacket(APP);
      return true;
    }
    if (app.ackPending && (this.side === 'server' || this.handshakeDone)) {
      this.buildPacket(APP, true);
      return true;
    }
    return false;
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
    const d = new PacketDraft(this.mds - header);
    if (sp.ackPending && type !== '0-RTT') d.ack(sp);
    if (!ackOnly && space !== APP) d.crypto(sp.crypto);
    if (!ackOnly && space === APP) this.scheduler.fill(d);
    const frames = d.frames;
    if (frames.length === 0) frames.push({ t: 'PING' });
    let bytes = this.mds - d.room;
    if (type === 'Initial' && this.side === 'client' && bytes < QUIC_MIN_INITIAL_DATAGRAM) {
      frames.push({ t: 'PADDING', len: QUIC_MIN_INITIAL_DATAGRAM - bytes });
      bytes = QUIC_MIN_INITIAL_DATAGRAM;
    }
    // One pass over the frames: what the packet carries.
    let ackEliciting = false;
    let hasStream = false;
    let hasCrypto = false;
    for (const f of frames) {
      if (f.t !== 'ACK' && f.t !== 'PADDING') ackEliciting = true;
      if (f.t === 'STREAM') hasStream = true;
      else if (f.t === 'CRYPTO') hasCrypto = true;
    }
    const pn = sp.nextPn++;
    const kind: PacketKind = hasStream ? 'DATA' : hasCrypto ? 'TLS' : ackEliciting ? 'DATA' : 'ACK';
    const label =
      d.label !== '' ? d.label : ackEliciting ? frames.map((f) => f.t).join(', ') : 'ACK';
    const now = this.engine.now;
    if (ackEliciting) {
      this.recovery.onSent(sp, { pn, at: now, bytes, ackEliciting, frames });
      if (!this.sentSinceReceive) {
        this.sentSinceReceive = true;
        this.restartIdle();
      }
    }
    this.link.send<QuicPacket>(
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
        requestIds: d.requestIds,
        retransmit: d.again,
        pieces: d.pieces,
        largestAcked: d.largestAcked,
        wireBytes: bytes + UDP_HEADER_BYTES,
        dataBearing: hasStream || hasCrypto,
        record: recordQuicPacket,
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
