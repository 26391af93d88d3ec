/** The receive side of a TCP byte stream: in-order delivery, out-of-order ranges, head-of-line reports. */
import type { Micros } from '../engine';
import { RangeSet } from '../ranges';
import type { StreamHandler, StreamMessage, Unblocked, UnblockedListener } from '../stream';
import type { Logged, SendBuffer } from './send-buffer';

/**
 * What one TCP receiver holds: `rcvNxt` (the next sequence number expected), the out-of-order
 * ranges above it, and how far the messages of the peer's send log have been delivered. Bytes
 * reach the application only in order: data behind a hole waits until the hole fills (TCP
 * head-of-line blocking). With an `UnblockedListener`, each out-of-order arrival is remembered so
 * that, when a hole fills, the listener learns which messages had bytes waiting and since when.
 */
export class Reassembly {
  /** Next sequence number expected (cumulative ACK). */
  rcvNxt = 0;
  private listener?: UnblockedListener;
  private peerTx!: SendBuffer;
  /**
   * Out-of-order data above `rcvNxt` (sequence space; a hole below each range), made on the first
   * arrival above a hole: most receivers never see one (allocated for every TCP endpoint, with the
   * stores below made anew at each close, they were a fifth of the image host's scavenges).
   */
  private ooo: RangeSet | undefined;
  /**
   * Where out-of-order FIN-only segments (no data, so no range) sit, until `rcvNxt` reaches them:
   * they keep the hole open like a range does (the receiver acknowledges at once when it fills).
   */
  private oooFins: number[] = [];
  private oooArrivals: number[] = []; // flat triples offset start, end, arrival (only with a listener)
  private gapStart = 0; // rcvNxt when the current hole opened or last released bytes
  private firstIdx = 0;
  private doneIdx = 0;

  /** Reads message boundaries from the peer's send log (when the endpoints are paired). */
  setPeer(peerTx: SendBuffer): void {
    this.peerTx = peerTx;
  }

  /** Installs the head-of-line listener (HTTP/2; absent for HTTP/1.x). */
  setListener(listener: UnblockedListener): void {
    this.listener = listener;
  }

  /**
   * In-order bytes up to sequence number `end` (exclusive) arrived. Advances `rcvNxt` over them
   * and over any buffered ranges they reach; returns true when a hole had been open (the
   * receiver then acknowledges at once). Reports released bytes to the listener.
   */
  inOrder(end: number): boolean {
    const hadHole = this.hasHole;
    this.rcvNxt = end;
    if (!hadHole) return false;
    const o = this.ooo;
    let released = false;
    while (o !== undefined && !o.isEmpty && o.start(0) <= this.rcvNxt) {
      if (o.end(0) > this.rcvNxt) this.rcvNxt = o.end(0);
      o.shift();
      released = true;
    }
    if (this.oooFins.length > 0) {
      const fins = this.oooFins.filter((f) => f > this.rcvNxt);
      if (fins.length < this.oooFins.length) released = true;
      this.oooFins = fins;
    }
    if (this.oooArrivals.length > 0) this.reportUnblocked(end);
    if (released) this.gapStart = this.rcvNxt;
    return true;
  }

  /** Bytes [seq, end) (sequence space, `len` data bytes) arrived above a hole at `nowUs`. */
  outOfOrder(seq: number, end: number, len: number, nowUs: Micros): void {
    if (!this.hasHole) this.gapStart = this.rcvNxt;
    if (end > seq) (this.ooo ??= new RangeSet()).add(seq, end);
    else if (!this.oooFins.includes(seq)) this.oooFins.push(seq);
    if (this.listener !== undefined && len > 0) this.oooArrivals.push(seq - 1, end - 1, nowUs);
  }

  /** Bytes (or a FIN) wait above a hole. */
  private get hasHole(): boolean {
    return this.ooo?.isEmpty === false || this.oooFins.length > 0;
  }

  /** Tells `handler` of every message start and end now in order (stream order). */
  deliver(handler: StreamHandler): void {
    const upTo = this.rcvNxt - 1; // data offset delivered so far (exclusive)
    const msgs = this.peerTx.log;
    // Stream order: a message starts, possibly completes, then the next one starts.
    while (this.doneIdx < msgs.length) {
      const m = msgs[this.doneIdx] as Logged;
      if (this.firstIdx <= this.doneIdx) {
        if (m.start >= upTo) break;
        this.firstIdx = this.doneIdx + 1;
        handler.onMessageStart(m.msg);
      }
      if (m.end > upTo) break;
      this.doneIdx++;
      handler.onMessage(m.msg);
    }
  }

  /** Forgets buffered ranges and arrivals for good (the socket is done). */
  release(): void {
    this.ooo = undefined;
    this.oooFins.length = 0;
    this.oooArrivals.length = 0;
  }

  /**
   * Tells the listener which messages had out-of-order bytes that the filled gap releases, and
   * which messages the bytes that filled it (from `gapStart` to `fillEnd`, sequence space) carry.
   */
  private reportUnblocked(fillEnd: number): void {
    const hook = this.listener;
    if (hook === undefined) return;
    const upTo = this.rcvNxt - 1;
    const a = this.oooArrivals;
    const tx = this.peerTx;
    const msgs = tx.log;
    const first = new Map<StreamMessage, number>();
    const keep: number[] = [];
    for (let i = 0; i < a.length; i += 3) {
      const s = a[i] as number;
      const e = a[i + 1] as number;
      const at = a[i + 2] as number;
      if (e > upTo) {
        keep.push(s, e, at);
        continue;
      }
      for (let j = tx.indexAt(s); j < msgs.length; j++) {
        const m = msgs[j] as Logged;
        if (m.start >= e) break;
        if (m.end <= s) continue;
        const prev = first.get(m.msg);
        if (prev === undefined || at < prev) first.set(m.msg, at);
      }
    }
    this.oooArrivals = keep;
    if (first.size === 0) return;
    const items: Unblocked[] = [];
    for (const [msg, arrivedUs] of first) items.push({ msg, arrivedUs });
    const gs = this.gapStart - 1;
    const ge = fillEnd - 1;
    const gap: StreamMessage[] = [];
    for (let j = tx.firstEndingAfter(gs); j < msgs.length; j++) {
      const m = msgs[j] as Logged;
      if (m.start >= ge) break;
      gap.push(m.msg);
    }
    hook(items, gap);
  }
}
