/** One end of a TCP connection: the state machine and the wiring of its parts. */
import type { Micros } from '../engine';
import { usToMs } from '../engine';
import type { Segment } from './segment';
import { NO_REQUEST_IDS } from './segment';
import type {
  AppPhase,
  ByteStream,
  FrameSource,
  StreamHandler,
  StreamMessage,
  UnblockedListener,
} from '../stream';
import { DETACHED_HANDLER } from '../stream';
import type { ConnPhase, ConnReason, FramePiece, TcpState } from '../trace';
import { TcpDataPath } from './data-path';
import type { FastOpenCookies } from './fast-open';
import { SYN_DATA_OPTION_RESERVE } from './fast-open';
import { handlerDone, tcpPhase } from './states';

/** Told of every TCP state change of an endpoint (after its trace event). */
export type TcpStateListener = (ep: TcpEndpoint, from: TcpState, to: TcpState) => void;

/**
 * One end of a TCP connection, as an explicit state machine (RFC 9293): handshake, MSS
 * segmentation, cumulative ACKs (optionally delayed), slow start and congestion avoidance,
 * receive window, slow-start restart after idle, RTO with backoff (RFC 6298), fast retransmit
 * and NewReno recovery, in-order delivery (head-of-line blocking), FIN teardown with TIME_WAIT,
 * RST on data for a closed socket, and TCP Fast Open (RFC 7413: data in the SYN, answered before
 * the handshake completes). Relative sequence numbers: SYN = 0, data byte i = 1 + i.
 * The data path (`data-path.ts`: ACKs, delivery, the send loop, segment output), the send log
 * (`send-buffer.ts`), receive side (`reassembly.ts`), congestion control (`reno.ts`) and RTO
 * (`rtt.ts`) are its parts; this class owns the states, the handshakes and the API.
 */
export class TcpEndpoint extends TcpDataPath implements ByteStream {
  private admit?: () => boolean;
  private readonly stateListeners: TcpStateListener[] = [];
  private lastState: TcpState | '' = '';
  private lastPhase: ConnPhase | '' = '';
  private synSentUs = 0;
  private synRetransmitted = false;
  /** Client with Fast Open on: its cookie cache (`useFastOpen`). */
  private cookies?: FastOpenCookies;
  private lastRecvUs = 0;
  /** The local address is gone: nothing reaches this socket any more. */
  private gone = false;

  /** Links two endpoints of one connection. */
  static connectPair(client: TcpEndpoint, server: TcpEndpoint): void {
    client.peer = server;
    server.peer = client;
    client.rx.setPeer(server.tx);
    server.rx.setPeer(client.tx);
  }

  /** Installs the layer above (TLS session or HTTP connection). */
  setHandler(h: StreamHandler): void {
    this.handler = h;
  }

  /**
   * Server model: asked when a SYN reaches this LISTEN endpoint; false drops the SYN (as Linux
   * does when the listen socket's accept queue is full), so the client retransmits it. Not set =
   * always admit (the default, unlimited server).
   */
  setAdmission(admit: () => boolean): void {
    this.admit = admit;
  }

  /**
   * Client: use TCP Fast Open with this cookie cache (RFC 7413). Without a cookie the SYN asks
   * for one; with one, `connect` opens the layer above first and the SYN carries what it wrote.
   */
  useFastOpen(cookies: FastOpenCookies): void {
    this.cookies = cookies;
  }

  /**
   * True when Fast Open opened this socket before its handshake completed: a client whose SYN
   * carried data, a server that accepted such a SYN (Linux puts the child socket on the accept
   * queue at once, in SYN_RECEIVED: net/ipv4/tcp_fastopen.c, `tcp_fastopen_create_child`).
   */
  get fastOpened(): boolean {
    return this.openedEarly;
  }

  /** Adds a listener told of every TCP state change (after its trace event), in the order added. */
  onStateChange(listener: TcpStateListener): void {
    this.stateListeners.push(listener);
  }

  /** Installs a frame source (HTTP/2; see `FrameSource`): `flush` asks it as the socket drains. */
  setFrameSource(source: FrameSource): void {
    this.source = source;
  }

  /** Installs the head-of-line listener (HTTP/2; see `UnblockedListener`). */
  setUnblockedListener(listener: UnblockedListener): void {
    this.rx.setListener(listener);
  }

  /** Lingering close (HTTP/2 server; see `ByteStream.lingerOnClose`). */
  lingerOnClose(): void {
    this.linger = true;
  }

  /** Congestion window in segments. */
  get cwnd(): number {
    return this.cc.cwnd;
  }

  /** Slow-start threshold in segments. */
  get ssthresh(): number {
    return this.cc.ssthresh;
  }

  /**
   * Drops the handler and the send log once the socket will never use them again (see
   * `handlerDone`: TIME_WAIT, or closed normally): everything it sent is acknowledged. A workload
   * calls this so that sockets in TIME_WAIT stay small.
   */
  releaseWhenDone(from: TcpState, to: TcpState): void {
    if (!handlerDone(from, to)) return;
    this.handler = DETACHED_HANDLER;
    this.tx.release();
    this.rtt.release();
    this.rx.release();
  }

  /** Plain TCP has no handshake above it (a `ByteStream` view). */
  get handshaking(): boolean {
    return false;
  }

  /** Coarse phase for views, derived from the TCP state and the application's phase. */
  get phase(): ConnPhase {
    return tcpPhase(this.state, this.appPhase, this.lastState !== '', this.openedEarly);
  }

  /** Bytes the application has written so far. */
  get bytesWritten(): number {
    return this.tx.end;
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

  /**
   * Client: sends the SYN (SYN_SENT). With Fast Open and a cookie, the layer above opens first
   * (in an event at the same instant, so that its owner is done setting it up) and the SYN
   * carries the cookie and what it wrote; without a cookie, the SYN asks for one.
   */
  connect(): void {
    this.openedEarly = this.cookies?.has === true;
    this.tcpState = 'SYN_SENT';
    this.synSentUs = this.engine.now;
    if (this.openedEarly) {
      // Reported once the layer above has said what it is doing (`sendSynData`).
      this.engine.schedule(0, () => this.sendSynData());
      return;
    }
    this.report();
    const ask = this.cookies !== undefined;
    const label = ask ? 'SYN + cookie request' : 'SYN';
    this.sendCtl(
      0,
      true,
      false,
      false,
      false,
      'SYN',
      label,
      0,
      false,
      0,
      [],
      undefined,
      ask ? 'request' : undefined,
    );
    this.sndNxt = 1;
    this.sndMax = 1;
    this.startRto();
  }

  /**
   * Fast Open with a cookie (RFC 7413 §4.2.1): the layer above writes its first bytes (request,
   * ClientHello, connection preface), and the SYN carries the cookie and up to MSS - 40 bytes
   * of them (`SYN_DATA_OPTION_RESERVE`); the rest waits for the handshake.
   */
  private sendSynData(): void {
    if (this.state !== 'SYN_SENT') return;
    this.handler.onOpen();
    if (this.state !== 'SYN_SENT') return;
    this.report();
    const room = this.cfg.mssBytes - SYN_DATA_OPTION_RESERVE;
    while (this.source !== undefined && this.tx.end < room) {
      const next = this.source();
      if (next === undefined) break;
      this.tx.append(next);
    }
    const len = Math.min(room, this.tx.end);
    let label = 'SYN + cookie';
    let requestIds: readonly number[] = NO_REQUEST_IDS;
    let frames: FramePiece[] | undefined;
    if (len > 0) {
      this.lastDataSendUs = this.engine.now;
      if (this.trace.detail) {
        const d = this.tx.describe(0, len, this.cfg.mssBytes);
        label = `SYN + cookie + ${d.label}`;
        requestIds = d.requestIds;
        frames = d.frames;
      }
    }
    this.sendCtl(
      0,
      true,
      false,
      false,
      false,
      'SYN',
      label,
      0,
      false,
      len,
      requestIds,
      frames,
      'cookie',
    );
    this.sndNxt = 1 + len;
    this.sndMax = this.sndNxt;
    this.startRto();
  }

  /** Queues a message on the byte stream; it is sent as the windows allow. */
  write(msg: StreamMessage): void {
    if (this.finQueued) return;
    this.tx.append(msg);
    if (!this.inReceive) this.flush();
  }

  /** Sends what the windows allow now (a frame source has new frames); deferred while receiving. */
  kick(): void {
    if (!this.inReceive) this.flush();
  }

  /**
   * Application close: queues a FIN after pending data (FIN_WAIT_1 or LAST_ACK); `last` is
   * queued before it without being sent on its own.
   */
  close(reason?: ConnReason, last?: StreamMessage): void {
    if (last !== undefined) this.tx.append(last);
    if (this.appClosed) return;
    this.appClosed = true;
    if (
      this.state === 'SYN_SENT' ||
      this.state === 'LISTEN' ||
      (this.state === 'SYN_RECEIVED' && !this.openedEarly)
    ) {
      this.toClosed(reason);
      return;
    }
    this.finQueued = true;
    // A Fast Open server may answer and close before the handshake's ACK (Linux: SYN_RECV ->
    // FIN_WAIT1, and FIN_WAIT2 once the ACK arrives).
    if (this.state === 'ESTABLISHED' || this.state === 'SYN_RECEIVED')
      this.setState('FIN_WAIT_1', reason);
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
  override receive(seg: Segment): void {
    if (this.gone) return;
    let handshakeAck = false;
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
        this.listen(seg);
        return;
      case 'SYN_SENT':
        if (seg.syn && seg.ackFlag && seg.ack >= 1 && seg.ack <= this.sndMax) {
          if (seg.fastOpen === 'cookie') this.cookies?.store();
          this.rx.rcvNxt = 1;
          // Fast Open: the SYN-ACK acknowledges the SYN's data too, or only the SYN (the data
          // then go again at once, as Linux resends them with the handshake's ACK).
          this.sndUna = seg.ack;
          this.sndNxt = seg.ack;
          this.peerWnd = seg.wnd;
          if (!this.synRetransmitted) this.rtt.sample(this.engine.now - this.synSentUs);
          this.stopRto();
          this.establish();
          this.inReceive = true;
          if (!this.openedEarly) this.handler.onOpen();
          this.inReceive = false;
          this.ackNow = true;
          this.afterInput();
        }
        return;
      case 'SYN_RECEIVED':
        if (seg.syn) {
          this.resendSynAck();
          return;
        }
        if (!seg.ackFlag || seg.ack < 1) return;
        this.handshakeAcked();
        handshakeAck = true;
        if (this.openedEarly) {
          this.setState('ESTABLISHED');
          break;
        }
        this.establish();
        this.inReceive = true;
        this.handler.onOpen();
        this.inReceive = false;
        break;
      default:
        // A Fast Open server that closed before the handshake's ACK (FIN_WAIT_1, ...).
        if (this.openedEarly && this.side === 'server' && this.sndUna === 0) {
          if (seg.syn) {
            this.resendSynAck();
            return;
          }
          if (seg.ackFlag && seg.ack >= 1) {
            this.handshakeAcked();
            handshakeAck = true;
          }
        }
        if (seg.syn) {
          this.ackNow = true;
          this.afterInput();
          return;
        }
    }
    this.inReceive = true;
    // The ACK that completes the handshake is no duplicate, even when a Fast Open server has
    // data in flight that it does not yet acknowledge.
    if (seg.ackFlag && !(handshakeAck && seg.ack <= this.sndUna)) this.processAck(seg);
    else if (handshakeAck) this.peerWnd = seg.wnd;
    if (handshakeAck && this.sndUna < this.sndMax) this.resumeAfterHandshake();
    if (seg.len > 0 || seg.fin) this.processData(seg);
    this.inReceive = false;
    if ((this.state as TcpState) !== 'CLOSED') this.afterInput();
  }

  /**
   * A SYN reached the LISTEN socket and was admitted: SYN_RECEIVED and a SYN-ACK. With Fast Open,
   * a SYN asking for a cookie gets one in the SYN-ACK; a SYN with a cookie (always valid here:
   * `FastOpenCookies`) has its data accepted and acknowledged by the SYN-ACK, and the layer
   * above opens at once (RFC 7413 §4.2.2), so the server can answer before the handshake ends,
   * within its initial window; retransmissions of that data wait for the handshake's ACK, as in
   * Linux (the SYN-ACK timer runs meanwhile).
   */
  private listen(seg: Segment): void {
    this.rx.rcvNxt = 1;
    this.peerWnd = seg.wnd;
    const early = this.cfg.fastOpen && seg.fastOpen === 'cookie';
    this.openedEarly = early;
    this.setState('SYN_RECEIVED');
    this.synSentUs = this.engine.now;
    if (early) {
      this.cc.init();
      this.lastDataSendUs = this.engine.now;
      this.inReceive = true;
      this.handler.onOpen();
      if (seg.len > 0) {
        this.rx.inOrder(1 + seg.len);
        this.rx.deliver(this.handler);
      }
      this.inReceive = false;
    }
    const issue = this.cfg.fastOpen && seg.fastOpen === 'request';
    this.sendCtl(
      0,
      true,
      false,
      false,
      true,
      'SYN-ACK',
      issue ? 'SYN-ACK + cookie' : 'SYN-ACK',
      0,
      false,
      0,
      [],
      undefined,
      issue ? 'cookie' : undefined,
    );
    this.sndNxt = 1;
    this.sndMax = 1;
    this.startRto();
    if (early && (this.state as TcpState) !== 'CLOSED') this.flush();
  }

  /** The peer acknowledged our SYN-ACK: an RTT sample (Karn) and the end of the SYN-ACK timer. */
  private handshakeAcked(): void {
    this.sndUna = Math.max(this.sndUna, 1);
    if (!this.synRetransmitted) this.rtt.sample(this.engine.now - this.synSentUs);
    this.stopRto();
  }

  /**
   * A Fast Open server's handshake completed with data of its own in flight. If its SYN-ACK had to
   * be sent again, the data sent with it is taken as lost and goes again from the first
   * unacknowledged byte with the window of a timeout (Linux enters loss recovery on the first
   * SYN-ACK timeout, `tcp_fastopen_synack_timer`, and retransmits once the ACK arrives);
   * otherwise the retransmission timer now guards it.
   */
  private resumeAfterHandshake(): void {
    if (this.synRetransmitted) {
      this.rtt.forgetSent();
      this.cc.timeout(Math.ceil((this.sndMax - this.sndUna) / this.cfg.mssBytes));
      this.sndNxt = this.sndUna;
    } else if (!this.rtoTimer.armed) this.startRto();
  }

  private resendSynAck(): void {
    this.sendCtl(0, true, false, false, true, 'SYN-ACK', 'SYN-ACK', 0, true);
  }

  // ---------------------------------------------------------------- states

  private establish(): void {
    this.setState('ESTABLISHED');
    this.cc.init();
    this.lastDataSendUs = this.engine.now;
  }

  private setState(s: TcpState, reason?: ConnReason): void {
    const from = this.tcpState;
    this.tcpState = s;
    this.report(reason);
    if (from !== s) for (const l of this.stateListeners) l(this, from, s);
  }

  private report(reason?: ConnReason): void {
    const phase = this.phase;
    if (phase === this.lastPhase && this.state === this.lastState) return;
    this.lastPhase = phase;
    this.lastState = this.state;
    if (!this.trace.detail) return;
    const t = usToMs(this.engine.now);
    // Two literals rather than a spread of the optional reason (an object copy per event).
    this.trace.emitConn(
      reason === undefined
        ? { type: 'conn', t, conn: this.conn, side: this.side, state: this.state, phase }
        : { type: 'conn', t, conn: this.conn, side: this.side, state: this.state, phase, reason },
    );
  }

  protected toClosed(reason?: ConnReason): void {
    this.rtoTimer.cancel();
    this.cancelDelayedAck();
    this.finQueued = false;
    this.setState('CLOSED', reason);
  }

  protected onFinAcked(): void {
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

  protected onPeerFin(): void {
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

  // ---------------------------------------------------------------- retransmission timer

  protected onRto(): void {
    if (this.state === 'CLOSED') return;
    this.retries++;
    const connecting = this.state === 'SYN_SENT';
    if (this.retries > (connecting ? this.cfg.synRetries : this.cfg.maxRetries)) {
      // Give up: an unanswered SYN after `synRetries` retransmissions (Linux tcp_syn_retries),
      // silently, as Linux's tcp_write_err does (the peer holds no state for it); otherwise after
      // `maxRetries` (Linux tcp_retries2), telling the peer with a best-effort RST.
      const wasOpen = !this.appClosed;
      this.appClosed = true;
      if (!connecting) this.sendCtl(this.sndNxt, false, true, false, true, 'RST', 'RST');
      this.toClosed('retransmit-limit');
      if (wasOpen) this.handler.onReset('retransmit-limit');
      return;
    }
    this.rtt.backOff();
    if (this.state === 'SYN_SENT') {
      // A plain SYN, without data or Fast Open option (Linux queues SYN data behind a regular
      // SYN, which is what its timer resends: tcp_send_syn_data); the data follow the handshake.
      this.synRetransmitted = true;
      this.sndNxt = 1;
      this.sendCtl(0, true, false, false, false, 'SYN', 'SYN', 0, true);
      this.startRto();
      return;
    }
    if (
      this.state === 'SYN_RECEIVED' ||
      (this.openedEarly && this.side === 'server' && this.sndUna === 0)
    ) {
      this.synRetransmitted = true;
      this.resendSynAck();
      this.startRto();
      return;
    }
    if (this.sndUna >= this.sndMax) return;
    this.rtt.forgetSent();
    this.cc.timeout(Math.ceil((this.sndMax - this.sndUna) / this.cfg.mssBytes));
    this.sndNxt = this.sndUna;
    this.flush();
    if (!this.rtoTimer.armed) this.startRto();
  }
}
