/** Congestion control of one TCP sender: slow start, congestion avoidance, NewReno recovery. */
import type { Engine } from '../engine';
import { usToMs } from '../engine';
import type { CwndReason, Side, TraceRecorder } from '../trace';
import type { TcpConfig } from './config';

/**
 * Congestion window in segments (RFC 5681): slow start from the initial window (+1 segment per
 * ACKed segment) up to ssthresh, then congestion avoidance (+1 segment per window); fast
 * retransmit on the third duplicate ACK and NewReno fast recovery (RFC 6582: ssthresh = half the
 * flight, cwnd = ssthresh + 3, +1 per further duplicate, partial ACKs retransmit the next hole and
 * deflate the window, the ACK covering `recover` ends recovery at ssthresh); a timeout sets
 * ssthresh to half the flight and cwnd to 1; restart from the initial window after idle (RFC 5681
 * §4.1). Every change is a `cwnd` trace event (detailed traces). The sender does the
 * retransmissions; this class only keeps the numbers.
 */
export class NewReno {
  /** Congestion window in segments. */
  cwnd: number;
  /** Slow-start threshold in segments. */
  ssthresh = Infinity;
  /** In fast recovery (until the ACK of `recover`). */
  inRecovery = false;
  private dupAcks = 0;
  /** Highest sequence number sent when recovery began (RFC 6582 `recover`). */
  private recover = 0;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly cfg: TcpConfig,
    private readonly conn: number,
    private readonly side: Side,
  ) {
    this.cwnd = cfg.initialWindow;
  }

  /** The connection is established: start from the initial window. */
  init(): void {
    this.cwnd = this.cfg.initialWindow;
    this.emit('init');
  }

  /** True when `ack` ends the current fast recovery. */
  recovered(ack: number): boolean {
    return ack >= this.recover;
  }

  /** An ACK of new data arrived: duplicate ACKs start over. */
  newAck(): void {
    this.dupAcks = 0;
  }

  /** The ACK of `recover` arrived: recovery ends with cwnd = ssthresh. */
  exitRecovery(): void {
    this.inRecovery = false;
    this.cwnd = this.ssthresh;
    this.emit('recovery-exit');
  }

  /** A partial ACK of `segs` segments during recovery (the sender retransmitted the next hole). */
  partialAck(segs: number): void {
    this.cwnd = Math.max(1, this.cwnd - segs + 1);
    this.emit('recovery');
  }

  /**
   * Outside recovery, `segs` segments were ACKed: slow start or congestion avoidance. Growth
   * stops once the window covers the peer's receive window (`peerWnd` bytes): beyond it, it would
   * change nothing on the wire (the receive window binds), only the number in the trace.
   */
  grow(segs: number, peerWnd: number): void {
    const cap = Math.max(this.cfg.initialWindow, Math.ceil(peerWnd / this.cfg.mssBytes));
    if (this.cwnd >= cap) return;
    if (this.cwnd < this.ssthresh) {
      this.cwnd = Math.min(this.cwnd + segs, this.ssthresh, cap);
      this.emit('slow-start');
    } else {
      const before = Math.floor(this.cwnd);
      this.cwnd = Math.min(this.cwnd + segs / this.cwnd, cap);
      if (Math.floor(this.cwnd) !== before) this.emit('congestion-avoidance');
    }
  }

  /**
   * A duplicate ACK with `flightSegs` segments outstanding (up to `sndMax`): returns true on the
   * third one outside recovery, when the sender must retransmit the first unacknowledged segment
   * (fast retransmit); in recovery each one inflates the window by a segment.
   */
  dupAck(flightSegs: number, sndMax: number): boolean {
    this.dupAcks++;
    if (this.dupAcks === 3 && !this.inRecovery) {
      this.ssthresh = Math.max(Math.floor(flightSegs / 2), 2);
      this.cwnd = this.ssthresh + 3;
      this.inRecovery = true;
      this.recover = sndMax;
      this.emit('fast-retransmit');
      return true;
    }
    if (this.inRecovery) {
      this.cwnd += 1;
      this.emit('recovery');
    }
    return false;
  }

  /** The retransmission timer fired with `flightSegs` segments outstanding. */
  timeout(flightSegs: number): void {
    this.ssthresh = Math.max(Math.floor(flightSegs / 2), 2);
    this.cwnd = 1;
    this.inRecovery = false;
    this.dupAcks = 0;
    this.emit('timeout');
  }

  /** Idle for longer than the RTO with a window above the initial one: restart from it. */
  restartAfterIdle(): void {
    if (this.cwnd <= this.cfg.initialWindow) return;
    this.cwnd = this.cfg.initialWindow;
    this.emit('idle-restart');
  }

  private emit(reason: CwndReason): void {
    if (!this.trace.detail) return;
    this.trace.emitCwnd({
      type: 'cwnd',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      cwnd: this.cwnd,
      ssthresh: Number.isFinite(this.ssthresh) ? this.ssthresh : null,
      reason,
    });
  }
}
