/**
 * A packet number space (RFC 9000 §12.3): its packet numbers, the packets sent and not yet
 * acknowledged or lost, the packet numbers received (for ACK frames), its loss timer's time and
 * its CRYPTO stream.
 */
import type { Micros } from '../engine';
import { RangeSet } from '../ranges';
import type { QuicFrame } from './frames';
import type { RecvBuf } from './stream-buffers';
import { SendBuf } from './stream-buffers';

/** ACK ranges an ACK frame carries at most (the oldest are left out). */
const MAX_ACK_RANGES = 32;

/** A sent packet awaiting acknowledgement. */
export interface Sent {
  readonly pn: number;
  readonly at: Micros;
  readonly bytes: number;
  readonly ackEliciting: boolean;
  readonly frames: readonly QuicFrame[];
}

/** One packet number space: numbers, sent packets, received ranges, pending ACK, loss timer. */
export class Space {
  nextPn = 0;
  /**
   * Packets in flight, in packet number order (a Map keeps insertion order). Changed only through
   * `addSent`, `removeSent` and `clearSent`, which count the ack-eliciting ones.
   */
  readonly sent = new Map<number, Sent>();
  /** Ack-eliciting packets in `sent` (`ackInFlight` is asked after every packet sent or ACK). */
  private eliciting = 0;
  largestAcked = -1;
  /** Packet numbers received. */
  private readonly recv = new RangeSet();
  ackPending = false;
  lossTime = -1;
  lastAckElicitingUs = -1;
  readonly crypto = new SendBuf();
  cryptoRecv!: RecvBuf;
  /** Keys discarded (Initial and Handshake after the handshake): nothing more is sent here. */
  dropped = false;

  addReceived(pn: number): void {
    this.recv.add(pn, pn + 1);
  }

  /**
   * The ranges of an ACK frame (RFC 9000 §19.3): inclusive [smallest, largest] packet numbers
   * received, largest first, at most `MAX_ACK_RANGES`.
   */
  ackRanges(): [number, number][] {
    const r = this.recv;
    const out: [number, number][] = [];
    for (let i = r.size - 1; i >= 0 && out.length < MAX_ACK_RANGES; i--)
      out.push([r.start(i), r.end(i) - 1]);
    return out;
  }

  /** An ack-eliciting packet of this space is in flight. */
  get ackInFlight(): boolean {
    return this.eliciting > 0;
  }

  /** `s` was sent and awaits acknowledgement. */
  addSent(s: Sent): void {
    this.sent.set(s.pn, s);
    if (s.ackEliciting) this.eliciting++;
  }

  /** `s` is acknowledged or lost. */
  removeSent(s: Sent): void {
    this.sent.delete(s.pn);
    if (s.ackEliciting) this.eliciting--;
  }

  /** Every packet in flight is forgotten (keys discarded). */
  clearSent(): void {
    this.sent.clear();
    this.eliciting = 0;
  }
}
