/**
 * The data path of a TCP endpoint: the fields it shares with the state machine (`endpoint.ts`,
 * which extends it), ACK processing, in-order delivery, the send loop (windows, Nagle, Fast
 * Open's early data) and segment output. The state changes it triggers (FIN acknowledged, peer's
 * FIN, close) are the state machine's, reached through the abstract methods below.
 */
import type { Engine } from '../engine';
import { Timer } from '../engine';
import type { Link } from '../link';
import { HEADER_BYTES } from '../packet';
import type { Segment } from './segment';
import { NO_REQUEST_IDS, recordSegment } from './segment';
import type { AppPhase, FrameSource, StreamHandler } from '../stream';
import { DETACHED_HANDLER } from '../stream';
import type {
  ConnReason,
  Direction,
  FramePiece,
  PacketKind,
  Side,
  TcpState,
  TraceRecorder,
} from '../trace';
import type { TcpConfig } from './config';
import type { FastOpenOption } from './fast-open';
import { Reassembly } from './reassembly';
import { NewReno } from './reno';
import { RtoEstimator } from './rtt';
import { SendBuffer } from './send-buffer';
import { CLOSED_BY_APP, sendsData } from './states';

/** Sequence numbers, windows, timers and the send and receive halves of one TCP endpoint. */
export abstract class TcpDataPath {
  protected tcpState: TcpState;
  protected peer!: TcpDataPath;
  protected handler: StreamHandler = DETACHED_HANDLER;
  protected source?: FrameSource;
  protected linger = false;
  protected appPhase: AppPhase = 'idle';
  protected readonly dir: Direction;

  // send side
  protected readonly tx = new SendBuffer();
  protected readonly cc: NewReno;
  protected readonly rtt: RtoEstimator;
  protected sndUna = 0;
  protected sndNxt = 0;
  protected sndMax = 0;
  protected finQueued = false;
  protected appClosed = false;
  protected peerWnd: number;
  protected retries = 0;
  protected readonly rtoTimer: Timer;
  protected lastDataSendUs = -1;
  /**
   * Fast Open: the layer above opened before the handshake completed (the client's first
   * bytes rode on its SYN; the server accepted them and queued the socket to accept at once).
   */
  protected openedEarly = false;

  // receive side
  protected readonly rx = new Reassembly();
  protected peerFinSeq = -1;
  protected ackOwed = 0;
  protected ackNow = false;
  /** The delayed-ACK timer, made when first armed (most sockets never delay an ACK). */
  private delackTimer: Timer | undefined;
  protected inReceive = false;

  constructor(
    protected readonly engine: Engine,
    protected readonly link: Link,
    protected readonly trace: TraceRecorder,
    protected readonly cfg: TcpConfig,
    /** Connection id. */
    readonly conn: number,
    /** Which end this is. */
    readonly side: Side,
  ) {
    this.tcpState = side === 'server' ? 'LISTEN' : 'CLOSED';
    this.dir = side === 'client' ? 'c2s' : 's2c';
    this.cc = new NewReno(engine, trace, cfg, conn, side);
    this.rtt = new RtoEstimator(cfg);
    this.peerWnd = cfg.receiveWindowBytes;
    this.rtoTimer = new Timer(engine, () => this.onRto());
  }

  /** Current TCP state (changed only by the state machine; see `TcpEndpoint.onStateChange`). */
  get state(): TcpState {
    return this.tcpState;
  }

  /** A segment arrived from the link. */
  abstract receive(seg: Segment): void;
  /** The retransmission timer fired. */
  protected abstract onRto(): void;
  /** Everything up to our FIN is acknowledged. */
  protected abstract onFinAcked(): void;
  /** The peer's FIN is next in sequence. */
  protected abstract onPeerFin(): void;
  /** The socket closes (timers stopped, state CLOSED). */
  protected abstract toClosed(reason?: ConnReason): void;

  protected startRto(): void {
    this.rtoTimer.set(this.rtt.rto);
  }

  /** Stops the delayed-ACK timer, if one was ever armed. */
  protected cancelDelayedAck(): void {
    this.delackTimer?.cancel();
  }

  protected stopRto(): void {
    this.rtoTimer.cancel();
  }

  protected finSeq(): number {
    return 1 + this.tx.end;
  }

  protected processAck(seg: Segment): void {
    this.peerWnd = seg.wnd;
    const ack = seg.ack;
    if (ack > this.sndMax) return;
    if (ack > this.sndUna) {
      const acked = ack - this.sndUna;
      this.sndUna = ack;
      if (this.sndNxt < ack) this.sndNxt = ack;
      this.retries = 0;
      this.cc.newAck();
      this.rtt.acked(ack, this.engine.now);
      const segs = Math.ceil(acked / this.cfg.mssBytes);
      if (this.cc.inRecovery) {
        if (this.cc.recovered(ack)) this.cc.exitRecovery();
        else {
          this.retransmitOne(ack);
          this.cc.partialAck(segs);
        }
      } else this.cc.grow(segs, this.peerWnd);
      if (this.sndUna >= this.sndMax) this.stopRto();
      else this.startRto();
      if (this.finQueued && ack === this.finSeq() + 1) this.onFinAcked();
    } else if (ack === this.sndUna && seg.len === 0 && !seg.fin && this.sndMax > this.sndUna) {
      const flight = Math.ceil((this.sndMax - this.sndUna) / this.cfg.mssBytes);
      if (this.cc.dupAck(flight, this.sndMax)) this.retransmitOne(this.sndUna);
    }
  }

  protected processData(seg: Segment): void {
    const end = seg.seq + seg.len;
    const rx = this.rx;
    if (
      seg.len > 0 &&
      this.appClosed &&
      !this.linger &&
      end > rx.rcvNxt &&
      CLOSED_BY_APP.has(this.state)
    ) {
      // Data for a socket the application has closed: nobody will read it (RFC 9293 §3.10.7.4 / Linux).
      this.sendCtl(this.sndNxt, false, true, false, true, 'RST', 'RST');
      this.toClosed('reset');
      return;
    }
    if (seg.fin) this.peerFinSeq = end;
    if (seg.seq <= rx.rcvNxt && end > rx.rcvNxt) {
      if (rx.inOrder(end)) this.ackNow = true;
      this.ackOwed++;
      if (!this.cfg.delayedAck) this.ackNow = true;
      rx.deliver(this.handler);
    } else if (seg.seq > rx.rcvNxt) {
      rx.outOfOrder(seg.seq, end, seg.len, this.engine.now);
      this.ackNow = true;
    } else if (!(seg.fin && this.peerFinSeq === rx.rcvNxt)) {
      this.ackNow = true;
    }
    if (this.peerFinSeq >= 0 && rx.rcvNxt === this.peerFinSeq) {
      rx.rcvNxt++;
      this.ackNow = true;
      this.onPeerFin();
    } else if (seg.fin && this.peerFinSeq >= 0 && rx.rcvNxt === this.peerFinSeq + 1) {
      this.ackNow = true; // retransmitted FIN
    }
  }

  protected afterInput(): void {
    this.flush();
    if (this.state === 'CLOSED') return;
    if (this.ackNow || this.ackOwed >= 2) {
      this.sendAck();
    } else if (this.ackOwed > 0 && this.delackTimer?.armed !== true) {
      this.delackTimer ??= new Timer(this.engine, () => {
        if (this.ackOwed > 0 && this.state !== 'CLOSED') this.sendAck();
      });
      this.delackTimer.set(this.cfg.delayedAckUs);
    }
  }

  protected sendAck(): void {
    this.sendCtl(this.sndNxt, false, false, false, true, 'ACK', 'ACK');
  }

  /**
   * Sends as much queued data (and the FIN) as the congestion and receive windows allow. With
   * Nagle's algorithm (RFC 896, RFC 1122 §4.2.3.4) as the BSD stacks implement it (tcp_output),
   * a segment shorter than the MSS is held while earlier data is unacknowledged: it goes when
   * everything sent is acknowledged (or enough data gathers for a full segment). "Unacknowledged"
   * is judged when the send starts, so one write to an idle connection goes out whole, as far as
   * the windows allow; and a segment the FIN follows is never held (the application has closed:
   * HTTP/1.0), which is why Heidemann (1997) found persistent HTTP slower than HTTP/1.0 with Nagle.
   */
  protected flush(): void {
    if (!sendsData(this.state) && !(this.openedEarly && this.state === 'SYN_RECEIVED')) return;
    const mss = this.cfg.mssBytes;
    const idle = this.sndMax === this.sndUna;
    let dataEnd = 1 + this.tx.end;
    for (;;) {
      if (
        this.source !== undefined &&
        !this.finQueued &&
        dataEnd - this.sndNxt < mss &&
        this.sndNxt - this.sndUna < Math.min(this.cc.cwnd * mss, this.peerWnd)
      ) {
        // Fill the next segment with frames (several small ones share a segment).
        const next = this.source();
        if (next !== undefined) {
          this.tx.append(next);
          dataEnd = 1 + this.tx.end;
          continue;
        }
      }
      if (this.sndNxt < dataEnd) {
        const len = Math.min(mss, dataEnd - this.sndNxt);
        const flight = this.sndNxt - this.sndUna;
        if (flight === 0 && this.sndNxt >= this.sndMax) this.maybeIdleRestart();
        const wnd = Math.min(this.cc.cwnd * mss, this.peerWnd);
        if (flight > 0 && flight + len > wnd) break;
        const fin = this.finQueued && this.sndNxt + len === dataEnd;
        if (this.cfg.nagle && len < mss && !idle && !fin && this.sndNxt >= this.sndMax) break;
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

  /** Slow-start restart (RFC 5681 §4.1): idle for longer than the RTO since data was last sent. */
  protected maybeIdleRestart(): void {
    if (!this.cfg.slowStartAfterIdle || this.lastDataSendUs < 0) return;
    if (this.engine.now - this.lastDataSendUs > this.rtt.rto) this.cc.restartAfterIdle();
  }

  protected retransmitOne(seq: number): void {
    const dataEnd = 1 + this.tx.end;
    if (seq < dataEnd) {
      const len = Math.min(this.cfg.mssBytes, dataEnd - seq);
      this.sendData(seq, len, this.finQueued && seq + len === dataEnd);
    } else if (this.finQueued) {
      this.sendData(seq, 0, true);
    }
  }

  protected sendData(seq: number, len: number, fin: boolean): void {
    const retransmit = seq < this.sndMax;
    let kind: PacketKind = 'FIN';
    let label = 'FIN';
    let requestIds: readonly number[] = NO_REQUEST_IDS;
    let frames: FramePiece[] | undefined;
    if (len > 0 && !this.trace.detail) {
      // Labels and kinds only feed packet events, which a summary trace does not build.
      kind = 'DATA';
      this.lastDataSendUs = this.engine.now;
    } else if (len > 0) {
      const d = this.tx.describe(seq - 1, len, this.cfg.mssBytes);
      kind = d.kind;
      label = fin ? `${d.label} + FIN` : d.label;
      requestIds = d.requestIds;
      frames = d.frames;
      this.lastDataSendUs = this.engine.now;
    }
    this.rtt.recordSend(seq + len + (fin ? 1 : 0), this.engine.now, retransmit);
    this.sendCtl(seq, false, false, fin, true, kind, label, 0, retransmit, len, requestIds, frames);
  }

  protected sendCtl(
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
    requestIds: readonly number[] = NO_REQUEST_IDS,
    frames?: readonly FramePiece[],
    fastOpen?: FastOpenOption,
  ): void {
    if (ackFlag && !rst) {
      this.ackOwed = 0;
      this.ackNow = false;
      this.cancelDelayedAck();
    }
    const ack = ackOverride > 0 ? ackOverride : this.rx.rcvNxt;
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
        fastOpen,
        wireBytes: len + HEADER_BYTES,
        dataBearing: len > 0,
        record: recordSegment,
      },
      this.peer,
    );
  }
}
