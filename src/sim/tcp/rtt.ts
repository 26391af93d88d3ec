/** The retransmission timeout of one TCP sender (RFC 6298). */
import type { Micros } from '../engine';
import type { TcpConfig } from './config';

/**
 * RTT estimator and RTO (RFC 6298 §2): the first sample R sets SRTT = R and RTTVAR = R/2; later
 * ones RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R; RTO = SRTT + 4 RTTVAR,
 * clamped to [minRto, maxRto] (initial RTO `initialRtoUs`, 1 s in §2.1). Each timeout doubles it
 * (§5.5, back-off), up to maxRto; the next sample recomputes it. Samples come only from segments
 * never retransmitted (Karn's algorithm, §3): the sender decides which.
 */
export class RtoEstimator {
  /** Current retransmission timeout (engine microseconds). */
  rto: Micros;
  private srtt = 0;
  private rttvar = 0;
  private hasRtt = false;
  /**
   * Data segments in flight: flat triples endSeq, sentUs, retransmit (0/1), oldest first, in
   * [sentHead, sentEnd). The array keeps its storage when the flight drains (no reallocation
   * per flight).
   */
  private sent: number[] = [];
  private sentHead = 0;
  private sentEnd = 0;

  constructor(private readonly cfg: TcpConfig) {
    this.rto = cfg.initialRtoUs;
  }

  /** Takes a round-trip sample `r` and recomputes the RTO. */
  sample(r: Micros): void {
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

  /** A data segment ending at `endSeq` (exclusive) left at `nowUs`. */
  recordSend(endSeq: number, nowUs: Micros, retransmit: boolean): void {
    const sent = this.sent;
    const n = this.sentEnd;
    sent[n] = endSeq;
    sent[n + 1] = nowUs;
    sent[n + 2] = retransmit ? 1 : 0;
    this.sentEnd = n + 3;
  }

  /**
   * A cumulative ACK of `ack` arrived at `nowUs`: samples the RTT from the newest segment it fully
   * acknowledges, unless that segment was retransmitted (Karn: the sample would be ambiguous).
   */
  acked(ack: number, nowUs: Micros): void {
    const sent = this.sent;
    let i = this.sentHead;
    let sampleAt = -1;
    let ambiguous = false;
    const end = this.sentEnd;
    while (i < end && (sent[i] as number) <= ack) {
      sampleAt = sent[i + 1] as number;
      ambiguous = sent[i + 2] === 1;
      i += 3;
    }
    this.sentHead = i;
    if (i === end) {
      this.sentHead = 0;
      this.sentEnd = 0;
    }
    if (sampleAt >= 0 && !ambiguous) this.sample(nowUs - sampleAt);
  }

  /** Forgets the segments in flight (after a timeout everything is sent again). */
  forgetSent(): void {
    this.sentHead = 0;
    this.sentEnd = 0;
  }

  /** Drops the record of segments in flight for good (the socket is done). */
  release(): void {
    this.sent = [];
    this.sentHead = 0;
    this.sentEnd = 0;
  }

  /** A timeout fired: back off (double the RTO, at most maxRto). */
  backOff(): void {
    this.rto = Math.min(this.cfg.maxRtoUs, this.rto * 2);
  }
}
