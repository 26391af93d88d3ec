/**
 * What goes into the next packet: a `PacketDraft` collects frames while room is left (ACK,
 * CRYPTO, control, STREAM); the `Scheduler` of the application space chooses control frames
 * first, then lost data of any stream, then new data round-robin across streams.
 */
import type { FrameType, FramePiece } from '../trace';
import type { QuicFrame } from './frames';
import { QUIC_STREAM_FRAME_OVERHEAD } from './frames';
import type { Space } from './packet-space';
import type { QStream, SendBuf, StreamChunk } from './stream-buffers';

/** Bytes a stream may send per round-robin turn (as HTTP/2's largest frame). */
export const QUIC_STREAM_QUANTUM = 16384;

/** The frames of a packet being built, its label and request ids, and the room left in it. */
export class PacketDraft {
  readonly frames: QuicFrame[] = [];
  /** Stream and frame records for the trace. */
  readonly pieces: FramePiece[] = [];
  label = '';
  readonly requestIds: number[] = [];
  /** Some of its data was sent before. */
  again = false;
  /** Largest packet number its ACK frame acknowledges (0 when none). */
  largestAcked = 0;

  constructor(
    /** Bytes left for frames. */
    public room: number,
  ) {}

  /** The space's ACK frame (RFC 9000 §19.3; sized 7 bytes + 2 per extra range). */
  ack(sp: Space): void {
    const kept = sp.ackRanges();
    this.frames.push({ t: 'ACK', ranges: kept });
    this.largestAcked = kept[0]?.[1] ?? 0;
    this.pieces.push({ stream: 0, type: 'ACK' });
    this.room -= 7 + 2 * (kept.length - 1);
    sp.ackPending = false;
  }

  /** A CRYPTO frame with as much of the space's handshake data as fits. */
  crypto(buf: SendBuf): void {
    const c = buf.take(this.room - QUIC_STREAM_FRAME_OVERHEAD);
    if (c === undefined || c.len <= 0) return;
    this.frames.push({ t: 'CRYPTO', off: c.off, len: c.len });
    this.pieces.push({ stream: 0, type: 'CRYPTO' });
    this.room -= c.len + QUIC_STREAM_FRAME_OVERHEAD;
    this.again ||= c.again;
    this.describe(buf.describe(c.off, c.len).label, []);
  }

  /** A control frame (sized 9 bytes). */
  control(f: QuicFrame): void {
    this.frames.push(f);
    this.pieces.push({ stream: 0, type: f.t as FrameType });
    this.room -= 9;
    this.describe(f.t, []);
  }

  /** A STREAM frame with the chunk `c` of stream `s`. */
  stream(s: QStream, c: StreamChunk): void {
    this.frames.push({ t: 'STREAM', id: s.id, off: c.off, len: c.len, fin: c.fin });
    this.pieces.push({ stream: s.id, type: 'STREAM' });
    this.room -= c.len + QUIC_STREAM_FRAME_OVERHEAD;
    this.again ||= c.again;
    const d = s.send.describe(c.off, Math.max(1, c.len));
    this.describe(d.label, d.requestIds);
  }

  private describe(part: string, reqs: readonly number[]): void {
    if (part !== '') this.label = this.label === '' ? part : `${this.label} + ${part}`;
    for (const r of reqs) if (!this.requestIds.includes(r)) this.requestIds.push(r);
  }
}

/** The application space's sending order: control frames, lost stream data, new stream data. */
export class Scheduler {
  /** Control frames waiting (HANDSHAKE_DONE, PATH_*, PING, CONNECTION_CLOSE). */
  readonly control: QuicFrame[] = [];
  /** Streams with data to send, in round-robin order. */
  private readonly rr: QStream[] = [];
  private quantum = QUIC_STREAM_QUANTUM;

  /**
   * Whether a stream in the round-robin may have lost data to resend: set when a stream with
   * some is queued (lost data is only ever queued so), cleared once none has; while false,
   * `fill` skips the pass over every stream for lost data (one pass per packet otherwise).
   */
  private mayResend = false;

  /** Stream `s` has data to send (new or lost). */
  queue(s: QStream): void {
    if (s.send.resending) this.mayResend = true;
    if (!this.rr.includes(s)) this.rr.push(s);
  }

  /** Something is waiting to go in the application space. */
  get hasData(): boolean {
    return this.control.length > 0 || this.rr.some((s) => s.send.pending);
  }

  /** Fills the draft with control frames, then lost data, then new data. */
  fill(d: PacketDraft): void {
    while (this.control.length > 0 && d.room > 16) d.control(this.control.shift() as QuicFrame);
    // Lost data of any stream goes before new data of all of them (RFC 9000 §13.3: "SHOULD
    // prioritize retransmission of data over sending new data"), without changing whose turn
    // it is in the round-robin of new data.
    if (this.mayResend) {
      for (const s of this.rr) {
        while (d.room > QUIC_STREAM_FRAME_OVERHEAD + 1 && s.send.resending)
          d.stream(s, s.send.take(d.room - QUIC_STREAM_FRAME_OVERHEAD) as StreamChunk);
      }
      this.mayResend = this.rr.some((s) => s.send.resending);
    }
    while (d.room > QUIC_STREAM_FRAME_OVERHEAD + 1 && this.rr.length > 0) {
      const s = this.rr[0] as QStream;
      if (!s.send.pending) {
        this.rr.shift();
        this.quantum = QUIC_STREAM_QUANTUM;
        continue;
      }
      const c = s.send.take(Math.min(d.room - QUIC_STREAM_FRAME_OVERHEAD, this.quantum));
      if (c === undefined) break;
      d.stream(s, c);
      this.quantum -= c.len;
      if (this.quantum <= 0 || !s.send.pending) {
        // Next stream's turn (round-robin).
        this.rr.shift();
        if (s.send.pending) this.rr.push(s);
        this.quantum = QUIC_STREAM_QUANTUM;
      }
    }
  }
}
