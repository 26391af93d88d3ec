/** The send side of a TCP byte stream: the messages written, in stream order, and their labels. */
import type { StreamMessage } from '../stream';
import type { FramePiece, PacketKind } from '../trace';

/** A message in the send log: its data offsets [start, end) on the stream. */
export interface Logged {
  readonly start: number;
  readonly end: number;
  readonly msg: StreamMessage;
}

/** What the bytes of one segment carry, for its packet record. */
export interface SegmentContent {
  kind: PacketKind;
  label: string;
  requestIds: readonly number[];
  frames: FramePiece[] | undefined;
}

const CACHED_PARTS = 64;
/**
 * Part suffixes by (k, n) for messages of up to `CACHED_PARTS` parts, built once each, at index
 * `n * (CACHED_PARTS + 1) + k` (an array, filled up front so that it stays a plain one: a lookup
 * per data segment).
 */
const partSuffixes = new Array<string | undefined>((CACHED_PARTS + 1) ** 2).fill(undefined);

/** The request ids of bytes that carry none (shared, never written). */
const NO_REQUEST_IDS: readonly number[] = [];

/**
 * " (part k/n)": from a cache for the usual part counts, so that a segment's label is one string
 * joined to its message's label rather than a new chain of five (every label stays in the trace).
 */
function partSuffix(k: number, n: number): string {
  if (n > CACHED_PARTS) return ` (part ${k}/${n})`;
  const key = n * (CACHED_PARTS + 1) + k;
  let suffix = partSuffixes[key];
  if (suffix === undefined) {
    suffix = ` (part ${k}/${n})`;
    partSuffixes[key] = suffix;
  }
  return suffix;
}

/**
 * The messages an application wrote on one direction of a connection, contiguous in stream order
 * (data offset 0 = sequence number 1). The sender labels segments from it; the receiver reads
 * the same log to find message boundaries (the simulation carries no bytes, only lengths).
 */
export class SendBuffer {
  /** Messages in stream order. */
  log: Logged[] = [];
  /** Bytes written so far (the data offset of the next message). */
  end = 0;

  /** Queues a message at the end of the stream. */
  append(msg: StreamMessage): void {
    this.log.push({ start: this.end, end: this.end + msg.bytes, msg });
    this.end += msg.bytes;
  }

  /** Forgets the messages (the socket is done: everything sent was acknowledged). */
  release(): void {
    this.log.length = 0;
  }

  /** The index `indexAt` returned last. */
  private lastIdx = 0;

  /** Index of the last message starting at or before data offset `off` (0 when none). */
  indexAt(off: number): number {
    const log = this.log;
    // Segments go out in stream order: the next one starts in the message the last one did, or
    // in the one after (a binary search otherwise: retransmissions, the receiver's lookups).
    const i = this.lastIdx;
    if (i < log.length && (log[i] as Logged).start <= off) {
      if (i + 1 === log.length || (log[i + 1] as Logged).start > off) return i;
      if (i + 2 === log.length || (log[i + 2] as Logged).start > off) return (this.lastIdx = i + 1);
    }
    this.lastIdx = this.search(off);
    return this.lastIdx;
  }

  /** `indexAt` by binary search. */
  private search(off: number): number {
    const log = this.log;
    let lo = 0;
    let hi = log.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((log[mid] as Logged).start <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first message that ends after data offset `off`. */
  firstEndingAfter(off: number): number {
    const log = this.log;
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((log[mid] as Logged).end <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Label, kind, request ids and HTTP/2 frames of the stream bytes [offset, offset + len): every
   * message the segment touches, a message longer than `mss` named by its part ("(part 2/3)").
   */
  describe(offset: number, len: number, mss: number): SegmentContent {
    const out = this.log;
    const lo = this.indexAt(offset);
    const end = offset + len;
    let label = '';
    let tls = true;
    let requestIds: readonly number[] = NO_REQUEST_IDS;
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
        part += partSuffix(k, n);
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
}
