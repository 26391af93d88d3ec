/**
 * Loss detection and congestion control of one QUIC endpoint (RFC 9002): the RTT estimate,
 * packet- and time-threshold loss detection, the probe timeout and NewReno, with the RFC's
 * constants. The endpoint owns the timer and decides what a lost packet's frames become; this
 * module decides when a packet is acknowledged or lost and what the window is.
 */
import type { Engine, Micros } from '../engine';
import { usToMs } from '../engine';
import type { Side, TraceRecorder } from '../trace';
import type { Sent, Space } from './packet-space';

/** kInitialRtt (RFC 9002 §6.2.2). */
export const QUIC_INITIAL_RTT_US = 333_000;
/** kPacketThreshold (RFC 9002 §6.1.1). */
export const QUIC_PACKET_THRESHOLD = 3;
/** kTimeThreshold (RFC 9002 §6.1.2): 9/8 of the RTT. */
export const QUIC_TIME_THRESHOLD = 9 / 8;
/** kGranularity (RFC 9002 §6.1.2): 1 ms. */
export const QUIC_GRANULARITY_US = 1000;

/** Initial congestion window (RFC 9002 §7.2). */
export function quicInitialWindow(maxDatagram: number): number {
  return Math.min(10 * maxDatagram, Math.max(14720, 2 * maxDatagram));
}

/** What happens to a packet's frames when it is acknowledged or declared lost. */
export type SentHandler = (sp: Space, s: Sent) => void;

/** RTT estimate, loss detection, probe timeout and NewReno window of one endpoint. */
export class Recovery {
  /** Congestion window (bytes). */
  cwnd: number;
  ssthresh = Infinity;
  /** Bytes of ack-eliciting packets in flight, all spaces. */
  bytesInFlight = 0;
  /** Consecutive probe timeouts (the PTO doubles with each). */
  ptoCount = 0;
  /** Probe packets still to send regardless of the window. */
  probes = 0;
  private recoveryStartUs = -1;
  private srtt = QUIC_INITIAL_RTT_US;
  private rttvar = QUIC_INITIAL_RTT_US / 2;
  private latestRtt = 0;
  private hasRtt = false;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly conn: number,
    private readonly side: Side,
    /** max_datagram_size. */
    private readonly mds: number,
  ) {
    this.cwnd = quicInitialWindow(mds);
  }

  /** A new path: congestion controller and RTT estimate back to their initial state (RFC 9000 §9.4). */
  resetPath(): void {
    this.cwnd = quicInitialWindow(this.mds);
    this.ssthresh = Infinity;
    this.recoveryStartUs = -1;
    this.hasRtt = false;
    this.srtt = QUIC_INITIAL_RTT_US;
    this.rttvar = QUIC_INITIAL_RTT_US / 2;
  }

  /** Probe timeout before backoff (RFC 9002 §6.2.1), without max_ack_delay (ACKs go at once). */
  ptoUs(): number {
    return this.srtt + Math.max(4 * this.rttvar, QUIC_GRANULARITY_US);
  }

  /** The window (or a pending probe) lets one more full packet go. */
  cwndAllows(): boolean {
    if (this.probes > 0) return true;
    return this.bytesInFlight + this.mds <= this.cwnd;
  }

  /** An ack-eliciting packet was sent in `sp`. */
  onSent(sp: Space, s: Sent): void {
    sp.addSent(s);
    this.bytesInFlight += s.bytes;
    sp.lastAckElicitingUs = s.at;
    if (this.probes > 0) this.probes--;
  }

  /** A space's keys are discarded: its packets leave the bytes in flight (RFC 9002 §6.4). */
  discard(sp: Space): void {
    for (const x of sp.sent.values()) this.bytesInFlight -= x.bytes;
    sp.clearSent();
  }

  /**
   * An ACK frame for `sp` arrived (inclusive ranges): each newly acknowledged packet leaves the
   * flight and grows the window (`acked` then handles its frames), the largest newly
   * acknowledged gives an RTT sample, and loss detection runs (`lost` handles lost packets).
   * Returns whether anything new was acknowledged.
   */
  onAck(
    sp: Space,
    ranges: readonly (readonly [number, number])[],
    acked: SentHandler,
    lost: SentHandler,
  ): boolean {
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
        sp.removeSent(s);
        any = true;
        if (pn === largest) newlyLargest = s;
        this.bytesInFlight -= s.bytes;
        this.newlyAcked[this.newlyAckedCount++] = s;
        acked(sp, s);
      }
    }
    if (largest > sp.largestAcked) sp.largestAcked = largest;
    if (newlyLargest !== undefined && newlyLargest.ackEliciting)
      this.sample(this.engine.now - newlyLargest.at);
    if (!any) return false;
    // Losses before growth (RFC 9002 Appendix A.7: DetectAndRemoveLostPackets "must be called
    // prior to" OnPacketsAcked): an ACK that both acknowledges a flight and reveals a loss in it
    // starts the recovery period first, so the packets it acknowledges, all sent before that
    // period, do not grow the window the loss has just halved.
    this.detectLost(sp, lost);
    const newly = this.newlyAcked;
    for (let i = 0; i < this.newlyAckedCount; i++) {
      this.onPacketAcked(newly[i] as Sent);
      newly[i] = undefined;
    }
    this.newlyAckedCount = 0;
    this.ptoCount = 0;
    return true;
  }

  /**
   * Packets the ACK being processed acknowledged: the first `newlyAckedCount` entries (the array
   * is reused between ACKs; setting its length to 0 would drop its storage each time).
   */
  private readonly newlyAcked: (Sent | undefined)[] = [];
  private newlyAckedCount = 0;

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

  /** Slow start or congestion avoidance, except for packets sent before the recovery period. */
  private onPacketAcked(s: Sent): void {
    if (!s.ackEliciting) return;
    if (this.recoveryStartUs >= 0 && s.at <= this.recoveryStartUs) return;
    const before = this.cwnd;
    if (this.cwnd < this.ssthresh) this.cwnd += s.bytes;
    else this.cwnd += (this.mds * s.bytes) / this.cwnd;
    if (Math.floor(before / this.mds) !== Math.floor(this.cwnd / this.mds))
      this.emitCwnd(this.cwnd <= this.ssthresh ? 'slow-start' : 'congestion-avoidance');
  }

  /**
   * Declares lost the packets of `sp` below the largest acknowledged by the packet or time
   * threshold (RFC 9002 §6.1), sets the space's loss time for the others, and halves the window
   * once per recovery period (§7.3.2).
   */
  detectLost(sp: Space, lost: SentHandler): void {
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
        sp.removeSent(s);
        this.bytesInFlight -= s.bytes;
        lost(sp, s);
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
      // "A packet can be sent to speed up loss recovery" (Appendix A.9, MaybeSendOnePacket;
      // §7.3.2): one packet may go past the reduced window, so the lost data is resent now, as a
      // TCP fast retransmit is, instead of after the flight drains below the halved window.
      this.probes = Math.max(this.probes, 1);
      this.emitCwnd('fast-retransmit');
    }
  }

  /**
   * When the loss timer should fire (engine microseconds; -1 = not at all): the earliest loss
   * time of a space, else the probe timeout after the last ack-eliciting packet of a space with
   * one in flight, backed off per consecutive PTO (RFC 9002 §6.2).
   */
  timerAt(spaces: readonly Space[]): number {
    let t = -1;
    for (const sp of spaces) if (sp.lossTime >= 0 && (t < 0 || sp.lossTime < t)) t = sp.lossTime;
    if (t >= 0) return Math.ceil(t);
    const pto = this.ptoUs() * 2 ** this.ptoCount;
    let at = -1;
    for (const sp of spaces) {
      if (sp.dropped || !sp.ackInFlight) continue;
      const x = sp.lastAckElicitingUs + pto;
      if (at < 0 || x < at) at = x;
    }
    return at < 0 ? -1 : Math.ceil(at);
  }

  /** A probe timeout fired: the next one waits twice as long. */
  onProbeTimeout(): void {
    this.ptoCount++;
    this.emitCwnd('timeout');
  }

  private emitCwnd(
    reason: 'init' | 'slow-start' | 'congestion-avoidance' | 'timeout' | 'fast-retransmit',
  ): void {
    if (!this.trace.detail) return;
    this.trace.emitCwnd({
      type: 'cwnd',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      cwnd: this.cwnd / this.mds,
      ssthresh: Number.isFinite(this.ssthresh) ? this.ssthresh / this.mds : null,
      reason,
    });
  }
}
