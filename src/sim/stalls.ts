/**
 * Stall metrics of HTTP/2 and HTTP/3 streams, from the trace's `stream-stall` events: each
 * stream's waiting intervals united and clipped to its lifetime, in two kinds (head-of-line
 * blocked; waiting for its own lost data). Kept apart from `metrics.ts` so the views' running
 * stall figures load without the rest of `computeMetrics`.
 */
import type { RequestEvent, Side, StallCause, StreamStallEvent, Trace, TraceEvent } from './trace';

/** A stall interval of one kind (ms): bytes of a stream waited over [startMs, endMs). */
export interface StallInterval {
  readonly startMs: number;
  readonly endMs: number;
  readonly cause: StallCause;
}

/**
 * Stall time of one stream on one receiving side: the measure of the union of its `stream-stall`
 * intervals, clipped to the stream's lifetime, so never longer than that lifetime. Split by kind
 * so that the two parts add up: where intervals of both kinds overlap, the stream was waiting for
 * its own lost data (it would have waited even if ordered on its own), so that instant counts as
 * `ownDataMs`; `headOfLineMs` is the time it waited only behind other data.
 */
export interface StreamStall {
  readonly conn: number;
  readonly side: Side;
  readonly stream: number;
  /** The stream's request (null for none). */
  readonly requestId: number | null;
  /** The stream's lifetime (ms): its request sent → done or error (trace end when neither). */
  readonly lifetime: { readonly startMs: number; readonly endMs: number };
  /** Waiting time of either kind (ms) = headOfLineMs + ownDataMs. */
  readonly ms: number;
  /** Head-of-line blocked: bytes arrived but waited behind a hole of other data (TCP, HTTP/2). */
  readonly headOfLineMs: number;
  /** Waiting for its own lost data (every QUIC stream stall; HTTP/2 when the hole was its own). */
  readonly ownDataMs: number;
  /** The union as sorted, disjoint intervals, each of one kind (own data wins an overlap). */
  readonly intervals: readonly StallInterval[];
}

/** Totals of one stall kind (or of both) over every stream. */
export interface StallTotals {
  /** Sum over streams (and receiving sides) of each stream's united waiting time (ms). */
  readonly total: number;
  /** The longest single stream's united waiting time (ms). */
  readonly longest: number;
  /** Streams (conn, stream id) that waited, on either side. */
  readonly count: number;
}

/**
 * Stall metrics of a trace: both kinds together (`total`, `longest`, `count`), each kind, and
 * every stream that waited (ordered by connection, side, stream).
 */
export interface StallSummary extends StallTotals {
  readonly headOfLine: StallTotals;
  readonly ownData: StallTotals;
  readonly streams: readonly StreamStall[];
}

/**
 * The union of stall intervals with the kinds kept apart: sorted, disjoint intervals, own-data
 * wherever an own-data interval covers the instant, head-of-line elsewhere; adjacent intervals
 * of the same kind merged, empty ones dropped.
 */
export function uniteStalls(intervals: readonly StallInterval[]): StallInterval[] {
  // A sweep over the intervals' ends, without the range-set code (the waterfall calls this in the
  // page): between two consecutive ends every interval covers all or nothing, so each such piece
  // takes own-data if an own-data interval covers it, else head-of-line if one does.
  const ends = [...new Set(intervals.flatMap((i) => [i.startMs, i.endMs]))].sort((a, b) => a - b);
  const out: StallInterval[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const a = ends[k] as number;
    const b = ends[k + 1] as number;
    let cause: StallCause | undefined;
    for (const i of intervals) {
      if (i.startMs > a || i.endMs < b) continue;
      cause = i.cause;
      if (cause === 'own-data') break;
    }
    if (cause === undefined) continue;
    const last = out[out.length - 1];
    if (last?.cause === cause && last.endMs === a) out[out.length - 1] = { ...last, endMs: b };
    else out.push({ startMs: a, endMs: b, cause });
  }
  return out;
}

/** Stall time of each kind up to time t (ms): the part of each stream's intervals before t. */
export function stalledBy(
  streams: readonly StreamStall[],
  t: number,
): { total: number; headOfLine: number; ownData: number } {
  let total = 0;
  let headOfLine = 0;
  let ownData = 0;
  for (const s of streams) {
    let hol = 0;
    let own = 0;
    for (const i of s.intervals) {
      if (i.startMs >= t) break;
      const d = Math.min(t, i.endMs) - i.startMs;
      if (i.cause === 'own-data') own += d;
      else hol += d;
    }
    hol = roundUs(hol);
    own = roundUs(own);
    headOfLine += hol;
    ownData += own;
    total += roundUs(hol + own);
  }
  return { total: roundUs(total), headOfLine: roundUs(headOfLine), ownData: roundUs(ownData) };
}

/**
 * Stall metrics from a trace alone: each `stream-stall` interval is clipped to its stream's
 * lifetime (the request's `sent` on that connection and stream → its `done`, `error` or `retry`;
 * the trace's end when none), a stream's intervals are united per side (`uniteStalls`), and the
 * totals sum the streams' united times, so no stream's figure exceeds its lifetime.
 */
export function stallSummary(trace: Trace): StallSummary {
  const acc = new StallAccumulator();
  for (const e of trace) acc.add(e);
  return acc.result();
}

/** `stallSummary` one event at a time (`MetricsAccumulator` feeds it while the run records). */
export class StallAccumulator {
  private readonly lifetimes = new Map<string, { startMs: number; endMs: number }>();
  private readonly current = new Map<number, string>();
  private readonly raw = new Map<
    string,
    { conn: number; side: Side; stream: number; requestId: number | null; list: StallInterval[] }
  >();
  private endMs = 0;

  /** Takes one event (events in trace order). */
  add(e: TraceEvent): void {
    this.endMs = Math.max(this.endMs, e.t);
    if (e.type === 'request') this.request(e);
    else if (e.type === 'stream-stall') this.stall(e);
  }

  /** A request event: a stream's lifetime starts at `sent` and ends at `done`, `error` or `retry`. */
  request(e: RequestEvent): void {
    if (e.step === 'sent' && e.conn !== undefined && e.stream !== undefined) {
      const key = `${e.conn}:${e.stream}`;
      this.current.set(e.requestId, key);
      if (!this.lifetimes.has(key)) this.lifetimes.set(key, { startMs: e.t, endMs: Infinity });
    } else if (e.step === 'done' || e.step === 'error' || e.step === 'retry') {
      const key = this.current.get(e.requestId);
      const life = key === undefined ? undefined : this.lifetimes.get(key);
      if (life !== undefined && life.endMs === Infinity) life.endMs = e.t;
      this.current.delete(e.requestId);
    }
  }

  /** A stream-stall event. */
  stall(e: StreamStallEvent): void {
    const key = `${e.conn}:${e.side}:${e.stream}`;
    let r = this.raw.get(key);
    if (r === undefined) {
      r = {
        conn: e.conn,
        side: e.side,
        stream: e.stream,
        requestId: e.requestIds[0] ?? null,
        list: [],
      };
      this.raw.set(key, r);
    }
    r.list.push({ startMs: e.fromMs, endMs: e.toMs, cause: e.cause });
  }

  /**
   * The stall metrics of the events taken so far; `endMs` is the trace's last time (streams
   * still open end there): by default the latest time `add` saw.
   */
  result(endMs = this.endMs): StallSummary {
    const streams: StreamStall[] = [];
    for (const r of this.raw.values()) {
      const life = this.lifetimes.get(`${r.conn}:${r.stream}`);
      const lifetime = {
        startMs: life?.startMs ?? 0,
        endMs: life === undefined || life.endMs === Infinity ? endMs : life.endMs,
      };
      const intervals = uniteStalls(
        r.list.map((i) => ({
          startMs: Math.max(i.startMs, lifetime.startMs),
          endMs: Math.min(i.endMs, lifetime.endMs),
          cause: i.cause,
        })),
      );
      if (intervals.length === 0) continue;
      const s = { conn: r.conn, side: r.side, stream: r.stream, requestId: r.requestId, lifetime };
      const by = stalledBy([{ ...s, ms: 0, headOfLineMs: 0, ownDataMs: 0, intervals }], Infinity);
      streams.push({
        ...s,
        ms: by.total,
        headOfLineMs: by.headOfLine,
        ownDataMs: by.ownData,
        intervals,
      });
    }
    streams.sort(
      (a, b) =>
        a.conn - b.conn ||
        (a.side === b.side ? 0 : a.side === 'client' ? -1 : 1) ||
        a.stream - b.stream,
    );
    const totals = (ms: (s: StreamStall) => number): StallTotals => {
      let total = 0;
      let longest = 0;
      const waited = new Set<string>();
      for (const s of streams) {
        const v = ms(s);
        if (v <= 0) continue;
        total += v;
        longest = Math.max(longest, v);
        waited.add(`${s.conn}:${s.stream}`);
      }
      return { total: roundUs(total), longest, count: waited.size };
    };
    return {
      ...totals((s) => s.ms),
      headOfLine: totals((s) => s.headOfLineMs),
      ownData: totals((s) => s.ownDataMs),
      streams,
    };
  }
}

/** Rounds a duration in ms to whole microseconds (the engine's unit), dropping float noise. */
function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
