/**
 * The two sides of an ordered byte stream (a QUIC stream, or a packet number space's CRYPTO
 * stream): `SendBuf` (messages written, new data, ranges to resend) and `RecvBuf` (reassembly,
 * in-order delivery, head-of-line records).
 */
import type { Micros } from '../engine';
import { RangeSet } from '../ranges';
import type { StreamMessage, Unblocked } from '../stream';

/** A message written on a stream, at stream bytes [start, end). */
export interface Logged {
  readonly start: number;
  readonly end: number;
  readonly msg: StreamMessage;
}

/** A piece of a stream to put in a STREAM frame; `again` when it was sent before. */
export interface StreamChunk {
  readonly off: number;
  readonly len: number;
  readonly fin: boolean;
  readonly again: boolean;
}

/** One stream (bidirectional, client-initiated ids 0, 4, 8, ...: RFC 9000 §2.1). */
export interface QStream {
  readonly id: number;
  readonly send: SendBuf;
  /** Created when the stream's first data arrives. */
  recv: RecvBuf | undefined;
}

/**
 * An ordered byte stream's send side: the messages written, new data, and ranges to resend
 * (lost and not acknowledged since, each byte once).
 */
export class SendBuf {
  readonly log: Logged[] = [];
  end = 0;
  next = 0;
  fin = false;
  finSent = false;
  private readonly resend = new RangeSet();
  private readonly acked = new RangeSet();

  write(msg: StreamMessage): void {
    this.log.push({ start: this.end, end: this.end + msg.bytes, msg });
    this.end += msg.bytes;
  }

  get pending(): boolean {
    return !this.resend.isEmpty || this.next < this.end || (this.fin && !this.finSent);
  }

  /** There is lost data to send again. */
  get resending(): boolean {
    return !this.resend.isEmpty;
  }

  /** Takes up to `max` bytes: first a range to resend, else new data. */
  take(max: number): StreamChunk | undefined {
    if (!this.resend.isEmpty && max > 0) {
      const off = this.resend.start(0);
      const len = Math.min(max, this.resend.end(0) - off);
      this.resend.subtract(off, off + len);
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
      this.resend.add(off, off + len);
      this.resend.subtractAll(this.acked);
    } else if (fin) this.finSent = false;
  }

  /** A range arrived (its packet was acknowledged): never resend it. */
  ack(off: number, len: number): void {
    if (len <= 0) return;
    this.acked.add(off, off + len);
    this.resend.subtract(off, off + len);
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

/**
 * An ordered byte stream's receive side: reassembly, in-order delivery, head-of-line records.
 * Both endpoints live in the same process: message boundaries come from the peer's send log
 * (`peer.log`), as TCP does.
 */
export class RecvBuf {
  /** Bytes received beyond `delivered` (a gap before each). */
  private readonly ranges = new RangeSet();
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
    const r = this.ranges;
    const before = this.delivered;
    if (end > before) {
      // In order with nothing buffered (the usual case): deliverable at once, without a range
      // added to the set only to be taken out again.
      if (off <= before && r.isEmpty) this.delivered = end;
      else {
        if (off > before && onUnblocked !== undefined) this.arrivals.push(off, end, now);
        r.add(Math.max(off, before), end);
      }
    }
    if (!r.isEmpty && r.start(0) <= this.delivered) {
      this.delivered = Math.max(this.delivered, r.end(0));
      r.shift();
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
